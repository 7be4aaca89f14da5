"""Site search (/search/): topics, updates, stories and standard pages, live and public only."""

import datetime
import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from home.models import HomePage, StandardPage
from tests.builders import build, every_page_type
from tests.conftest import make_image

pytestmark = pytest.mark.django_db

SEARCH_URL = "/search/"


def search(client, **params):
    return client.get(SEARCH_URL, params)


def result_titles(response):
    html = response.content.decode()
    return [
        unescape(title)
        for title in re.findall(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', html)
    ]


def results_section(response):
    """The results list alone, so that assertions ignore the header, form and footer."""
    html = response.content.decode()
    match = re.search(r'<ol class="search-results".*?</ol>', html, re.S)
    return match.group(0) if match else ""


def test_search_lives_at_search_and_is_named_for_the_error_pages():
    assert reverse("search:search") == SEARCH_URL


def test_search_finds_live_public_topics_updates_stories_and_standard_pages(client, tree):
    tree.add_update("Geneva statement", [tree.migrants])
    tree.add_story("Speaking out", [tree.women], summary="A defender speaks in Geneva.")
    tree.add_topic("Geneva process", slug="geneva-process")
    build(StandardPage, tree, title="Visiting us in Geneva", slug="visit")

    response = search(client, q="Geneva")

    assert response.status_code == 200
    assert sorted(result_titles(response)) == [
        "Geneva process",
        "Geneva statement",
        "Speaking out",
        "Visiting us in Geneva",
    ]


def test_search_leaves_out_drafts_and_view_restricted_pages(client, tree):
    tree.add_update("Public statement on reprisals", [tree.migrants])
    tree.add_update("Draft statement on reprisals", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members' statement on reprisals", [tree.migrants]))
    tree.add_story("Draft story on reprisals", [tree.migrants], live=False)
    tree.restrict(tree.add_story("Members' story on reprisals", [tree.migrants]))
    tree.add_topic("Draft topic on reprisals", slug="draft-reprisals", live=False)

    response = search(client, q="reprisals")

    assert result_titles(response) == ["Public statement on reprisals"]
    assert "1 result for" in response.content.decode()


def test_search_leaves_out_pages_under_a_restricted_section(client, tree):
    tree.add_update("Statement on reprisals", [tree.migrants])
    tree.add_story("Story on reprisals", [tree.migrants])
    tree.restrict(tree.update_index)

    response = search(client, q="reprisals")

    assert result_titles(response) == ["Story on reprisals"]


def test_search_leaves_out_the_home_and_section_pages_and_other_sites(client, tree):
    other_home = HomePage(title="Another site", slug="another", intro="Elsewhere.")
    tree.root.add_child(instance=other_home)
    other_home.add_child(instance=StandardPage(title="Latest updates elsewhere", slug="elsewhere"))

    response = search(client, q="latest updates")

    assert result_titles(response) == []


def test_each_result_shows_its_type_title_date_and_summary(client, tree):
    tree.add_update(
        "Kenya defenders law",
        [tree.migrants],
        date=datetime.date(2024, 3, 5),
        summary="Kenya should protect defenders by law.",
    )
    tree.add_story(
        "Speaking for Kenya",
        [tree.women],
        summary="How one defender from Kenya spoke up.",
        first_published_at=timezone.make_aware(datetime.datetime(2023, 11, 20, 9, 0)),
    )
    tree.add_topic("Kenya", slug="kenya", intro="Our work with defenders in Kenya.")

    results = results_section(search(client, q="Kenya"))

    assert "Update" in results
    assert "Defender’s story" in results
    assert "Topic" in results
    assert '<time datetime="2024-03-05">' in results
    assert '<time datetime="2023-11-20">' in results
    assert "Kenya should protect defenders by law." in results
    assert "How one defender from Kenya spoke up." in results
    assert "Our work with defenders in Kenya." in results
    assert results.count("<time") == 2  # topics carry no date


def test_a_result_title_links_to_the_page(client, tree):
    update = tree.add_update("Geneva statement", [tree.migrants])

    html = search(client, q="Geneva").content.decode()

    assert f'<a href="{update.url}">Geneva statement</a>' in html


def test_searching_a_protected_defenders_name_finds_nothing(client, tree):
    tree.add_story(
        "Speaking out", [tree.migrants], defender_name="Zainab Hiddenname", protect_identity=True
    )

    response = search(client, q="Hiddenname")

    assert result_titles(response) == []
    assert "No results for" in response.content.decode()


def test_searching_an_unprotected_defenders_name_finds_their_story(client, tree):
    tree.add_story("Speaking out", [tree.migrants], defender_name="Amina Openname")

    assert result_titles(search(client, q="Openname")) == ["Speaking out"]


def test_results_never_show_a_protected_defenders_name_country_or_portrait(client, tree, tagging):
    portrait = make_image("Secret portrait", alt_text="Portrait of Zainab Hiddenname")
    tree.add_story(
        "Speaking out in Geneva",
        [tree.migrants],
        defender_name="Zainab Hiddenname",
        country=tagging.mauritania,
        portrait=portrait,
        protect_identity=True,
    )

    response = search(client, q="Geneva")

    html = response.content.decode()
    assert result_titles(response) == ["Speaking out in Geneva"]
    assert "Hiddenname" not in html
    assert "Mauritania" not in html
    assert "/media/" not in html  # the only result shows no image: not the portrait


def test_type_filter_shows_one_type_and_counts_every_type(client, tree):
    for number in range(3):
        tree.add_update(f"Geneva update {number}", [tree.migrants])
    tree.add_story("Geneva story", [tree.migrants])
    tree.add_update("Draft Geneva update", [tree.migrants], live=False)
    tree.restrict(tree.add_story("Members' Geneva story", [tree.migrants]))

    response = search(client, q="Geneva", type="story")

    html = response.content.decode()
    assert result_titles(response) == ["Geneva story"]
    assert "1 result for" in html
    assert re.search(r'href="\?q=Geneva"[^>]*>\s*All results\s*<span[^>]*>\(4\)', html)
    assert re.search(r'href="\?q=Geneva&amp;type=update"[^>]*>\s*Updates\s*<span[^>]*>\(3\)', html)
    assert re.search(
        r'href="\?q=Geneva&amp;type=story" aria-current="page"[^>]*>\s*Defenders’ stories', html
    )


@pytest.mark.parametrize("kind", ["topic", "update", "story", "page"])
def test_every_type_filter_works(client, tree, kind):
    response = search(client, q="anything", type=kind)

    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["bogus", "Story", "stories", "<b>x</b>", "x" * 300, "story\x00"])
def test_an_unknown_type_answers_400_with_a_message_and_the_form(client, tree, kind):
    tree.add_update("Geneva statement", [tree.migrants])

    response = search(client, q="Geneva", type=kind)

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is no such type of result" in html
    assert 'name="q"' in html
    assert 'value="Geneva"' in html
    assert 'href="?q=Geneva&amp;type=update"' in html
    assert "<b>x</b>" not in html


def test_results_are_paginated_with_the_query_kept_in_page_links(client, tree):
    for day in range(1, 13):
        tree.add_update(
            f"Geneva update {day:02}", [tree.migrants], date=datetime.date(2024, 1, day)
        )

    first = search(client, q="Geneva", type="update")
    second = search(client, q="Geneva", type="update", page=2)

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert "?q=Geneva&amp;type=update&amp;page=2" in first.content.decode()
    assert re.search(r'page=2" aria-current="page"', second.content.decode())
    assert "<title>12 results for “Geneva” – Search |" in first.content.decode()
    assert "<title>12 results for “Geneva” (page 2 of 2) – Search |" in second.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "\x00", "9" * 40, ""])
def test_a_bad_page_number_shows_a_page_of_results_never_a_500(client, tree, page):
    tree.add_update("Geneva statement", [tree.migrants])

    response = search(client, q="Geneva", page=page)

    assert response.status_code == 200
    assert result_titles(response) == ["Geneva statement"]


ODD_QUERIES = [
    "\x00",
    "Gen\x00eva",
    "\x01\x02\x1b[31m",
    "x" * 5000,
    "Geneva " * 300,
    "!!!",
    "***",
    "*",
    '"',
    '"human rights"',
    'a"b',
    "'",
    "\\",
    "OR",
    "AND",
    "NOT",
    "NEAR",
    "Geneva OR",
    "OR Geneva",
    "NEAR(Geneva rights)",
    "-Geneva",
    "title:Geneva",
    "{title}: Geneva",
    "(Geneva",
    "^Geneva",
    "Geneva*",
    "the and of",
    "le la les",
    "droits de l’homme",
    "derechos humanos en Ginebra",
    "Genève",
    "人权",
    "حقوق الإنسان",
    "😀",
    "👩🏽‍⚖️ Geneva",
    "e\u0301",
    "\u200b",
    "_",
    "%",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    " ",
]


def test_odd_queries_get_the_form_and_never_a_500(client, tree):
    tree.add_update("Geneva statement on human rights", [tree.migrants])

    for query in ODD_QUERIES:  # one tree for all of them: each would cost a test database setup
        response = search(client, q=query)

        html = response.content.decode()
        assert response.status_code == 200, query
        assert 'name="q"' in html, query
        assert "<script>alert(1)</script>" not in html, query


@pytest.mark.parametrize(
    "query", ["Geneva", "geneva", '"Geneva"', "Geneva!", "Gen\x00eva", "👩🏽‍⚖️ Geneva", "(Geneva"]
)
def test_odd_queries_still_find_the_words_they_contain(client, tree, query):
    tree.add_update("Geneva statement", [tree.migrants])

    assert result_titles(search(client, q=query)) == ["Geneva statement"]


def test_or_between_words_finds_pages_with_either(client, tree):
    tree.add_update("Geneva statement", [tree.migrants])
    tree.add_update("Nairobi statement", [tree.migrants])
    tree.add_update("Bangkok statement", [tree.migrants])

    both = search(client, q="Geneva OR Nairobi statement")
    every_word = search(client, q="Geneva Nairobi")

    assert sorted(result_titles(both)) == ["Geneva statement", "Nairobi statement"]
    assert result_titles(every_word) == []


def test_repeated_parameters_use_the_last_value(client, tree):
    tree.add_update("Geneva statement", [tree.migrants])
    tree.add_story("Nairobi story", [tree.migrants])

    response = client.get(SEARCH_URL + "?q=Geneva&q=Nairobi&type=bogus&type=story&page=x&page=1")

    assert response.status_code == 200
    assert result_titles(response) == ["Nairobi story"]


def test_a_long_query_is_shortened_to_200_characters_and_says_so(client, tree):
    tree.add_update("Geneva statement", [tree.migrants])

    response = search(client, q="Geneva " + "x" * 400)

    html = response.content.decode()
    assert response.status_code == 200
    assert "only its first 20 words and 200 characters were used" in html
    assert 'value="Geneva ' + "x" * 193 + '"' in html
    assert 'maxlength="200"' in html


def test_a_query_of_many_words_is_shortened_to_20_words_and_says_so(client, tree):
    tree.add_update("Geneva statement", [tree.migrants])
    words = " OR ".join(["Geneva"] + [f"word{number}" for number in range(30)])

    response = search(client, q=words)

    html = response.content.decode()
    assert "only its first 20 words and 200 characters were used" in html
    assert re.search(r'value="Geneva OR word0 OR [^"]* OR word18"', html)
    assert result_titles(response) == ["Geneva statement"]


def test_a_query_within_the_limits_is_not_said_to_be_shortened(client, tree):
    html = search(client, q="  Geneva   statement  ").content.decode()

    assert "too long" not in html
    assert 'value="Geneva statement"' in html


def test_the_query_is_echoed_escaped(client, tree):
    response = search(client, q='<script>alert("x")</script>')

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_result_count_is_announced_in_a_heading(client, tree):
    tree.add_update("Geneva one", [tree.migrants])
    tree.add_update("Geneva two", [tree.migrants])

    html = search(client, q="Geneva").content.decode()

    assert re.search(r"<h2[^>]*>\s*2 results for “Geneva”\s*</h2>", html)
    assert "<title>2 results for “Geneva” – Search |" in html
    assert html.count("<h1") == 1


def test_an_empty_search_shows_a_prompt_and_the_main_sections(client, tree):
    response = search(client)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Type one or more words" in html
    assert f'href="{tree.topic_index.url}"' in html
    assert f'href="{tree.update_index.url}"' in html
    assert f'href="{tree.story_index.url}"' in html
    assert "results for" not in html


def test_a_search_with_no_results_suggests_what_to_try_and_links_to_all_updates(client, tree):
    response = search(client, q="xylophone")

    html = response.content.decode()
    assert response.status_code == 200
    assert "No results for “xylophone”" in html
    assert "Check the spelling" in html
    assert f'href="{tree.update_index.url}"' in html


def test_a_search_of_punctuation_only_says_there_is_nothing_to_search_for(client, tree):
    html = search(client, q="?!*").content.decode()

    assert "No results for “?!*”" in html
    assert "Search for words" in html


def test_search_results_are_marked_noindex(client, tree):
    for params in ({}, {"q": "Geneva"}, {"q": "Geneva", "type": "bogus"}):
        html = search(client, **params).content.decode()
        assert '<meta name="robots" content="noindex">' in html


def test_search_page_has_its_own_labelled_search_form(client, tree):
    html = search(client, q="Geneva").content.decode()

    main = html[html.index("<main") :]
    assert re.search(
        r'<form class="search-form" role="search" action="/search/" method="get"', main
    )
    assert re.search(r'<label class="search-form__label" for="search-q">\s*Search the site', main)
    assert re.search(r'<input type="search" id="search-q" name="q" value="Geneva"', main)


@every_page_type()
def test_the_header_has_a_labelled_search_box_on_every_page(client, tree, page_model):
    html = client.get(build(page_model, tree).url).content.decode()

    header = html[html.index('<header class="site-header"') : html.index("</header>")]
    assert 'role="search"' in header
    assert 'action="/search/"' in header
    assert 'method="get"' in header
    assert re.search(r'<label[^>]*for="site-search-q"[^>]*>\s*Search the site', header)
    assert re.search(r'<input[^>]*type="search"[^>]*id="site-search-q"[^>]*name="q"', header)
    assert re.search(r'<button[^>]*type="submit"', header)


def test_the_search_page_has_one_search_box_not_two(client, tree):
    html = search(client, q="Geneva").content.decode()

    assert html.count('name="q"') == 1
    assert 'id="site-search-q"' not in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def count_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_results(client, tree):
    tree.add_update("Geneva update", [tree.migrants])
    tree.add_story("Geneva story", [tree.migrants])
    tree.add_topic("Geneva topic", slug="geneva-topic")
    build(StandardPage, tree, title="Geneva page", slug="geneva-page")
    count_queries(client, q="Geneva")  # warm the content type cache
    few = count_queries(client, q="Geneva")

    for number in range(6):
        tree.add_update(f"More Geneva update {number}", [tree.migrants])
        tree.add_story(f"More Geneva story {number}", [tree.migrants])
        tree.add_topic(f"More Geneva topic {number}", slug=f"more-geneva-{number}")
    many = count_queries(client, q="Geneva")

    assert many == few
    # Site, language trees (kept between requests in production), counts, results, one per
    # page type, base template.
    assert many <= 12


def test_a_filtered_search_and_an_empty_search_stay_within_budget(
    client, tree, django_assert_max_num_queries
):
    for number in range(12):
        tree.add_update(f"Geneva update {number}", [tree.migrants])
    search(client, q="Geneva")
    with django_assert_max_num_queries(8):
        search(client, q="Geneva", type="update", page=2)
    with django_assert_max_num_queries(5):
        search(client)
    with django_assert_max_num_queries(5):
        search(client, q="!!!")
