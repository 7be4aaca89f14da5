"""The updates listing filters by topic, type, country or region, mechanism and year, in any
combination, at readable addresses that can be shared; bad values get a clear message and a 404."""

import datetime
import html as html_module
import re
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from core.models import CountryOrRegion
from tests.snapshots import restore_or_build
from updates.models import Mechanism, UpdateType

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def options(html, name):
    """The (value, label) pairs of the select called ``name``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"a select called {name}"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def selected(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


def removal_links(html):
    """{visible text of each applied filter: its link's query parameters}."""
    links = re.findall(
        r'<a class="filter-chip" href="([^"]+)"><span>([^<]*)<strong>([^<]*)</strong>',
        html,
    )
    return {
        html_module.unescape(label + value): dict(
            parse_qsl(urlsplit(html_module.unescape(href)).query)
        )
        for href, label, value in links
    }


@pytest.fixture
def tagged(tree):
    """Updates tagged in every way, plus a draft and a members-only update tagged like the
    first one, and tags that only the draft or the members-only update use (built once per
    test process, tests/snapshots.py)."""
    return restore_or_build("update filters: tagged", lambda: tag_updates(tree))


def tag_updates(tree):
    joint_letter = UpdateType.objects.create(name="Joint letter", slug="joint-letter")
    only_in_draft = UpdateType.objects.create(name="Press release", slug="press-release")
    hrc = Mechanism.objects.create(name="UN Human Rights Council", acronym="HRC")
    achpr = Mechanism.objects.create(
        name="African Commission on Human and Peoples' Rights", acronym="ACHPR"
    )
    mauritania = CountryOrRegion.objects.create(name="Mauritania", slug="mauritania")
    kenya = CountryOrRegion.objects.create(name="Kenya", slug="kenya")
    africa = CountryOrRegion.objects.create(name="Africa", slug="africa", kind="region")
    only_restricted = CountryOrRegion.objects.create(name="Spain", slug="spain")

    add = tree.add_update
    add(
        "Letter on Mauritania",
        [tree.migrants],
        update_type=joint_letter,
        countries=[mauritania, africa],
        mechanism=achpr,
        date=datetime.date(2022, 11, 1),
    )
    add(
        "HRC statement on Kenya",
        [tree.migrants, tree.women],
        update_type=tree.statement,
        countries=[kenya, africa],
        mechanism=hrc,
        date=datetime.date(2023, 3, 1),
    )
    add("News on women", [tree.women], date=datetime.date(2024, 5, 1))
    draft = add(
        "Draft letter on Mauritania",
        [tree.migrants],
        live=False,
        update_type=only_in_draft,
        countries=[mauritania],
        mechanism=achpr,
        date=datetime.date(2019, 1, 1),
    )
    restricted = add(
        "Members-only letter on Mauritania",
        [tree.migrants],
        update_type=joint_letter,
        countries=[mauritania, only_restricted],
        mechanism=achpr,
        date=datetime.date(2018, 1, 1),
    )
    tree.restrict(restricted)
    return SimpleNamespace(
        tree=tree,
        url=tree.update_index.url,
        joint_letter=joint_letter,
        hrc=hrc,
        achpr=achpr,
        draft=draft,
        restricted=restricted,
    )


HIDDEN = {"Draft letter on Mauritania", "Members-only letter on Mauritania"}


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"type": "joint-letter"}, ["Letter on Mauritania"]),
        ({"type": "statement"}, ["HRC statement on Kenya"]),
        ({"country": "mauritania"}, ["Letter on Mauritania"]),
        ({"country": "africa"}, ["HRC statement on Kenya", "Letter on Mauritania"]),
        ({"mechanism": "ACHPR"}, ["Letter on Mauritania"]),
        ({"mechanism": "achpr"}, ["Letter on Mauritania"]),
        ({"mechanism": "Hrc"}, ["HRC statement on Kenya"]),
        ({"year": "2023"}, ["HRC statement on Kenya"]),
        ({"topic": "women-defenders"}, ["News on women", "HRC statement on Kenya"]),
    ],
)
def test_each_filter_lists_only_the_live_public_updates_it_matches(client, tagged, params, titles):
    response = client.get(tagged.url, params)

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == titles
    assert not HIDDEN & set(card_titles(html))


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"topic": "migrant-and-refugee-rights", "country": "africa"}, None),
        ({"topic": "women-defenders", "country": "africa"}, ["HRC statement on Kenya"]),
        ({"country": "africa", "year": "2022"}, ["Letter on Mauritania"]),
        ({"mechanism": "hrc", "type": "statement", "year": "2023"}, ["HRC statement on Kenya"]),
        (
            {
                "topic": "migrant-and-refugee-rights",
                "type": "joint-letter",
                "country": "mauritania",
                "mechanism": "ACHPR",
                "year": "2022",
            },
            ["Letter on Mauritania"],
        ),
    ],
)
def test_filters_combine_and_every_one_must_match(client, tagged, params, titles):
    titles = titles or ["HRC statement on Kenya", "Letter on Mauritania"]

    response = client.get(tagged.url, params)

    assert response.status_code == 200
    assert card_titles(response.content.decode()) == titles


def test_a_valid_combination_that_matches_nothing_says_so_helpfully(client, tagged):
    response = client.get(tagged.url, {"type": "joint-letter", "year": "2024"})

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == []
    assert "0 updates" in html
    assert "No updates match all of these filters." in html
    assert "Clear all filters" in html
    assert 'role="alert"' not in html


def test_the_applied_filters_are_listed_each_with_a_link_that_removes_only_it(client, tagged):
    params = {"topic": "migrant-and-refugee-rights", "type": "joint-letter", "mechanism": "achpr"}

    html = client.get(tagged.url, params).content.decode()

    assert "1 update" in html
    assert removal_links(html) == {
        "Topic: Migrant and refugee rights": {"type": "joint-letter", "mechanism": "ACHPR"},
        "Type: Joint letter": {"topic": "migrant-and-refugee-rights", "mechanism": "ACHPR"},
        "Mechanism: African Commission on Human and Peoples' Rights": {
            "topic": "migrant-and-refugee-rights",
            "type": "joint-letter",
        },
    }
    assert f'<a class="applied-filters__clear" href="{tagged.url}">Clear all filters</a>' in html


def test_removing_the_last_filter_links_to_the_plain_listing(client, tagged):
    html = client.get(tagged.url, {"year": "2023", "utm_source": "newsletter"}).content.decode()

    assert f'<a class="filter-chip" href="{tagged.url}">' in html
    # Its name begins with what it shows, as voice control users say it (WCAG 2.5.3); what the
    # link does comes after.
    assert re.search(
        r'<a class="filter-chip" href="[^"]+"><span>Year: <strong>2023</strong></span>'
        r'<span class="visually-hidden">, remove this filter</span>',
        html,
    )
    assert "utm_source" not in html


def test_an_unfiltered_listing_shows_no_applied_filters(client, tagged):
    html = client.get(tagged.url, {"utm_source": "newsletter"}).content.decode()

    assert "filter-chip" not in html
    assert "Clear all filters" not in html
    assert "<h1>Latest updates</h1>" in html


@pytest.mark.parametrize(
    ("params", "heading"),
    [
        ({"topic": "women-defenders"}, "Latest updates on Women human rights defenders"),
        ({"type": "joint-letter"}, "Latest updates: Joint letter"),
        (
            {"topic": "migrant-and-refugee-rights", "country": "mauritania", "year": "2022"},
            "Latest updates on Migrant and refugee rights: Mauritania, 2022",
        ),
        ({"mechanism": "hrc"}, "Latest updates: UN Human Rights Council"),
    ],
)
def test_the_heading_and_title_name_the_filters(client, tagged, params, heading):
    html = html_module.unescape(client.get(tagged.url, params).content.decode())

    assert re.search(rf"<h1[^>]*>{re.escape(heading)}</h1>", html)
    assert f"<title>{heading} |" in html


def test_the_lists_offer_only_values_that_live_public_updates_use(client, tagged):
    html = client.get(tagged.url).content.decode()

    assert options(html, "type") == [
        ("", "All types"),
        ("joint-letter", "Joint letter"),
        ("news", "News"),
        ("statement", "Statement"),
    ]
    assert options(html, "country") == [
        ("", "All countries and regions"),
        ("africa", "Africa"),
        ("kenya", "Kenya"),
        ("mauritania", "Mauritania"),
    ]
    assert [value for value, label in options(html, "mechanism")] == ["", "ACHPR", "HRC"]
    assert options(html, "year") == [
        ("", "All years"),
        ("2024", "2024"),
        ("2023", "2023"),
        ("2022", "2022"),
    ]
    assert [value for value, label in options(html, "topic")] == [
        "",
        "migrant-and-refugee-rights",
        "women-defenders",
    ]


@pytest.mark.parametrize(
    "params",
    [{"type": "press-release"}, {"country": "spain"}, {"year": "2019"}, {"year": "2018"}],
)
def test_a_value_only_a_draft_or_members_only_update_uses_is_refused(client, tagged, params):
    response = client.get(tagged.url, params)

    assert response.status_code == 404
    assert card_titles(response.content.decode()) == []


def test_the_form_shows_the_applied_values_as_its_lists_name_them(client, tagged):
    params = {"mechanism": "achpr", "year": "2022", "country": "mauritania"}

    html = client.get(tagged.url, params).content.decode()

    assert selected(html, "mechanism") == ["ACHPR"]
    assert selected(html, "year") == ["2022"]
    assert selected(html, "country") == ["mauritania"]
    assert selected(html, "topic") == [""]


def test_the_form_is_a_plain_get_form_with_a_submit_button(client, tagged):
    html = client.get(tagged.url).content.decode()

    form = re.search(r"<form class=\"filters[^\"]*\" method=\"get\" action=\"([^\"]+)\"", html)
    assert form and form.group(1) == tagged.url
    for name in ("topic", "type", "country", "mechanism", "year"):
        assert f'<select name="{name}"' in html
        assert re.search(rf'<label for="id_{name}">', html)
    assert '<button type="submit"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "There are no updates from “abc”"),
        ({"year": "99999999999999999999"}, "There are no updates from “99999999999999999999”"),
        ({"year": "1999"}, "There are no updates from “1999”"),
        ({"year": "-2023"}, "There are no updates from “-2023”"),
        ({"year": "2023.0"}, "There are no updates from “2023.0”"),
        ({"year": "\x00"}, "There are no updates from “”"),
        ({"topic": "\x00"}, "There is no topic called “”"),
        ({"topic": "x" * 500}, "There is no topic called “xxxxxxxx"),
        ({"type": "no-such-type"}, "No update has the type “no-such-type”"),
        ({"type": "joint-letter\x00"}, "No update has the type “joint-letter”"),
        ({"country": "<script>alert(1)</script>"}, "No update concerns a country or region"),
        ({"country": "mauritania'--"}, "No update concerns a country or region"),
        ({"mechanism": "UNICEF"}, "No update concerns a mechanism called “UNICEF”"),
        ({"mechanism": "A" * 21}, "No update concerns a mechanism called"),
        ({"mechanism": "%00"}, "No update concerns a mechanism called “%00”"),
    ],
)
def test_a_bad_value_gets_a_message_beside_its_field_and_a_404_never_a_500(
    client, tagged, params, message
):
    response = client.get(tagged.url, {"topic": "", **params})

    assert response.status_code == 404
    html = response.content.decode()
    (name,) = (key for key, value in params.items())
    error = re.search(rf'<p class="field__error" id="id_{name}_error">([^<]*)</p>', html)
    assert error, "the message stands beside the field"
    assert message in html_module.unescape(error.group(1))
    assert re.search(rf'<select name="{name}"[^>]*aria-describedby="id_{name}_error"', html)
    assert "\x00" not in html
    assert "<script>alert(1)</script>" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Page not found |" in html
    assert card_titles(html) == []
    # The page keeps its filters, so that the visitor can choose again.
    assert '<select name="year"' in html


def test_a_long_bad_value_is_shortened_in_its_message(client, tagged):
    html = client.get(tagged.url, {"topic": "x" * 500}).content.decode()

    assert "x" * 41 not in html


def test_a_nul_byte_never_reaches_the_database(client, tagged):
    with CaptureQueriesContext(connection) as queries:
        for name in ("topic", "type", "country", "mechanism", "year"):
            assert client.get(tagged.url, {name: "news\x00"}).status_code == 404

    assert not [query for query in queries.captured_queries if "\x00" in query["sql"]]


def test_a_repeated_parameter_uses_its_last_value(client, tagged):
    response = client.get(f"{tagged.url}?mechanism=HRC&mechanism=achpr&year=2023&year=2022")

    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["Letter on Mauritania"]


def test_a_repeated_parameter_whose_last_value_is_bad_is_refused(client, tagged):
    response = client.get(f"{tagged.url}?mechanism=achpr&mechanism=nope")

    assert response.status_code == 404


def test_an_empty_value_means_no_filter(client, tagged):
    response = client.get(tagged.url, dict.fromkeys(("topic", "type", "country", "year"), ""))

    assert response.status_code == 200
    assert len(card_titles(response.content.decode())) == 3


def add_many(tree, count, start=0, **fields):
    for number in range(start, start + count):
        tree.add_update(
            f"Many {number:02}",
            [tree.migrants],
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
            **fields,
        )


def test_page_links_keep_every_filter_and_mark_the_current_page(client, tagged):
    tree = tagged.tree
    add_many(tree, 12, update_type=tagged.joint_letter, mechanism=tagged.hrc)
    add_many(tree, 2, start=20, update_type=tagged.joint_letter)  # not at the HRC
    tree.add_update(
        "Draft HRC letter", [tree.migrants], live=False, update_type=tagged.joint_letter
    )
    params = {
        "topic": "migrant-and-refugee-rights",
        "type": "joint-letter",
        "mechanism": "hrc",
        "year": "2021",
        "utm_source": "newsletter",
    }

    first = client.get(tagged.url, params).content.decode()
    second = client.get(tagged.url, {**params, "page": "2"}).content.decode()

    query = (
        "topic=migrant-and-refugee-rights&amp;type=joint-letter&amp;mechanism=HRC&amp;year=2021"
    )
    assert "12 updates" in first
    assert len(card_titles(first)) == 10
    assert f'<a href="?{query}&amp;page=2">2</a>' in first
    assert f'<a rel="next" href="?{query}&amp;page=2">' in first
    assert re.search(rf'<a href="{tagged.url}\?{query}" aria-current="page">', first)
    assert card_titles(second) == ["Many 01", "Many 00"]
    assert re.search(rf'<a rel="prev" href="{tagged.url}\?{query}">', second)
    assert re.search(rf'<a href="\?{query}&amp;page=2" aria-current="page">', second)
    assert "utm_source" not in first + second


def test_a_page_beyond_the_filtered_listing_is_a_404_that_keeps_the_filters(client, tagged):
    response = client.get(tagged.url, {"type": "joint-letter", "page": "2"})

    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no such page in this listing" in html
    assert selected(html, "type") == ["joint-letter"]


FILTERED = {
    "topic": "migrant-and-refugee-rights",
    "type": "joint-letter",
    "country": "mauritania",
    "mechanism": "achpr",
    "year": "2021",
}


def test_a_fully_filtered_listing_runs_as_many_queries_with_5_and_40_updates(client, tagged):
    tree = tagged.tree
    tags = {
        "update_type": tagged.joint_letter,
        "mechanism": tagged.achpr,
        "countries": [CountryOrRegion.objects.get(slug="mauritania")],
    }

    def count():
        client.get(tagged.url, FILTERED)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(tagged.url, FILTERED)
        assert response.status_code == 200
        return len(queries), len(card_titles(response.content.decode()))

    add_many(tree, 5, **tags)
    with_5, shown_5 = count()
    add_many(tree, 35, start=5, **tags)
    with_40, shown_40 = count()

    assert (shown_5, shown_40) == (5, 10)
    assert with_5 == with_40


def test_the_filtered_listing_stays_within_the_query_budget(
    client, tagged, django_assert_max_num_queries
):
    add_many(tagged.tree, 20, update_type=tagged.joint_letter, mechanism=tagged.achpr)
    client.get(tagged.url, FILTERED)

    with django_assert_max_num_queries(20):
        client.get(tagged.url, FILTERED)
    with django_assert_max_num_queries(20):
        client.get(tagged.url, {**FILTERED, "year": "abc"})


# -- Folded filters -----------------------------------------------------------------------
# On a phone the form waits behind a "Filters" disclosure (closed), so that the first update
# is in the first screen; its summary says how many filters are applied, which stay listed
# outside it. Bad input opens it, so that the visitor sees the fields and what they chose.


def disclosure(html):
    """The filters' <details>: (open?, its summary's text, the form inside it or None)."""
    soup = BeautifulSoup(html, "html.parser")
    (details,) = soup.select("details.filters-disclosure")
    summary = details.find("summary", recursive=False)
    assert summary is details.find(True), "the summary is the disclosure's first child"
    form = details.select_one("form.filters")
    return details.has_attr("open"), summary.get_text(" ", strip=True), form


def test_the_filters_are_folded_behind_a_summary_that_says_filters(client, tagged):
    is_open, summary, form = disclosure(client.get(tagged.url).content.decode())

    assert not is_open
    assert summary == "Filters"
    assert form is not None and form.select_one("select[name=topic]")


@pytest.mark.parametrize(
    ("params", "summary"),
    [
        ({"type": "joint-letter"}, "Filters (1 applied)"),
        ({"type": "joint-letter", "year": "2022"}, "Filters (2 applied)"),
        ({"type": "joint-letter", "year": "2024"}, "Filters (2 applied)"),  # none match
    ],
)
def test_the_filters_summary_says_how_many_are_applied_listed_outside_it(
    client, tagged, params, summary
):
    html = client.get(tagged.url, params).content.decode()

    assert disclosure(html)[:2] == (False, summary)
    soup = BeautifulSoup(html, "html.parser")
    applied = soup.select_one(".applied-filters")
    assert applied is not None and applied.find_parent("details") is None
    assert len(applied.select("a.filter-chip")) == len(params)


@pytest.mark.parametrize(
    "params",
    [
        {"type": "joint-letter", "year": "abc"},  # a bad value beside a good one
        {"type": "joint-letter", "page": "2"},  # a page that does not exist
    ],
)
def test_bad_input_opens_the_filters_with_what_the_visitor_chose(client, tagged, params):
    response = client.get(tagged.url, params)

    assert response.status_code == 404
    html = response.content.decode()
    is_open, _, form = disclosure(html)
    assert is_open
    chosen = form.select("select[name=type] option[selected]")
    assert [option["value"] for option in chosen] == ["joint-letter"]
