"""core.routing: a page's address leads to it in one query once it has been visited, and the
kept route never outlives the page being there: moved, renamed, unpublished, deleted or
replaced, the address answers as Wagtail's own routing would."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.routing import ROUTE_PREFIX
from updates.models import UpdatePage

pytestmark = pytest.mark.django_db


def kept_routes():
    return [key for key in cache._cache if ROUTE_PREFIX in key]


def page_queries(client, url):
    """The status, and the queries that read pages (of any type), for ``url``."""
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, [
        q["sql"]
        for q in queries
        if 'JOIN "wagtailcore_page"' in q["sql"] or 'FROM "wagtailcore_page"' in q["sql"]
    ]


def test_a_visited_page_is_found_again_in_one_query(client, tree):
    update = tree.add_update("An update", [tree.migrants])
    first_status, first = page_queries(client, update.url)
    status, again = page_queries(client, update.url)

    assert first_status == status == 200
    by_id = f'"updates_updatepage"."page_ptr_id" = {update.pk}'
    routing = [sql for sql in again if by_id in sql and sql.endswith("LIMIT 1")]
    assert len(routing) == 1  # the update itself, from its own table, with what it shows
    assert '"updates_updatetype"' in routing[0]  # and its type, in the same query
    assert len(again) < len(first)


def test_a_kept_route_follows_the_page_when_it_moves_or_is_renamed(client, tree):
    update = tree.add_update("An update", [tree.migrants])
    old_url = update.url
    assert client.get(old_url).status_code == 200

    update.slug = "a-new-address"
    update.save_revision().publish()
    new_url = UpdatePage.objects.get(pk=update.pk).url

    assert new_url != old_url
    assert client.get(old_url).status_code in (301, 404)  # a redirect, or gone
    assert client.get(new_url).status_code == 200

    update.move(tree.update_index, pos="last-child")  # moved (here, in place) is routed again
    assert client.get(new_url).status_code == 200


def test_an_unpublished_or_deleted_page_is_not_served_from_its_kept_route(client, tree):
    update = tree.add_update("An update", [tree.migrants])
    url = update.url
    assert client.get(url).status_code == 200

    update.unpublish()
    assert client.get(url).status_code == 404

    update.delete()
    replacement = tree.add_update("An update", [tree.migrants])  # the same address
    response = client.get(url)
    assert replacement.url == url and response.status_code == 200
    assert response.context["page"].pk == replacement.pk


def test_only_addresses_that_answer_are_kept(client, tree):
    for slug in ("no-such-topic", "another-made-up-one"):
        assert client.get(f"{tree.update_index.url}feeds/{slug}/rss/").status_code == 404
    client.get("/no-such-page/")
    assert kept_routes() == []

    client.get(tree.update_index.url)
    client.get(f"{tree.update_index.url}feeds/{tree.migrants.slug}/rss/")
    assert len(kept_routes()) == 2
    # The topic's feed is routed again by its listing page, also when the topic has gone.
    tree.migrants.unpublish()
    assert client.get(f"{tree.update_index.url}feeds/{tree.migrants.slug}/rss/").status_code == 404
