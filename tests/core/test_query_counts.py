"""The topic page and the updates listing cost a fixed number of queries, however many
updates are tagged: listings fetch what their cards show up front, never once per card."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.conftest import make_image

pytestmark = pytest.mark.django_db

# Includes the Join us form's topic checkboxes (one query) and the footer's site settings.
MAX_QUERIES = 16


def add_updates(tree, count):
    for number in range(count):
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
    tree.migrants.updates_count = 12
    tree.migrants.hero_image = make_image("Hero")
    tree.migrants.save_revision().publish()
    tree.add_story("A story", [tree.migrants], portrait=make_image("Portrait"))

    add_updates(tree, 5)
    with_5 = count_queries(client, urls[page]())
    add_updates(tree, 45)
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
