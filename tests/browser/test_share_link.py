"""A share link, in a real browser: an editor makes one from the page's admin view, and
someone with no account opens it in a fresh browser; once revoked, it shows the draft no more."""

from urllib.parse import urlsplit

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from editorial.setup import EDITORS
from tests.conftest import build_tree

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def draft(django_user_model):
    tree = build_tree()
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    update = tree.add_update("Joint letter on Ceuta", [tree.migrants], live=False)
    update.title = "Joint letter on Ceuta and Melilla"
    update.save_revision(user=editor)
    return update


def test_a_share_link_opens_the_draft_without_logging_in_until_revoked(draft, new_context):
    editor = new_context().new_page()
    log_in(editor, "edith", "pw")
    editor.goto(f"/admin/pages/{draft.pk}/edit/")
    editor.get_by_role("button", name="Actions").first.click()
    editor.get_by_role("link", name="Share draft").click()
    editor.get_by_label("Expires in").select_option(label="3 days")
    editor.get_by_role("button", name="Create share link").click()
    address = editor.locator("input[readonly][id^=share-link-]").first.input_value()
    row = editor.locator("tr", has=editor.locator("input[readonly]")).first
    assert "edith" in row.inner_text()  # who made it

    stranger = new_context().new_page()
    response = stranger.goto(urlsplit(address).path)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    assert stranger.get_by_role("heading", level=1).inner_text() == (
        "Joint letter on Ceuta and Melilla"
    )
    expect(stranger.get_by_role("region", name="Unpublished draft")).to_be_visible()
    assert "/admin/" not in stranger.content()  # no userbar, no admin link for a stranger

    editor.reload()
    editor.get_by_role("button", name="Revoke").first.click()
    expect(editor.locator(".messages")).to_contain_text("Share link revoked")

    response = stranger.goto(urlsplit(address).path)
    assert response.status == 410
    assert "Joint letter on Ceuta" not in stranger.content()
