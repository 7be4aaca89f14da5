"""A search that matches more pages than PostgreSQL can rank quickly ranks only the newest of
them, and says so: at 100,000 updates a common word matches half the site, and ranking every
match took a third of a second of the database's time per search.

The ranked number is the search backend's ``max_ranked`` (500), made small here. SQLite, the
embedded default of small sites, ranks every match."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.backends import MatchesFirstQueryCompiler, MultilingualPostgresSearchBackend
from tests.search.test_search import result_titles, search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search backend"),
]

RANKED = 3


@pytest.fixture(params=["through the matching entries", "walking the newest pages"])
def ranked(request, monkeypatch):
    """At most RANKED matches ranked, found either way the backend has: with few matches
    in the whole index (here all are few), or many (here more than two)."""
    monkeypatch.setattr(MultilingualPostgresSearchBackend, "max_ranked", RANKED)
    if request.param == "walking the newest pages":
        monkeypatch.setattr(MatchesFirstQueryCompiler, "few_matches", 2)


@pytest.fixture
def geneva(tree):
    """Six live public updates about Geneva, the oldest the most relevant to the word, and a
    draft and a private one that match too."""
    oldest = tree.add_update(
        "Geneva, Geneva: the Geneva session", [tree.migrants], summary="Geneva Geneva Geneva."
    )
    newer = [tree.add_update(f"Statement {n} made in Geneva", [tree.migrants]) for n in range(5)]
    tree.add_update("Draft Geneva update", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members' Geneva update", [tree.migrants]))
    return oldest, newer


def test_more_matches_than_are_ranked_ranks_the_newest_and_says_so(client, ranked, geneva):
    oldest, newer = geneva

    response = search(client, q="Geneva")

    html = response.content.decode()
    titles = result_titles(response)
    assert response.status_code == 200
    assert oldest.title not in titles
    assert set(titles) <= {page.title for page in newer}
    assert {page.title for page in newer[-RANKED:]} <= set(titles)
    assert re.search(r"<h2[^>]*>\s*More than 3 results for “Geneva”\s*</h2>", html)
    assert "<title>More than 3 results for “Geneva” – Search |" in html
    assert "only the newest are ranked" in html
    assert "Draft Geneva" not in html and "Members&#x27; Geneva" not in html


def test_more_matches_than_are_ranked_lists_every_type_without_a_count(client, ranked, geneva):
    html = search(client, q="Geneva").content.decode()

    for label, slug in [("Topics", "topic"), ("Updates", "update"), ("Other pages", "page")]:
        assert re.search(rf'href="\?q=Geneva&amp;type={slug}"[^>]*>\s*{label}\s*</a>', html)
    assert re.search(r'href="\?q=Geneva"[^>]*>\s*All results\s*</a>', html)


def test_a_type_with_few_matches_is_searched_in_full_among_many_matches(
    client, ranked, geneva, tree
):
    topic = tree.add_topic("Geneva advocacy", intro="Our work in Geneva.")
    for number in range(4):
        tree.add_update(f"Later Geneva statement {number}", [tree.migrants])

    everything = search(client, q="Geneva")
    topics = search(client, q="Geneva", type="topic")

    assert topic.title not in result_titles(everything)
    assert result_titles(topics) == [topic.title]
    assert "1 result for" in topics.content.decode()


def test_matches_within_the_limit_are_counted_and_ranked_in_full(client, ranked, tree):
    oldest = tree.add_update("Geneva, Geneva: the Geneva session", [tree.migrants])
    tree.add_update("Statement made in Geneva", [tree.migrants])
    tree.add_update("Draft Geneva update", [tree.migrants], live=False)

    response = search(client, q="Geneva")

    html = response.content.decode()
    assert result_titles(response)[0] == oldest.title
    assert re.search(r"<h2[^>]*>\s*2 results for “Geneva”\s*</h2>", html)
    assert "only the newest are ranked" not in html


def newest_lookups(queries):
    return [q for q in queries if '"first_published_at" DESC' in q["sql"]]


def test_the_newest_matches_are_kept_until_a_page_is_published(
    client, ranked, geneva, tree, settings, committed
):
    """With the page cache on, as in production: a word many people search for is looked up
    once; a page published or unpublished since is found or left out at once."""
    settings.PAGE_CACHE_ENABLED = True
    search(client, q="Geneva")
    with CaptureQueriesContext(connection) as again:
        search(client, q="Geneva")
    looked_up_again = newest_lookups(again.captured_queries)

    latest = committed(lambda: tree.add_update("Geneva statement since", [tree.migrants]))
    with CaptureQueriesContext(connection) as after_publishing:
        published = search(client, q="Geneva", type="update")
    looked_up_after_publishing = newest_lookups(after_publishing.captured_queries)
    committed(latest.unpublish)
    unpublished = search(client, q="Geneva", type="update")

    assert looked_up_again == []
    assert looked_up_after_publishing
    assert latest.title in result_titles(published)
    assert latest.title not in result_titles(unpublished)


def test_the_admins_page_search_still_finds_and_counts_pages(admin_client, ranked, geneva):
    """The admin searches pages with Wagtail's autocomplete, which ranks every match and
    counts the page types its own way: it must not take the newest-matches path (it failed
    with a 500 when it did)."""
    response = admin_client.get("/admin/pages/search/", {"q": "Geneva"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Geneva, Geneva: the Geneva session" in html
    assert "Statement 4 made in Geneva" in html
