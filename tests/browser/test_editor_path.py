"""The editor's path, in a real browser: an editor drafts an update, previews it, submits it
for moderation; a moderator approves it; only then does it appear on the topic page."""

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from editorial.setup import EDITORS, MODERATORS
from tests.conftest import build_tree

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "HRC61: States must protect migrants at sea"


@pytest.fixture
def team(django_user_model):
    tree = build_tree()
    for username, group in (("edith", EDITORS), ("moritz", MODERATORS)):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
    tree.add_update("An earlier update", [tree.migrants])
    return tree


def card_titles(page):
    return page.locator("#latest-updates-heading ~ .card-list .card__title").all_inner_texts()


def test_an_update_goes_live_on_its_topic_only_after_approval(team, new_context):
    editor = new_context().new_page()
    log_in(editor, "edith", "pw")

    # Add an update under Latest updates.
    editor.goto(f"/admin/pages/{team.update_index.pk}/")
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url("**/add/updates/updatepage/**")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_update_type").select_option(label="Statement")
    editor.locator("#id_summary").fill("ISHR and partners call on States to end pushbacks.")
    editor.get_by_label("Migrant and refugee rights").check()
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_url("**/edit/")
    expect(editor.locator(".messages")).to_contain_text("created")
    edit_url = editor.url

    # Its preview shows the draft.
    editor.get_by_role("button", name="Toggle preview").click()
    preview = editor.frame_locator("iframe#w-preview-iframe")
    assert preview.get_by_role("heading", level=1).inner_text() == TITLE

    # The public topic page does not.
    visitor = new_context().new_page()
    visitor.goto(team.migrants.url)
    assert TITLE not in card_titles(visitor)

    # Submit it for moderation.
    editor.goto(edit_url)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Review and publish").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")
    visitor.reload()
    assert TITLE not in card_titles(visitor)

    # A moderator approves it from their dashboard.
    moderator = new_context().new_page()
    log_in(moderator, "moritz", "pw")
    awaiting = moderator.locator("section", has_text="Awaiting your review")
    awaiting.get_by_role("link", name=TITLE).click()
    moderator.wait_for_url("**/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator.wait_for_url(f"**/admin/pages/{team.update_index.pk}/")

    # Now it is the newest update on the topic page.
    visitor.reload()
    assert card_titles(visitor)[0] == TITLE
