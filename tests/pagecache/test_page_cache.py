"""The page cache: who is given a cached page, what it carries, and what it never keeps."""

from django.test import Client

import pytest

from pagecache.keys import page_key, topic_members_key

from .conftest import keys_of


def test_a_visitor_is_given_the_page_from_the_cache_without_a_query(
    tree, page_cache, client, django_assert_num_queries
):
    update = tree.add_update("Ceuta border report", [tree.migrants])

    first = client.get(update.url)
    with django_assert_num_queries(0):
        second = client.get(update.url)

    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The headers the site sends with every page come with a cached one too.
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "en"


def test_a_page_carries_the_keys_of_what_it_shows(tree, page_cache, client):
    update = tree.add_update("Ceuta border report", [tree.migrants])
    story = tree.add_story("Amina's story", [tree.migrants])

    response = client.get(tree.migrants.url)

    keys = keys_of(response)
    assert {page_key(tree.migrants), topic_members_key(tree.migrants), "site"} <= keys
    assert {page_key(update), page_key(story)} <= keys  # their cards
    assert response["Surrogate-Key"] == response["xkey"]
    assert set(response["Cache-Tag"].split(",")) == keys
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]


def test_the_topic_page_with_its_join_us_form_is_cached(tree, page_cache, client):
    """The form carries nothing of one visitor: no CSRF token, no cookie is set."""
    client.get(tree.migrants.url)
    response = client.get(tree.migrants.url)

    assert response["X-Cache"] == "hit"
    assert b"csrfmiddlewaretoken" not in response.content
    assert not response.cookies


def test_a_repeat_visit_is_a_304_without_the_page(tree, page_cache, client):
    first = client.get(tree.migrants.url)

    again = client.get(tree.migrants.url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_head_is_answered_from_the_same_entry(tree, page_cache, client):
    client.get(tree.migrants.url)

    response = client.head(tree.migrants.url)

    assert response.status_code == 200 and response["X-Cache"] == "hit"


@pytest.mark.parametrize("path", ["/no-such-page/", "/latest-updates/?type=no-such-type"])
def test_not_found_answers_are_cached_until_the_tree_changes(tree, page_cache, client, path):
    client.get(path)

    response = client.get(path)

    assert response.status_code == 404 and response["X-Cache"] == "hit"


def test_feeds_and_the_sitemap_are_cached(tree, page_cache, client):
    for path in (f"{tree.update_index.url}feeds/rss/", "/sitemap.xml", "/robots.txt"):
        client.get(path)
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Cache"] == "hit", path


def test_a_logged_in_editor_is_never_given_nor_leaves_a_cached_page(
    tree, page_cache, client, admin_user
):
    client.force_login(admin_user)
    as_editor = client.get(tree.migrants.url)

    assert "X-Cache" not in as_editor
    assert "public" not in as_editor["Cache-Control"]
    assert "private" in as_editor["Cache-Control"]
    # Nothing the editor saw was kept for visitors.
    visitor = Client().get(tree.migrants.url)
    assert visitor["X-Cache"] == "miss"


def test_the_editor_does_not_get_the_visitors_copy(tree, page_cache, client, admin_user):
    Client().get(tree.migrants.url)
    client.force_login(admin_user)

    response = client.get(tree.migrants.url)

    assert "X-Cache" not in response
    assert b"wagtail-userbar" in response.content or b"userbar" in response.content


def test_private_pages_previews_share_links_search_and_posts_are_not_kept(
    tree, page_cache, client, admin_user
):
    private = tree.restrict(tree.add_update("Private update", [tree.migrants]))
    draft = tree.add_update("Draft update", [tree.migrants], live=False)

    for path in (private.url, "/search/?q=update", "/admin/"):
        client.get(path)
        assert client.get(path).get("X-Cache") != "hit", path

    editor = Client()
    editor.force_login(admin_user)
    preview = editor.get(f"/admin/pages/{draft.pk}/edit/preview/")
    assert preview.get("X-Cache") is None

    posted = client.post("/join-us/", {"email": "not an address"})
    assert "X-Cache" not in posted


def test_a_response_that_sets_a_cookie_is_not_kept(tree, page_cache, client, monkeypatch):
    """A page that sets a cookie (a CSRF token, a language) would give one visitor's to the
    next."""
    real_serve = type(tree.migrants).serve

    def serve_with_a_cookie(page, request, *args, **kwargs):
        response = real_serve(page, request, *args, **kwargs)
        response.set_cookie("seen", "1")
        return response

    monkeypatch.setattr(type(tree.migrants), "serve", serve_with_a_cookie)
    client.get(tree.migrants.url)

    response = client.get(tree.migrants.url)

    assert "X-Cache" not in response and response.cookies["seen"].value == "1"
    assert "public" not in response["Cache-Control"]


def test_the_join_us_page_is_cached(tree, page_cache, client):
    client.get("/join-us/")

    response = client.get("/join-us/")

    assert response["X-Cache"] == "hit" and not response.cookies


def test_unknown_hosts_are_refused_not_cached(tree, page_cache, client):
    response = client.get(tree.migrants.url, headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "X-Cache" not in response


def test_the_cache_can_be_turned_off_and_the_keys_still_go_out(tree, settings, client):
    settings.PAGE_CACHE_ENABLED = False
    client.get(tree.migrants.url)

    response = client.get(tree.migrants.url)

    assert "X-Cache" not in response
    assert page_key(tree.migrants) in keys_of(response)
