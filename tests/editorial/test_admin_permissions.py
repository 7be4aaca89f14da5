"""Who may see what in the admin: revisions, comparison and restore for every page type;
editors limited to what they may edit; anonymous visitors see no admin view, preview or
revision of anything."""

from django.contrib.auth.models import Group

import pytest

from editorial.setup import EDITORS
from tests.builders import build, every_page_type

pytestmark = pytest.mark.django_db


def two_revisions(page):
    """A published revision titled "Before: …" and a newer draft titled "After: …"."""
    page = page.specific
    title = page.title
    page.title = f"Before: {title}"
    first = page.save_revision(log_action=True)
    first.publish()
    page.title = f"After: {title}"
    second = page.save_revision(log_action=True)
    return first, second


@every_page_type()
def test_every_page_type_has_history_comparison_and_restore(tree, admin_client, page_model):
    page = build(page_model, tree)
    first, second = two_revisions(page)
    base = f"/admin/pages/{page.pk}"
    name = type(page.specific).__name__

    history = admin_client.get(f"{base}/history/")
    assert history.status_code == 200, name
    assert f"/revisions/{first.pk}/view/" in history.content.decode(), name

    view = admin_client.get(f"{base}/revisions/{first.pk}/view/")
    assert view.status_code == 200 and "Before:" in view.content.decode(), name

    compare = admin_client.get(f"{base}/revisions/compare/{first.pk}...{second.pk}/")
    html = compare.content.decode()
    assert compare.status_code == 200, name
    assert '<span class="deletion">Before</span><span class="addition">After</span>' in html

    restore = admin_client.get(f"{base}/revisions/{first.pk}/revert/")
    html = restore.content.decode()
    assert restore.status_code == 200, name
    assert 'value="Before: ' in html, name
    assert 'name="action-publish"' in html, name


def test_restoring_an_old_revision_publishes_its_content(tree):
    update = tree.add_update("Original", [tree.migrants])
    first, _ = two_revisions(update)

    first.as_object().save_revision().publish()

    update.refresh_from_db()
    assert update.title == "Before: Original"


def test_commenting_on_drafts_is_on(tree, admin_client):
    update = tree.add_update("Commentable", [tree.migrants], live=False)

    html = admin_client.get(f"/admin/pages/{update.pk}/edit/").content.decode()

    assert 'id="comments-data"' in html
    assert 'id="side-panel-comments-title"' in html


def denied(response):
    """Wagtail answers a forbidden admin view with a 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin")
    )


def test_an_editor_sees_no_revision_history_or_preview_outside_their_section(
    tree, topics_only_editor, client
):
    update = tree.add_update("Outside the topics", [tree.migrants])
    first, second = two_revisions(update)
    client.force_login(topics_only_editor)
    base = f"/admin/pages/{update.pk}"

    for url in (
        f"{base}/edit/",
        f"{base}/history/",
        f"{base}/revisions/{first.pk}/view/",
        f"{base}/revisions/compare/{first.pk}...{second.pk}/",
        f"{base}/revisions/{first.pk}/revert/",
        f"{base}/edit/preview/",
        f"{base}/view_draft/",
    ):
        response = client.get(url)
        assert denied(response), (url, response.status_code)
        assert "After: Outside the topics" not in response.content.decode()
    assert denied(client.post(f"{base}/edit/preview/", {"title": "x"}))

    # Inside their section, all of it works.
    topic_first, _ = two_revisions(tree.migrants)
    assert client.get(f"/admin/pages/{tree.migrants.pk}/history/").status_code == 200
    view = client.get(f"/admin/pages/{tree.migrants.pk}/revisions/{topic_first.pk}/view/")
    assert view.status_code == 200


def test_editors_cannot_change_settings(tree, client, django_user_model):
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)

    for url in (
        "/admin/sites/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/collections/",
        f"/admin/pages/{tree.home.pk}/privacy/",
    ):
        response = client.get(url)
        assert denied(response), (url, response.status_code)
    # What they do own works.
    assert client.get("/admin/snippets/updates/updatetype/").status_code == 200
    assert client.get("/admin/redirects/").status_code == 200
    assert client.get("/admin/images/").status_code == 200


def test_anonymous_visitors_get_no_admin_view_preview_or_revision(tree, client):
    update = tree.add_update("Not for the public", [tree.migrants])
    first, second = two_revisions(update)
    base = f"/admin/pages/{update.pk}"

    for url in (
        "/admin/",
        f"{base}/edit/",
        f"{base}/edit/preview/",
        f"{base}/view_draft/",
        f"{base}/history/",
        f"{base}/revisions/{first.pk}/view/",
        f"{base}/revisions/compare/{first.pk}...{second.pk}/",
        f"{base}/revisions/{first.pk}/revert/",
        "/admin/images/",
        "/admin/snippets/updates/updatetype/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    response = client.post(f"{base}/edit/preview/", {"title": "Injected"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # The public page shows the published revision, never the newer draft.
    html = client.get(update.url).content.decode()
    assert "Before: Not for the public" in html and "After:" not in html
