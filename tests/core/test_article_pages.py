"""What updates and stories share as article pages (core.pages.ArticlePage): only live,
public pages are served, and they link only to live, public topics."""

import pytest

pytestmark = pytest.mark.django_db


def test_draft_and_private_pages_are_not_served_to_the_public(client, tree):
    draft = tree.add_update("A draft", [tree.migrants], live=False)
    private = tree.restrict(tree.add_update("Private", [tree.migrants]))

    assert client.get(f"{tree.update_index.url}{draft.slug}/").status_code == 404
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]


def test_update_and_story_pages_link_only_to_live_public_topics(client, tree):
    draft_topic = tree.add_topic("Draft topic", slug="draft-topic", live=False)
    private_topic = tree.restrict(tree.add_topic("Private topic", slug="private-topic"))
    update = tree.add_update("Tagged widely", [tree.migrants, draft_topic, private_topic])
    story = tree.add_story("Story tagged widely", [tree.migrants, draft_topic, private_topic])

    for page in (update, story):
        html = client.get(page.url).content.decode()
        assert "Migrant and refugee rights" in html
        assert "Draft topic" not in html
        assert "Private topic" not in html
