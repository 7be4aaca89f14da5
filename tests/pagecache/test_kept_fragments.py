"""Kept fragments (``{% kept %}``): the topic page's content is kept between requests, also for
visitors the page cache passes (a session), and goes as soon as something it shows changes;
previews never use it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.core.test_blocks import publish_body
from tests.core.test_previews import card_titles, preview_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, page_cache):
    client.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    return client


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response  # a signed-in editor: the page cache passes
    return response, len(queries)


def test_the_topic_pages_content_is_kept_for_visitors_the_page_cache_passes(admin_client, tree):
    tree.add_update("An update", [tree.migrants])
    first, made = queries_for(admin_client, tree.migrants.url)
    again, kept = queries_for(admin_client, tree.migrants.url)

    assert again.content == first.content
    assert card_titles(again) == ["An update"]
    assert kept < made  # the cards, the stories and the Join us topics are not read again


def test_a_preview_shows_its_drafts_whatever_is_kept(admin_client, tree):
    tree.add_update("Live update", [tree.migrants])
    tree.add_update("Draft update", [tree.migrants], live=False)
    admin_client.get(tree.migrants.url)  # kept

    assert "Draft update" in card_titles(preview_topic(admin_client, tree.migrants))
    assert card_titles(admin_client.get(tree.migrants.url)) == ["Live update"]


def test_the_kept_content_goes_when_an_update_is_tagged_or_a_link_target_unpublished(
    admin_client, tree, committed
):
    target = tree.add_story("Women's story", [tree.women])
    committed(
        lambda: publish_body(
            tree.migrants,
            [
                (
                    "call_to_action",
                    {
                        "heading": "Act",
                        "text": "",
                        "button_label": "Read",
                        "page": target,
                        "external_url": "",
                    },
                )
            ],
        )
    )
    link = f'href="{target.url}">Read</a>'
    assert link in admin_client.get(tree.migrants.url).content.decode()

    committed(lambda: target.unpublish())
    assert link not in admin_client.get(tree.migrants.url).content.decode()

    update = tree.add_update("Newly tagged", [tree.migrants], live=False)
    admin_client.get(tree.migrants.url)  # kept again
    committed(lambda: update.save_revision().publish())
    assert "Newly tagged" in card_titles(admin_client.get(tree.migrants.url))
