"""Snippets in the admin: update types, countries and regions, mechanisms and sessions are
listed, found by searching and sorted by their column headers."""

import datetime
import re
from html import unescape

import pytest

from core.models import CountryOrRegion
from updates.models import Mechanism, MechanismSession, UpdateType

pytestmark = pytest.mark.django_db

UPDATE_TYPES = "/admin/snippets/updates/updatetype/"
COUNTRIES = "/admin/snippets/core/countryorregion/"
MECHANISMS = "/admin/snippets/updates/mechanism/"
SESSIONS = "/admin/snippets/updates/mechanismsession/"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    return client


@pytest.fixture
def snippets(db):
    for name in ("Joint letter", "Press release", "Statement"):
        UpdateType.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    CountryOrRegion.objects.create(name="Mauritania", slug="mauritania")
    CountryOrRegion.objects.create(name="Mexico", slug="mexico")
    CountryOrRegion.objects.create(name="Africa", slug="africa", kind="region")
    hrc = Mechanism.objects.create(name="Human Rights Council", acronym="HRC")
    achpr = Mechanism.objects.create(
        name="African Commission on Human and Peoples' Rights", acronym="ACHPR"
    )
    MechanismSession.objects.create(
        mechanism=hrc, name="HRC50", starts_on=datetime.date(2022, 6, 13)
    )
    MechanismSession.objects.create(
        mechanism=hrc, name="HRC51", starts_on=datetime.date(2022, 9, 12)
    )
    MechanismSession.objects.create(
        mechanism=achpr, name="ACHPR 73", starts_on=datetime.date(2022, 10, 20)
    )
    MechanismSession.objects.create(mechanism=hrc, name="HRC49 (dates to come)")
    return {"hrc": hrc, "achpr": achpr}


def listed(response):
    """The title of each row in the results table, as an editor reads it."""
    assert response.status_code == 200
    html = response.content.decode()
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    if body is None:
        return []
    rows = re.findall(r"<tr\b.*?</tr>", body.group(1), re.S)
    names = []
    for row in rows:
        title = re.search(r'<div class="title-wrapper">(.*?)</div>', row, re.S).group(1)
        text = re.sub(r"<[^>]+>", " ", title)
        names.append(" ".join(unescape(text).split()))
    return names


@pytest.mark.parametrize(
    ("url", "query", "found", "not_found"),
    [
        (UPDATE_TYPES, "letter", "Joint letter", "Press release"),
        (UPDATE_TYPES, "press-", "Press release", "Statement"),
        (COUNTRIES, "maur", "Mauritania", "Mexico"),
        (MECHANISMS, "achpr", "ACHPR", "HRC"),
        (MECHANISMS, "council", "HRC", "ACHPR"),
        (SESSIONS, "hrc51", "HRC51", "HRC50"),
        (SESSIONS, "african commission", "ACHPR 73", "HRC51"),
    ],
)
def test_snippet_search_lists_matching_rows_only(
    admin_client, snippets, url, query, found, not_found
):
    names = listed(admin_client.get(url, {"q": query}))

    assert found in names
    assert not_found not in names


@pytest.mark.parametrize(
    ("url", "plural"),
    [
        (UPDATE_TYPES, "update types"),
        (COUNTRIES, "countries and regions"),
        (MECHANISMS, "mechanisms"),
        (SESSIONS, "mechanism sessions"),
    ],
)
def test_snippet_search_without_a_match_says_so(admin_client, snippets, url, plural):
    response = admin_client.get(url, {"q": "zzzz"})

    assert listed(response) == []
    assert f"No {plural} match your query." in response.content.decode()


@pytest.mark.parametrize(
    ("url", "ascending"),
    [
        (UPDATE_TYPES, ["Joint letter", "Press release", "Statement"]),
        (COUNTRIES, ["Africa", "Mauritania", "Mexico"]),
        (MECHANISMS, ["ACHPR", "HRC"]),
        (SESSIONS, ["ACHPR 73", "HRC49 (dates to come)", "HRC50", "HRC51"]),
    ],
)
def test_snippets_sort_by_name_both_ways(admin_client, snippets, url, ascending):
    key = "acronym" if url == MECHANISMS else "name"

    assert listed(admin_client.get(url, {"ordering": key})) == ascending
    assert listed(admin_client.get(url, {"ordering": f"-{key}"})) == ascending[::-1]


@pytest.mark.parametrize(
    ("url", "columns"),
    [
        (UPDATE_TYPES, ["name", "slug"]),
        (COUNTRIES, ["name", "slug", "kind"]),
        (MECHANISMS, ["acronym", "name"]),
        (SESSIONS, ["name", "mechanism", "starts_on", "ends_on"]),
    ],
)
def test_every_snippet_column_header_is_a_sort_link(admin_client, snippets, url, columns):
    html = admin_client.get(url).content.decode()

    for column in columns:
        assert re.search(rf'<th[^>]*>\s*<a href="{url}\?ordering=-?{column}"', html), column


def test_default_orders_read_naturally(admin_client, snippets):
    assert listed(admin_client.get(UPDATE_TYPES)) == ["Joint letter", "Press release", "Statement"]
    assert listed(admin_client.get(MECHANISMS)) == ["ACHPR", "HRC"]
    # Sessions: newest first, those without dates last.
    assert listed(admin_client.get(SESSIONS)) == [
        "ACHPR 73",
        "HRC51",
        "HRC50",
        "HRC49 (dates to come)",
    ]


def test_search_results_can_be_sorted(admin_client, snippets):
    params = {"q": "hrc", "ordering": "-name"}

    assert listed(admin_client.get(SESSIONS, params)) == [
        "HRC51",
        "HRC50",
        "HRC49 (dates to come)",
    ]


def test_sessions_filter_by_mechanism(admin_client, snippets):
    names = listed(admin_client.get(SESSIONS, {"mechanism": snippets["achpr"].pk}))

    assert names == ["ACHPR 73"]


def test_countries_filter_by_kind(admin_client, snippets):
    assert listed(admin_client.get(COUNTRIES, {"kind": "region"})) == ["Africa"]


@pytest.mark.parametrize(
    "params",
    [
        {"ordering": "no-such-column"},
        {"ordering": "-"},
        {"q": '"'},
        {"q": "a AND (b"},
        {"q": "*"},
        {"q": "x" * 300},
        {"mechanism": "abc"},
        {"mechanism": "999999"},
        {"p": "abc"},
        {"p": "99"},
    ],
)
def test_snippet_listings_survive_bad_query_strings(admin_client, snippets, params):
    for url in (UPDATE_TYPES, COUNTRIES, MECHANISMS, SESSIONS):
        response = admin_client.get(url, params)
        assert response.status_code == 200, (url, params)


def test_bad_ordering_falls_back_to_the_default_order(admin_client, snippets):
    response = admin_client.get(UPDATE_TYPES, {"ordering": "no-such-column"})

    assert listed(response) == ["Joint letter", "Press release", "Statement"]


def test_editors_without_snippet_permissions_cannot_open_the_listings(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "x")
    client.force_login(user)

    for url in (UPDATE_TYPES, COUNTRIES, MECHANISMS, SESSIONS):
        response = client.get(url)
        assert response.status_code in (302, 403), url
