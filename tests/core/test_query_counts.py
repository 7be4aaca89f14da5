"""Every page type costs at most 8 queries when the page cache does not answer, however many
updates are tagged: listings fetch what their cards show up front, never once per card; the
site, its settings, the navigation, a page's translations and the Join us topics are kept
between requests (``pagecache.store.remember``), and a page is found in one query
(``core.routing``)."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from stories.models import StoryPage
from tests.conftest import make_image
from tests.snapshots import restore_or_build
from updates.models import UpdatePage

pytestmark = pytest.mark.django_db

# The page itself, its view restrictions, and each listing on it with its cards' renditions.
MAX_QUERIES = 8


@pytest.fixture
def page_cache_passed(client, settings):
    """The production setup with the page cache on, for a visitor it does not answer (a
    session cookie, as a signed-in reader's): the page is rendered for each request, with
    what is kept between requests."""
    settings.PAGE_CACHE_ENABLED = True
    client.cookies["sessionid"] = "no-such-session"


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
    response = client.get(url)
    assert "X-Cache" not in response, "the page cache answered"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = {
    "topic": lambda tree: tree.migrants.url,
    "updates listing": lambda tree: tree.update_index.url,
    "filtered listing": lambda tree: f"{tree.update_index.url}?topic=migrant-and-refugee-rights",
    "home": lambda tree: tree.home.url,
    "update": lambda tree: UpdatePage.objects.get(title="Update 1").url,
    "stories listing": lambda tree: tree.story_index.url,
    "story": lambda tree: StoryPage.objects.live().first().url,
}


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_the_same_queries_with_5_and_50_updates(client, tree, page, page_cache_passed):
    # Built once per test process for the four pages (tests/snapshots.py).
    restore_or_build("query counts: 5 updates", lambda: tagged_topic_with_updates(tree, 5))
    with_5 = count_queries(client, PAGES[page](tree))
    restore_or_build("query counts: 50 updates", lambda: add_updates(tree, 45, start=5))
    with_50 = count_queries(client, PAGES[page](tree))

    print(f"{page}: {with_5} queries with 5 updates, {with_50} with 50")
    assert with_5 == with_50
    assert with_50 <= MAX_QUERIES


def test_topic_page_stays_within_the_query_budget(
    client, tree, django_assert_max_num_queries, page_cache_passed
):
    add_updates(tree, 20)
    client.get(tree.migrants.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(tree.migrants.url)


def test_updates_listing_stays_within_the_query_budget(
    client, tree, django_assert_max_num_queries, page_cache_passed
):
    add_updates(tree, 20)
    client.get(tree.update_index.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(tree.update_index.url)


def renditions_read(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if 'FROM "core_customrendition"' in q["sql"]]


def test_a_listing_reads_only_the_renditions_its_cards_show(client, tree):
    """Renditions are found by the specs the card asks for, in the renditions cache (none from
    the database once made); when the cache has lost them, by those specs only."""
    image = make_image("Listing")
    image.get_rendition("fill-1920x900|format-avif")  # another page's size
    tree.add_update("With an image", [tree.migrants], listing_image=image)
    url = tree.update_index.url
    client.get(url)  # the card's renditions are made

    assert renditions_read(client, url) == []
    cache.clear()
    cold = renditions_read(client, url)
    assert cold and all("filter_spec" in sql.split("WHERE", 1)[1] for sql in cold)
    assert not any("1920x900" in sql for sql in cold)
