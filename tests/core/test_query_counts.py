"""The topic page and the updates listing cost a fixed number of queries, however many
updates are tagged: listings fetch what their cards show up front, never once per card."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.conftest import make_image
from tests.snapshots import restore_or_build

pytestmark = pytest.mark.django_db

# Includes the Join us form's topic checkboxes (one query), the footer's site settings, the
# locale of the visitor's language (Wagtail's routing looks it up once per request) and the
# page's translations (the language switcher and the hreflang links share one query).
MAX_QUERIES = 18


def tagged_topic_with_updates(tree, count):
    """The migrants topic with a hero photo, a story with a portrait, and ``count`` updates."""
    migrants = tree.migrants
    migrants.updates_count = 12
    migrants.hero_image = make_image("Hero")
    migrants.save_revision().publish()
    tree.add_story("A story", [migrants], portrait=make_image("Portrait"))
    add_updates(tree, count)


def add_updates(tree, count, start=0):
    for number in range(start, start + count):
        tree.add_update(
            f"Update {number}",
            [tree.migrants, tree.women],
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            listing_image=make_image(f"Listing {number}") if number % 2 else None,
        )


def count_queries(client, url):
    client.get(url)  # renditions are made on the first view; count a warm page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["topic", "updates listing", "filtered listing", "home"])
def test_page_runs_the_same_queries_with_5_and_50_updates(client, tree, page):
    urls = {
        "topic": lambda: tree.migrants.url,
        "updates listing": lambda: tree.update_index.url,
        "filtered listing": lambda: f"{tree.update_index.url}?topic=migrant-and-refugee-rights",
        "home": lambda: tree.home.url,
    }
    # Built once per test process for the four pages (tests/snapshots.py).
    restore_or_build("query counts: 5 updates", lambda: tagged_topic_with_updates(tree, 5))
    with_5 = count_queries(client, urls[page]())
    restore_or_build("query counts: 50 updates", lambda: add_updates(tree, 45, start=5))
    with_50 = count_queries(client, urls[page]())

    print(f"{page}: {with_5} queries with 5 updates, {with_50} with 50")
    assert with_5 == with_50
    assert with_50 <= MAX_QUERIES


def test_topic_page_stays_within_the_query_budget(client, tree, django_assert_max_num_queries):
    add_updates(tree, 20)
    client.get(tree.migrants.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(tree.migrants.url)


def test_updates_listing_stays_within_the_query_budget(
    client, tree, django_assert_max_num_queries
):
    add_updates(tree, 20)
    client.get(tree.update_index.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(tree.update_index.url)
