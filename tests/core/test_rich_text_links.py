"""Links to pages of the site in rich text: shown only while their target is live and public,
as calls to action are (``core.i18n.link_target``); otherwise their text alone, so that the
address of a draft, a private or a scheduled page never goes out in a published one."""

import datetime
import re

from django.utils import timezone

import pytest

pytestmark = pytest.mark.django_db


def linking(tree, *targets):
    """A live update whose paragraph links to each of ``targets`` (pages, or an id)."""
    links = " ".join(
        f'<a linktype="page" id="{getattr(target, "pk", target)}">link {number}</a>'
        for number, target in enumerate(targets)
    )
    return tree.add_update(
        "Linking update",
        [tree.migrants],
        body=[{"type": "paragraph", "value": f"<p>Read {links}.</p>"}],
    )


def body_of(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'<div class="[^"]*rich-text[^"]*">.*?</div>', html, re.S).group(0)


def test_a_link_to_a_live_public_page_is_a_link(client, tree):
    update = linking(tree, tree.women)

    body = body_of(client, update)

    assert f'<a href="{tree.women.url}">link 0</a>' in body


def test_links_to_drafts_private_scheduled_and_deleted_pages_are_plain_text(client, tree):
    draft = tree.add_update("Draft target", [tree.migrants], live=False)
    private = tree.restrict(tree.add_update("Private target", [tree.migrants]))
    scheduled = tree.add_update("Scheduled target", [tree.migrants], live=False)
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision.save()
    scheduled.go_live_at = revision.approved_go_live_at
    scheduled.save()
    update = linking(tree, draft, private, scheduled, 999999)

    body = body_of(client, update)

    for number in range(4):
        assert re.search(rf"<a>link {number}</a>", body), body
    for target in (draft, private, scheduled):
        assert target.slug not in body
    assert "href" not in body


def test_a_link_comes_back_when_its_target_is_published_even_on_a_cached_page(
    client, tree, settings, committed
):
    settings.PAGE_CACHE_ENABLED = True
    draft = tree.add_update("Draft target", [tree.migrants], live=False)
    update = committed(lambda: linking(tree, draft))
    assert "<a>link 0</a>" in body_of(client, update)
    assert client.get(update.url)["X-Cache"] == "hit"

    committed(draft.get_latest_revision().publish)

    draft.refresh_from_db()
    assert f'<a href="{draft.url}">link 0</a>' in body_of(client, update)
