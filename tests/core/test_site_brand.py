"""The organisation's mark and name in the header, linking home: a drawn mark, and a link whose
accessible name begins with what it shows (WCAG 2.5.3), on pages and on the 500 page."""

from django.db import OperationalError, connection
from django.test import Client

import pytest
from bs4 import BeautifulSoup


def brand(response):
    return BeautifulSoup(response.content, "html.parser").select_one(
        "header.site-header a.site-header__brand"
    )


def accessible_name(link):
    """The link's name as browsers compute it here: an aria-label wins; otherwise its
    content in order, an image's label standing for the image."""
    if link.has_attr("aria-label"):
        return link["aria-label"]
    parts = []
    for node in link.descendants:
        if getattr(node, "name", None) == "svg":
            parts.append(node["aria-label"])
        elif isinstance(node, str) and not node.find_parent("svg"):
            parts.append(str(node))
    return " ".join("".join(parts).split()).replace(" ,", ",")


def visible_text(link):
    """What a sighted visitor reads: the mark's letters and the name, not the hidden words."""
    mark = link.select_one("svg.site-header__logo")
    shown = [mark["aria-label"]] + [
        span.get_text(" ", strip=True)
        for span in link.find_all("span")
        if "visually-hidden" not in span.get("class", [])
    ]
    return " ".join(shown)


def refuse_queries(*args, **kwargs):
    raise OperationalError("The database is unavailable (refused by the test).")


def assert_the_brand_is_drawn_and_named_by_what_it_shows(link):
    assert link["href"] == "/"
    mark = link.select_one("svg.site-header__logo")
    assert mark is not None and mark["role"] == "img" and mark["aria-label"] == "ISHR"
    assert mark.find("path"), "the mark is drawn, not typed"
    assert not link.select("[style]") and not link.select("img[src^='data:']")
    assert visible_text(link) == "ISHR International Service for Human Rights"
    assert accessible_name(link) == "ISHR International Service for Human Rights, home page"
    assert accessible_name(link).startswith(visible_text(link))


@pytest.mark.django_db
def test_the_header_brand_is_the_drawn_mark_and_the_name_linking_home(tree):
    assert_the_brand_is_drawn_and_named_by_what_it_shows(brand(Client().get("/")))


@pytest.mark.django_db
def test_the_server_error_page_shows_the_same_brand_without_a_request(tree):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_queries):
        response = client.get("/latest-updates/")
    assert response.status_code == 503
    assert_the_brand_is_drawn_and_named_by_what_it_shows(brand(response))


def test_the_name_computation_here_sees_a_label_that_hides_the_visible_name():
    """The old link: "ISHR home page" as its label while it showed the full name."""
    old = BeautifulSoup(
        '<a class="site-header__brand" href="/" aria-label="ISHR home page">'
        '<span class="site-header__logo" aria-hidden="true">ISHR</span>'
        '<span class="site-header__name">International Service for Human Rights</span></a>',
        "html.parser",
    ).a
    assert not accessible_name(old).startswith("ISHR International Service")
