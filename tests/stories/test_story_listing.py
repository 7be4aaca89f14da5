"""The defenders' stories listing filters by topic at a shareable address, keeps the filter in
its page links, and never shows a protected defender's name, country or portrait."""

import html as html_module
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.models import CountryOrRegion
from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def stories(tree):
    """A story on each topic, a protected one on migrants, and a draft and a members-only story
    on migrants that no listing may show."""
    kenya = CountryOrRegion.objects.create(name="Kenya", slug="kenya")
    tree.add_story("On women", [tree.women], defender_name="Wanjiru Mwangi", country=kenya)
    tree.add_story(
        "Protected on migrants",
        [tree.migrants],
        defender_name="Hidden Defender",
        country=CountryOrRegion.objects.create(name="Mauritania", slug="mauritania"),
        portrait=make_image("Portrait of the hidden defender"),
        protect_identity=True,
    )
    tree.add_story("Open on migrants", [tree.migrants], defender_name="Open Defender")
    tree.add_story("Draft on migrants", [tree.migrants], live=False)
    tree.restrict(tree.add_story("Members-only on migrants", [tree.migrants]))
    return tree


HIDDEN = {"Draft on migrants", "Members-only on migrants"}


def test_stories_listing_shows_live_public_stories_newest_first(client, stories):
    response = client.get(stories.story_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == ["Open on migrants", "Protected on migrants", "On women"]
    assert '<select name="topic"' in html
    assert "filter-chip" not in html
    assert "Clear all filters" not in html


def test_stories_listing_filters_by_topic_at_a_shareable_address(client, stories):
    response = client.get(
        stories.story_index.url, {"topic": "migrant-and-refugee-rights", "utm_source": "x"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == ["Open on migrants", "Protected on migrants"]
    assert not HIDDEN & set(card_titles(html))
    assert "<h1>Defenders&#x27; stories on Migrant and refugee rights</h1>" in html
    assert "<title>Defenders&#x27; stories on Migrant and refugee rights |" in html
    assert "2 stories" in html
    url = stories.story_index.url
    chip = re.search(rf'<a class="filter-chip" href="{url}">(.*?)</a>', html)
    assert chip and "Topic: <strong>Migrant and refugee rights</strong>" in chip.group(1)
    assert f'<a class="applied-filters__clear" href="{url}">Clear all filters</a>' in html
    assert re.search(r'<option value="migrant-and-refugee-rights" selected>', html)
    assert "utm_source" not in html


def test_a_filtered_story_listing_keeps_a_protected_defenders_identity(client, stories):
    html = client.get(
        stories.story_index.url, {"topic": "migrant-and-refugee-rights"}
    ).content.decode()

    assert "Protected on migrants" in html
    assert "Hidden Defender" not in html
    assert "Mauritania" not in html
    assert "Portrait of the hidden defender" not in html
    assert "Open Defender" in html


def test_a_topic_without_stories_gets_a_helpful_empty_listing(client, stories):
    stories.add_topic("Environmental defenders", slug="environment")

    response = client.get(stories.story_index.url, {"topic": "environment"})

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == []
    assert "No defenders' stories have been published on this topic yet." in html
    assert "0 stories" in html


@pytest.mark.parametrize(
    ("topic", "shown"),
    [
        ("no-such-topic", "no-such-topic"),
        ("<script>alert(1)</script>", "&lt;script&gt;"),
        ("x" * 500, "x" * 39),
        ("\x00", "“”"),
        ("women-defenders\x00", "“women-defenders”"),
        ("draft-topic", "draft-topic"),
        ("restricted-topic", "restricted-topic"),
    ],
)
def test_an_unknown_topic_gets_a_message_beside_the_field_and_a_404(client, stories, topic, shown):
    stories.add_topic("Draft topic", slug="draft-topic", live=False)
    stories.restrict(stories.add_topic("Restricted topic", slug="restricted-topic"))

    response = client.get(stories.story_index.url, {"topic": topic})

    assert response.status_code == 404
    html = response.content.decode()
    error = re.search(r'<p class="field__error" id="id_topic_error">([^<]*)</p>', html)
    assert error and "There is no topic called" in html_module.unescape(error.group(1))
    assert shown in html
    assert re.search(r'<select name="topic"[^>]*aria-describedby="id_topic_error"', html)
    assert "<script>alert(1)</script>" not in html and "\x00" not in html
    assert "x" * 41 not in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Page not found |" in html
    assert card_titles(html) == []


def test_a_nul_byte_in_the_topic_never_reaches_the_database(client, stories):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(stories.story_index.url, {"topic": "a\x00"}).status_code == 404

    assert not [query for query in queries.captured_queries if "\x00" in query["sql"]]


def test_a_repeated_topic_parameter_uses_the_last_one(client, stories):
    response = client.get(
        f"{stories.story_index.url}?topic=migrant-and-refugee-rights&topic=women-defenders"
    )

    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["On women"]


def add_many(tree, count, topics):
    for number in range(count):
        tree.add_story(f"Story {number:02}", topics)


def test_page_links_keep_the_topic_and_mark_the_current_page(client, stories):
    add_many(stories, 12, [stories.migrants])
    url = stories.story_index.url
    params = {"topic": "migrant-and-refugee-rights"}

    first = client.get(url, params).content.decode()
    second = client.get(url, {**params, "page": "2"}).content.decode()

    assert "14 stories" in first
    assert len(card_titles(first)) == 12
    assert '<a href="?topic=migrant-and-refugee-rights&amp;page=2">2</a>' in first
    assert f'<a href="{url}?topic=migrant-and-refugee-rights" aria-current="page">' in first
    assert card_titles(second) == ["Open on migrants", "Protected on migrants"]
    assert '<a href="?topic=migrant-and-refugee-rights&amp;page=2" aria-current="page">' in second
    assert f'<a rel="prev" href="{url}?topic=migrant-and-refugee-rights">' in second
    assert not HIDDEN & set(card_titles(first) + card_titles(second))


def test_a_page_beyond_the_filtered_stories_is_a_404_that_keeps_the_filter(client, stories):
    response = client.get(
        stories.story_index.url, {"topic": "migrant-and-refugee-rights", "page": "2"}
    )

    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no such page in this listing" in html
    assert '<option value="migrant-and-refugee-rights" selected>' in html


def test_the_filtered_stories_listing_runs_as_many_queries_with_3_and_30_stories(
    client, stories, django_assert_max_num_queries
):
    url = f"{stories.story_index.url}?topic=migrant-and-refugee-rights"

    def count():
        client.get(url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with_3 = count()
    for number in range(27):
        stories.add_story(
            f"Story {number:02}",
            [stories.migrants],
            portrait=make_image(f"Portrait {number}") if number % 3 else None,
        )
    with_30 = count()

    assert with_3 == with_30
    with django_assert_max_num_queries(15):
        client.get(url)


def test_a_filtered_story_listing_is_its_own_canonical_address(client, stories):
    add_many(stories, 12, [stories.migrants])
    params = {"topic": "migrant-and-refugee-rights", "page": "2", "utm_source": "x"}

    html = client.get(stories.story_index.url, params).content.decode()

    canonical = f"{stories.story_index.full_url}?topic=migrant-and-refugee-rights&amp;page=2"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_the_story_filter_is_folded_behind_a_summary_that_counts_it(client, stories):
    url = stories.story_index.url
    plain = client.get(url).content.decode()
    filtered = client.get(url, {"topic": "migrant-and-refugee-rights"}).content.decode()
    bad = client.get(url, {"topic": "no-such-topic"})

    for html, summary in ((plain, "Filters"), (filtered, "Filters (1 applied)")):
        found = re.search(r'<details class="filters-disclosure">\s*<summary[^>]*>([^<]*)<', html)
        assert found and " ".join(found.group(1).split()) == summary
        assert re.search(r'<details class="filters-disclosure">.*<select name="topic"', html, re.S)
    assert bad.status_code == 404
    assert '<details class="filters-disclosure" open>' in bad.content.decode()
