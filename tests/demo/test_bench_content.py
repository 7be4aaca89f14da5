"""generate_bench_content: many pages, written in batches, that are whole pages of the tree."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from stories.models import StoryPage
from topics.models import TopicPage
from updates.models import UpdatePage


def test_bench_content_makes_live_tagged_pages_in_a_sound_tree_and_only_once(tree, client):
    def generate():
        call_command(
            "generate_bench_content", "--topics=4", "--updates=25", "--stories=3", verbosity=0
        )

    generate()
    generate()  # adds nothing more

    updates = UpdatePage.objects.filter(slug__startswith="bench-")
    assert (
        updates.count() == 25 and StoryPage.objects.filter(slug__startswith="bench-").count() == 3
    )
    assert TopicPage.objects.count() == 4
    assert not updates.filter(live=False).exists()
    assert not updates.filter(topics=None).exists()
    # Paths, depths and child counts as Wagtail's own tree functions keep them.
    assert Page.find_problems() == ([], [], [], [], [])
    tree.update_index.refresh_from_db()
    assert tree.update_index.get_children().count() == tree.update_index.numchild == 25
    listing = client.get(f"{tree.update_index.url}?page=3")
    assert listing.status_code == 200
    newest = updates.order_by("-date", "-pk").first()
    assert client.get(newest.url).status_code == 200


def test_explain_listings_shows_how_each_listing_query_runs(tree):
    tree.add_update("An update", [tree.migrants])
    tree.add_story("A story", [tree.migrants])
    output = StringIO()

    call_command("explain_listings", stdout=output)

    sections = [line for line in output.getvalue().splitlines() if line.startswith("== ")]
    assert sections == [
        "== updates listing, first page",
        "== a topic's latest updates",
        "== a topic's latest stories",
        "== updates tagged to a topic, first page",
        "== stories listing, first page",
    ]
    # A plan under each (SQLite's or PostgreSQL's, with the time each step took).
    assert "updates_updatepage" in output.getvalue()


def test_explain_listings_says_what_is_missing_on_an_empty_site(db):
    with pytest.raises(CommandError, match="load content first"):
        call_command("explain_listings")


def test_count_queries_counts_each_kind_of_page_within_the_budget(tree, settings):
    settings.PAGE_CACHE_ENABLED = True  # as in production: what is kept between requests
    tree.add_update("An update", [tree.migrants])
    tree.add_story("A story", [tree.migrants])
    output = StringIO()

    call_command("count_queries", stdout=output)

    lines = output.getvalue().splitlines()
    assert [line.split("  ")[0].strip() for line in lines] == [
        "topic page",
        "updates listing",
        "updates listing filtered",
        "home page",
        "update page",
        "stories listing",
        "story page",
    ]
    for line in lines:
        count = int(line.split(" queries")[0].split()[-1])
        assert "(200," in line and count <= 8, line
