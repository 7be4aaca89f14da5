"""The body blocks render as visitors should see them."""

from django.utils import timezone

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def publish_body(page, body):
    page.body = body
    page.save_revision().publish()
    return page


def test_every_block_renders_on_a_topic_page(client, tree):
    video = "https://www.youtube.com/watch?v=ishr-demo"
    # Embeds are looked up in Wagtail's embed cache before any provider is asked; a cached
    # entry lets the real block render without the network.
    Embed.objects.create(
        url=video,
        hash=get_embed_hash(video),
        type="video",
        html='<iframe title="ISHR at the Council" src="https://www.youtube.com/embed/x"></iframe>',
        last_updated=timezone.now(),
    )
    image = make_image("Banjul", credit="© Photo: ISHR")
    publish_body(
        tree.migrants,
        [
            ("heading2", "A section"),
            ("heading3", "A sub-section"),
            ("paragraph", "<p>Some <b>rich</b> text.</p>"),
            ("quote", {"quote": "Rights don't stop at borders.", "attribution": "A defender"}),
            ("image", {"image": image, "caption": "The session in Banjul"}),
            (
                "call_to_action",
                {
                    "heading": "Act now",
                    "text": "Write to your minister.",
                    "button_label": "Take action",
                    "page": None,
                    "external_url": "https://example.org/act",
                },
            ),
            ("embed", video),
        ],
    )

    html = client.get(tree.migrants.url).content.decode()

    assert '<h2 class="body-heading">A section</h2>' in html
    assert '<h3 class="body-heading">A sub-section</h3>' in html
    assert "Some <b>rich</b> text." in html
    assert "Rights don&#x27;t stop at borders." in html and "A defender" in html
    assert "The session in Banjul" in html and "© Photo: ISHR" in html
    assert '<a class="button" href="https://example.org/act">Take action</a>' in html
    assert 'title="ISHR at the Council"' in html


def test_a_call_to_action_never_links_to_a_draft_or_private_page(client, tree):
    draft = tree.add_topic("Draft topic", slug="draft-topic", live=False)
    private = tree.restrict(tree.add_topic("Private topic", slug="private-topic"))
    cta = {"text": "", "external_url": ""}
    publish_body(
        tree.migrants,
        [
            (
                "call_to_action",
                {**cta, "heading": "Go live", "button_label": "Live", "page": tree.women},
            ),
            (
                "call_to_action",
                {**cta, "heading": "Go draft", "button_label": "Draft", "page": draft},
            ),
            (
                "call_to_action",
                {**cta, "heading": "Go private", "button_label": "Priv", "page": private},
            ),
        ],
    )

    html = client.get(tree.migrants.url).content.decode()

    assert f'<a class="button" href="{tree.women.url}">Live</a>' in html
    assert "Go draft" not in html and "draft-topic" not in html
    assert "Go private" not in html and "private-topic" not in html
