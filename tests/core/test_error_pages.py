"""The "page not found" and "server error" pages: in the site's look, with a way onwards."""

from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import resolve

import pytest
from bs4 import BeautifulSoup

from core import errors
from home.models import StandardPage
from ishr_site import urls

SECTION_PATHS = {"/topics/", "/latest-updates/", "/defenders-stories/", "/join-us/"}


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def search_form(soup):
    """The search form in the page's main content (the header may hold another)."""
    field = soup.select_one("main form input[name=q]")
    assert field is not None, "no search field in the main content"
    return field.find_parent("form")


def main_link_paths(soup):
    return {link["href"] for link in soup.select("main a[href]")}


def refuse_queries(*args, **kwargs):
    raise OperationalError("The database is unavailable (refused by the test).")


# -- Page not found --------------------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_address_answers_404_titled_page_not_found(tree):
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    soup = parse(response)
    assert soup.title.get_text().startswith("Page not found |")
    assert soup.h1.get_text(strip=True) == "Page not found"


@pytest.mark.django_db
def test_page_not_found_shows_the_site_header_and_footer(tree):
    soup = parse(Client().get("/no-such-page/"))

    assert soup.select_one("header.site-header .site-header__brand[href='/']")
    assert soup.select_one("footer.site-footer")
    assert soup.select_one("a.skip-link[href='#main']")


@pytest.mark.django_db
def test_page_not_found_offers_a_search_form_for_the_whole_site(tree):
    form = search_form(parse(Client().get("/no-such-page/")))

    assert form["action"] == "/search/"
    assert form.get("method", "get").lower() == "get"
    field = form.select_one("input[name=q]")
    assert field["type"] == "search"
    assert form.select_one(f"label[for='{field['id']}']").get_text(strip=True)
    assert form.select_one("button[type=submit]")


@pytest.mark.django_db
def test_page_not_found_links_to_the_main_sections(tree):
    soup = parse(Client().get("/no-such-page/"))

    assert main_link_paths(soup) >= SECTION_PATHS | {"/"}
    titles = {link.get_text(strip=True) for link in soup.select("main a[href]")}
    assert {"Our priorities", "Latest updates", "Defenders' stories", "Join us"} <= titles


@pytest.mark.django_db
def test_page_not_found_lists_no_draft_or_private_section(tree):
    draft = StandardPage(title="Draft section", slug="draft-section", show_in_menus=True)
    tree.home.add_child(instance=draft)
    draft.unpublish()
    private = StandardPage(title="Members only", slug="members-only", show_in_menus=True)
    tree.home.add_child(instance=private)
    tree.restrict(private)

    soup = parse(Client().get("/no-such-page/"))

    paths = main_link_paths(soup)
    assert "/draft-section/" not in paths
    assert "/members-only/" not in paths
    assert "Draft section" not in soup.get_text()
    assert "Members only" not in soup.get_text()


@pytest.mark.django_db
def test_unknown_page_below_a_section_answers_the_same_404_page(tree):
    response = Client().get("/latest-updates/no-such-update/")

    assert response.status_code == 404
    assert search_form(parse(response))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/no-such%00page/",
        "/" + "x" * 3000 + "/",
        "/latest-updates/%ff%fe/",
        "/topics/../../etc/passwd",
        "/no-such-page/?q=%00&q=again",
    ],
)
def test_odd_unknown_addresses_answer_404_not_a_server_error(tree, path):
    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 404


@pytest.mark.django_db
def test_page_not_found_runs_a_bounded_number_of_queries(tree, django_assert_max_num_queries):
    client = Client()
    client.get("/no-such-page/")  # warm the site root paths cache

    with django_assert_max_num_queries(8):
        client.get("/no-such-page/")


# -- Server error ----------------------------------------------------------------------------


def test_project_registers_the_database_free_server_error_handler():
    assert urls.handler500 == "core.errors.server_error"


@pytest.mark.django_db
def test_server_error_handler_runs_no_query(django_assert_num_queries):
    request = RequestFactory().get("/anything/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)

    assert response.status_code == 500


def test_server_error_handler_answers_a_bare_page_if_its_template_fails(monkeypatch, caplog):
    def broken(name):
        raise RuntimeError("template storage unavailable")

    monkeypatch.setattr(errors.loader, "get_template", broken)
    response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert b"Server error" in response.content
    assert "could not be rendered" in caplog.text


@pytest.mark.django_db
def test_while_the_database_is_down_visitors_get_a_503_in_the_site_look_to_retry(tree, caplog):
    """A database that restarts or refuses connections makes the site unavailable for a
    moment, not broken: 503 with Retry-After, which browsers, crawlers and caches honour."""
    client = Client(raise_request_exception=False)

    with connection.execute_wrapper(refuse_queries):
        response = client.get("/latest-updates/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    soup = parse(response)
    assert soup.title.get_text().startswith("Temporarily unavailable |")
    assert "try again in a minute" in soup.select_one("main").get_text()
    assert soup.select_one("link[rel=stylesheet][href='/static/css/site.css']")
    assert soup.select_one("header.site-header .site-header__brand[href='/']")
    assert soup.select_one("footer.site-footer")
    assert soup.select_one("main#main h1")
    assert soup.select_one("a.skip-link[href='#main']")


@pytest.mark.django_db
def test_server_error_page_offers_search_and_the_main_sections(tree):
    client = Client(raise_request_exception=False)

    with connection.execute_wrapper(refuse_queries):
        soup = parse(client.get("/"))

    form = search_form(soup)
    assert form["action"] == "/search/"
    assert form.select_one("input[name=q][type=search]")
    assert main_link_paths(soup) >= SECTION_PATHS | {"/"}


def test_search_address_used_by_error_pages_is_the_site_search():
    """The error pages send the query to /search/: that address must be the search view."""
    match = resolve("/search/")
    assert match.url_name == "search"


@pytest.mark.django_db
def test_the_error_pages_of_a_french_address_are_in_french_and_lead_to_french_pages(tree):
    tree.translate(tree.home, "fr", title="Accueil")
    client = Client(raise_request_exception=False)

    not_found = client.get("/fr/no-such-page/")
    assert not_found.status_code == 404
    soup = parse(not_found)
    assert soup.html["lang"] == "fr"
    assert soup.title.get_text().startswith("Page introuvable")
    assert search_form(soup)["action"] == "/fr/search/"
    assert soup.select_one(".site-header__brand")["href"] == "/fr/"
    assert {"/fr/", "/fr/join-us/"} <= main_link_paths(soup)

    with connection.execute_wrapper(refuse_queries):
        server_error = client.get("/fr/")
    assert server_error.status_code == 503  # the database is down: unavailable for a moment
    soup = parse(server_error)
    assert soup.html["lang"] == "fr"
    assert search_form(soup)["action"] == "/fr/search/"
    # No English section addresses under French titles: the French home, search and Join us.
    assert main_link_paths(soup) == {"/fr/", "/fr/join-us/"}


@pytest.mark.django_db
def test_an_error_that_is_not_the_database_is_still_a_500(tree, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(StandardPage, "serve", broken)
    page = StandardPage(title="Broken", slug="broken")
    tree.home.add_child(instance=page)
    client = Client(raise_request_exception=False)

    response = client.get(page.url)

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert parse(response).title.get_text().startswith("Server error |")
