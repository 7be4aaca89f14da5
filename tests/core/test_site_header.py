"""The site header on a phone: the brand, and one "Menu" control that opens the sections, Join
us, the search box and the languages, without JavaScript (a <details> disclosure). Wide screens
show the menu's contents without the control (static/css/site.css); the markup is the same, so
every landmark appears once."""

from django.db import OperationalError, connection
from django.test import Client

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def header_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.select_one("header.site-header")


def refuse_queries(*args, **kwargs):
    raise OperationalError("The database is unavailable (refused by the test).")


def assert_menu(soup, header, *, search=True, languages=True):
    """One closed menu disclosure after the brand, its control named by its visible text,
    holding the navigation (and the search box and languages); each landmark once."""
    brand = header.select_one(".site-header__brand")
    assert brand is not None and brand.find_parent("details") is None
    (menu,) = header.select("details.site-menu")
    assert not menu.has_attr("open"), "closed until asked for: the page comes first"
    summary = menu.find("summary", recursive=False)
    assert summary is menu.find(True), "the summary is the disclosure's first child"
    assert summary.get_text(" ", strip=True).startswith("Menu")
    # Its accessible name is its text ("Menu"): no aria-label to differ from it.
    assert not summary.has_attr("aria-label") and not summary.has_attr("aria-labelledby")
    assert menu.select_one("nav.site-nav[aria-label='Main'] a.site-nav__link--cta")
    assert len(soup.select("nav[aria-label='Main']")) == 1
    assert bool(menu.select_one("form.site-search[role='search']")) is search
    assert bool(menu.select_one("nav.language-switcher")) is languages
    assert len(soup.select("nav.language-switcher")) == int(languages)


def test_every_page_has_a_menu_control_holding_navigation_search_and_languages(client, tree):
    for url in (tree.home.url, tree.update_index.url, tree.migrants.url):
        soup, header = header_of(client.get(url))
        assert_menu(soup, header)


def test_the_page_not_found_has_the_same_menu(tree):
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    assert_menu(*header_of(response))


def test_the_server_error_page_has_the_menu_with_the_sections_and_no_query(tree):
    client = Client(raise_request_exception=False)

    with connection.execute_wrapper(refuse_queries):
        response = client.get("/latest-updates/")

    assert response.status_code == 503
    soup, header = header_of(response)
    # No search box in its header (the page's own is in the main content) and no languages:
    # the switcher needs the page, which needs the database.
    assert_menu(soup, header, search=False, languages=False)
    links = [a.get_text(strip=True) for a in header.select("nav.site-nav a")]
    assert links == ["Our priorities", "Latest updates", "Defenders' stories", "Join us"]
