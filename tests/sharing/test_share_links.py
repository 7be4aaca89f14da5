"""Share links: a draft shown to someone without an account, created and revoked in the admin."""

import datetime
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import GroupPagePermission, PageLogEntry

import pytest

from sharing.models import ShareLink

pytestmark = pytest.mark.django_db

PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def make_user(username, *, page=None, permissions=("add", "change"), superuser=False):
    """A user who can use the admin and, given ``page``, has ``permissions`` on its subtree."""
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "pw")
    user = User.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=username.title()
    )
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in permissions if page else ():
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    user.groups.add(group)
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(tree):
    return make_user("editor", page=tree.home)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def draft(tree):
    """A never-published update with one saved revision."""
    return tree.add_update("Draft on detention of migrants", [tree.migrants], live=False)


def admin_url(page):
    return f"/admin/share-links/page/{page.pk}/"


def create_link(client, page, days=7):
    response = client.post(admin_url(page), {"expires_in_days": str(days)})
    assert response.status_code == 302, response.content.decode()[:500]
    return page.share_links.latest("created_at")


def public_path(link):
    return urlsplit(link.full_url).path


def assert_denied(response):
    """Wagtail's answer to a user without permission: back to the dashboard, with a message."""
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert PERMISSION_DENIED in [str(m).strip() for m in get_messages(response.wsgi_request)]


def assert_private_headers(response):
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private", "max-age=0"):
        assert directive in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


# Creating a link and opening it


def test_an_editor_creates_a_link_that_shows_the_draft_to_anyone_without_logging_in(
    editor_client, editor, tree, draft
):
    response = editor_client.post(admin_url(draft), {"expires_in_days": "7"}, follow=True)

    assert response.status_code == 200
    assert "Share link created" in response.content.decode()
    link = ShareLink.objects.get()
    assert link.page_id == draft.pk
    assert link.created_by == editor
    assert len(link.token) >= 43  # 32 random bytes, base64-encoded
    assert link.expires_at - link.created_at == datetime.timedelta(days=7)
    assert link.is_active
    assert link.full_url == f"{tree.site.root_url}/share/{link.token}/"

    response = Client().get(public_path(link))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft on detention of migrants" in html
    assert 'class="draft-banner"' in html
    assert "Unpublished draft." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "wagtail-userbar" not in html  # an anonymous visitor gets no admin tools
    assert_private_headers(response)


def test_a_link_shows_the_latest_draft_not_the_published_version(editor_client, tree):
    update = tree.add_update("Published title", [tree.migrants], summary="A summary.")
    update.title = "Reworded draft title"
    update.save_revision()
    link = create_link(editor_client, update)

    html = Client().get(public_path(link)).content.decode()

    assert "Reworded draft title" in html
    assert "Published title" not in html
    # A later draft does not show through it: the editor shares a draft, not what comes next.
    update.title = "Second draft title"
    update.save_revision()
    html = Client().get(public_path(link)).content.decode()
    assert "Reworded draft title" in html and "Second draft title" not in html
    # The public page itself is unchanged and has no banner.
    public = Client().get(update.url).content.decode()
    assert "Published title" in public
    assert "draft-banner" not in public


def test_the_editor_may_choose_a_shorter_life_for_the_link(editor_client, draft):
    link = create_link(editor_client, draft, days=1)

    assert link.expires_at - link.created_at == datetime.timedelta(days=1)


def test_each_opening_is_counted_and_logged_in_the_page_history(editor_client, editor, draft):
    link = create_link(editor_client, draft)

    for _ in range(2):  # the same reviewer, opening it twice
        assert Client().get(public_path(link)).status_code == 200
    assert Client(REMOTE_ADDR="192.0.2.7").get(public_path(link)).status_code == 200
    assert Client().head(public_path(link)).status_code == 200  # a HEAD shows nothing

    link.refresh_from_db()
    assert link.open_count == 3
    assert link.last_opened_at is not None
    entries = PageLogEntry.objects.filter(page=draft)
    assert entries.filter(action="sharing.link_created", user=editor).count() == 1
    # The history has one entry per client and hour, not one per reload.
    opened = entries.filter(action="sharing.link_opened")
    assert opened.count() == 2
    assert all(entry.user is None for entry in opened)
    assert link.token not in str([entry.data for entry in entries])

    history = editor_client.get(f"/admin/pages/{draft.pk}/history/").content.decode()
    assert "Created a share link to the latest draft" in history
    assert "Draft opened through a share link made by editor" in history


def test_a_link_only_ever_shows_the_page_it_was_made_for(editor_client, tree, draft):
    other = tree.add_update("Other secret draft", [tree.women], live=False)
    link_a = create_link(editor_client, draft)
    link_b = create_link(editor_client, other)

    html_a = Client().get(public_path(link_a)).content.decode()
    html_b = Client().get(public_path(link_b)).content.decode()

    assert "Draft on detention of migrants" in html_a
    assert "Other secret draft" not in html_a
    assert "Other secret draft" in html_b
    assert "Draft on detention of migrants" not in html_b


def test_a_topic_link_does_not_list_other_draft_updates_of_that_topic(editor_client, tree):
    tree.add_update("Published on migrants", [tree.migrants])
    tree.add_update("Unpublished update on migrants", [tree.migrants], live=False)
    tree.migrants.intro = "Reworked introduction."
    tree.migrants.save_revision()
    link = create_link(editor_client, tree.migrants)

    html = Client().get(public_path(link)).content.decode()

    assert "Reworked introduction." in html
    assert "Published on migrants" in html
    assert "Unpublished update on migrants" not in html


def test_a_private_page_shows_through_its_link_because_the_editor_chose_to_share_it(
    editor_client, tree
):
    private = tree.restrict(tree.add_update("Members-only briefing", [tree.migrants]))
    private.title = "Members-only briefing, revised"
    private.save_revision()
    link = create_link(editor_client, private)

    assert Client().get(private.url).status_code == 302  # still asks strangers to log in
    response = Client().get(public_path(link))
    assert response.status_code == 200
    assert "Members-only briefing, revised" in response.content.decode()


# Links whose page has since been published


def test_a_link_whose_draft_was_published_leads_to_the_live_page(editor_client, draft):
    link = create_link(editor_client, draft)
    link.revision.publish()

    response = Client().get(public_path(link))

    assert response.status_code == 302
    assert response.url == "/latest-updates/draft-on-detention-of-migrants/"
    assert_private_headers(response)  # the token stays out of the live page's Referer
    response = Client().get(response.url)
    assert response.status_code == 200
    assert "Draft on detention of migrants" in response.content.decode()
    assert "draft-banner" not in response.content.decode()
    link.refresh_from_db()
    assert link.open_count == 0, "the draft was not shown"


def test_a_link_leads_to_the_live_page_once_a_later_draft_is_published(editor_client, draft):
    link = create_link(editor_client, draft)
    draft.title = "Later title"
    draft.save_revision().publish()

    for method in ("get", "head"):
        response = getattr(Client(), method)(public_path(link))

        assert response.status_code == 302
        assert response.url == "/latest-updates/draft-on-detention-of-migrants/"
        assert_private_headers(response)


def test_a_link_still_shows_its_draft_while_the_live_version_is_older(editor_client, tree):
    update = tree.add_update("Published title", [tree.migrants])
    update.save_revision().publish()
    update.title = "Reworded draft title"
    update.save_revision()
    link = create_link(editor_client, update)

    for method in ("get", "head"):
        response = getattr(Client(), method)(public_path(link))

        assert response.status_code == 200
    assert "Reworded draft title" in Client().get(public_path(link)).content.decode()


def test_a_link_to_a_published_private_page_still_shows_its_draft(editor_client, tree):
    private = tree.restrict(tree.add_update("Members-only briefing", [tree.migrants]))
    private.title = "Members-only briefing, revised"
    private.save_revision()
    link = create_link(editor_client, private)
    link.revision.publish()

    for method in ("get", "head"):
        response = getattr(Client(), method)(public_path(link))

        assert response.status_code == 200  # no redirect telling where the private page is
        assert "Location" not in response
    html = Client().get(public_path(link)).content.decode()
    assert "Members-only briefing, revised" in html


def test_a_link_below_a_private_section_still_shows_its_draft(editor_client, tree, draft):
    tree.restrict(tree.update_index)
    link = create_link(editor_client, draft)
    link.revision.publish()

    response = Client().get(public_path(link))

    assert response.status_code == 200
    assert "Draft on detention of migrants" in response.content.decode()


def test_a_link_to_a_page_unpublished_again_shows_its_draft(editor_client, draft):
    link = create_link(editor_client, draft)
    link.revision.publish()
    draft.refresh_from_db()
    draft.unpublish()

    response = Client().get(public_path(link))

    assert response.status_code == 200
    assert "Draft on detention of migrants" in response.content.decode()


def test_a_revoked_link_to_a_published_page_stays_withdrawn(editor_client, draft):
    link = create_link(editor_client, draft)
    link.revision.publish()
    link.revoke(None)

    response = Client().get(public_path(link))

    assert response.status_code == 410
    assert "Location" not in response


def test_a_link_to_a_published_french_page_leads_to_the_french_page(tree):
    editor_client = logged_in(make_user("editor", page=tree.root))
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    french = tree.translate(
        tree.add_update("In English", [tree.migrants]), "fr", live=False, title="En français"
    )
    link = create_link(editor_client, french)
    link.revision.publish()

    response = Client().get(public_path(link))

    assert response.status_code == 302
    assert response.url == f"/fr/actualites/{french.slug}/"
    assert Client().get(response.url).status_code == 200


# Links that no longer work


def test_an_expired_link_shows_a_clear_page_and_not_the_draft(editor_client, draft):
    link = create_link(editor_client, draft)
    ShareLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    response = Client().get(public_path(link))

    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has expired" in html
    assert "Draft on detention of migrants" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert_private_headers(response)
    link.refresh_from_db()
    assert link.open_count == 0
    assert not ShareLink.objects.active().exists()


def test_a_revoked_link_stops_working_at_once(editor_client, editor, draft):
    link = create_link(editor_client, draft)
    assert Client().get(public_path(link)).status_code == 200

    response = editor_client.post(f"/admin/share-links/{link.pk}/revoke/", follow=True)

    assert response.redirect_chain == [(admin_url(draft), 302)]
    html = response.content.decode()
    assert "Share link revoked" in html
    assert link.token not in html  # no longer listed
    link.refresh_from_db()
    assert link.is_revoked
    assert link.revoked_by == editor
    assert PageLogEntry.objects.filter(
        page=draft, action="sharing.link_revoked", user=editor
    ).exists()

    response = Client().get(public_path(link))
    assert response.status_code == 410
    assert "This link was withdrawn" in response.content.decode()
    assert "Draft on detention of migrants" not in response.content.decode()
    assert_private_headers(response)


def test_revoking_twice_changes_nothing_the_second_time(editor_client, draft):
    link = create_link(editor_client, draft)
    editor_client.post(f"/admin/share-links/{link.pk}/revoke/")
    first_revoked_at = ShareLink.objects.get().revoked_at

    response = editor_client.post(f"/admin/share-links/{link.pk}/revoke/", follow=True)

    assert "already been revoked" in response.content.decode()
    assert ShareLink.objects.get().revoked_at == first_revoked_at
    assert PageLogEntry.objects.filter(action="sharing.link_revoked").count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/share/not-a-real-token/",
        "/share/" + "A" * 43 + "/",
        "/share/" + "x" * 500 + "/",
        "/share/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
        "/share/abc%00def/",
        "/share/" + "A" * 42 + "%00/",
        "/share/a/b/",
    ],
)
def test_an_unknown_address_says_the_link_does_not_exist(client, tree, draft, path):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert "This link does not exist" in html
    assert "<script>alert" not in html
    assert_private_headers(response)


def test_a_link_disappears_with_its_page(editor_client, draft):
    link = create_link(editor_client, draft)
    draft.delete()

    assert not ShareLink.objects.exists()
    assert Client().get(public_path(link)).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_the_public_address_only_answers_get_and_head(editor_client, draft, method):
    link = create_link(editor_client, draft)

    response = getattr(Client(), method)(public_path(link))

    assert response.status_code == 405
    assert_private_headers(response)
    link.refresh_from_db()
    assert link.open_count == 0


# The admin view


def test_the_admin_lists_active_links_with_their_creator(editor_client, tree, draft):
    superuser = make_user("chief", superuser=True)
    mine = create_link(editor_client, draft, days=3)
    theirs = create_link(logged_in(superuser), draft)
    revoked = create_link(editor_client, draft)
    revoked.revoke(superuser)
    expired = create_link(editor_client, draft)
    ShareLink.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    Client().get(public_path(mine))

    response = editor_client.get(admin_url(draft))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{mine.full_url}"' in html
    assert f'value="{theirs.full_url}"' in html
    assert revoked.token not in html
    assert expired.token not in html
    assert (
        f'<label class="w-sr-only" for="share-link-{mine.pk}" id="share-link-{mine.pk}-label">'
        in html
    )
    assert "<td>Editor</td>" in html  # the creator's display name
    assert "<td>chief</td>" in html
    assert f'action="/admin/share-links/{mine.pk}/revoke/"' in html
    assert "Last opened" in html
    assert 'name="expires_in_days"' in html
    assert '<option value="7" selected>7 days</option>' in html


@pytest.mark.parametrize("days", ["0", "8", "-1", "30", "abc", "7.5", ""])
def test_a_lifetime_outside_one_to_seven_days_is_refused_with_a_clear_message(
    editor_client, draft, days
):
    response = editor_client.post(admin_url(draft), {"expires_in_days": days})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose how long the link should work: 1 to 7 days." in html
    assert "The share link could not be created" in html
    assert not ShareLink.objects.exists()


def test_a_published_page_without_changes_has_nothing_to_share(editor_client, tree):
    update = tree.add_update("Already public", [tree.migrants])
    update.save_revision().publish()

    response = editor_client.post(admin_url(update), {"expires_in_days": "7"}, follow=True)

    assert "nothing to share" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_a_page_without_a_saved_draft_has_nothing_to_share(editor_client, tree):
    assert tree.migrants.latest_revision_id is None

    response = editor_client.get(admin_url(tree.migrants))
    assert response.status_code == 200
    assert "nothing to share" in response.content.decode()
    assert 'name="expires_in_days"' not in response.content.decode()

    response = editor_client.post(admin_url(tree.migrants), {"expires_in_days": "7"}, follow=True)
    assert "nothing to share" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_page_edit_view_offers_share_draft(editor_client, tree, draft):
    html = editor_client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()

    assert f'href="{admin_url(draft)}"' in html
    assert "Share draft" in html


# Who may share


@pytest.fixture
def outsider(tree):
    """An admin user who may edit stories only, not updates."""
    return make_user("outsider", page=tree.story_index)


def test_someone_who_cannot_edit_the_page_cannot_see_or_create_its_links(
    outsider, editor_client, draft
):
    link = create_link(editor_client, draft)
    client = logged_in(outsider)

    for response in (
        client.get(admin_url(draft)),
        client.post(admin_url(draft), {"expires_in_days": "7"}),
    ):
        assert_denied(response)
        assert link.token not in response.content.decode()
    assert ShareLink.objects.count() == 1
    html = client.get(f"/admin/pages/{draft.get_parent().pk}/").content.decode()
    assert admin_url(draft) not in html


def test_someone_who_cannot_edit_the_page_cannot_revoke_its_links(outsider, editor_client, draft):
    link = create_link(editor_client, draft)

    response = logged_in(outsider).post(f"/admin/share-links/{link.pk}/revoke/")

    assert_denied(response)
    link.refresh_from_db()
    assert link.is_active


def test_a_request_from_script_without_permission_gets_403(outsider, editor_client, draft):
    link = create_link(editor_client, draft)

    response = logged_in(outsider).post(
        f"/admin/share-links/{link.pk}/revoke/", headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code == 403


def test_anonymous_visitors_get_no_admin_view(client, editor_client, draft):
    link = create_link(editor_client, draft)

    response = client.get(admin_url(draft))
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    response = client.post(f"/admin/share-links/{link.pk}/revoke/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    link.refresh_from_db()
    assert link.is_active


def test_revoking_needs_a_post_and_an_existing_link(editor_client, draft):
    link = create_link(editor_client, draft)

    assert editor_client.get(f"/admin/share-links/{link.pk}/revoke/").status_code == 405
    assert editor_client.post("/admin/share-links/999999/revoke/").status_code == 404
    assert editor_client.get("/admin/share-links/page/999999/").status_code == 404
    link.refresh_from_db()
    assert link.is_active


def test_a_superuser_can_share_any_page(tree, draft):
    client = logged_in(make_user("admin", superuser=True))

    link = create_link(client, draft)

    assert Client().get(public_path(link)).status_code == 200


# Reports > Share links


def test_the_report_lists_active_links_on_pages_the_user_may_edit(
    outsider, editor_client, tree, draft
):
    story = tree.add_story("Story of a defender", [tree.migrants], live=False)
    story.save_revision()
    update_link = create_link(editor_client, draft)
    story_link = create_link(editor_client, story)
    revoked = create_link(editor_client, draft)
    revoked.revoke(None)

    html = editor_client.get("/admin/share-links/").content.decode()
    assert "Draft on detention of migrants" in html
    assert "Story of a defender" in html
    assert html.count(f'href="{admin_url(draft)}"') == 1  # the revoked link is left out
    assert "Editor" in html
    for link in (update_link, story_link, revoked):
        assert link.token not in html  # addresses only on the page's own view

    html = logged_in(outsider).get("/admin/share-links/").content.decode()
    assert "Story of a defender" in html
    assert "Draft on detention of migrants" not in html

    menu = editor_client.get("/admin/account/").content.decode()  # the admin menu, in JSON
    assert '"name": "share-links"' in menu
    assert '"url": "/admin/share-links/"' in menu


def test_the_report_is_closed_to_users_who_may_edit_no_page(tree):
    client = logged_in(make_user("reader"))

    assert_denied(client.get("/admin/share-links/"))
    menu = client.get("/admin/account/").content.decode()
    assert "wagtail.sidebar.LinkMenuItem" in menu  # the menu is there
    assert '"name": "share-links"' not in menu


def test_the_admin_list_costs_the_same_for_one_link_or_five(editor_client, draft):
    def queries_to_list():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(admin_url(draft)).status_code == 200
        return len(captured.captured_queries)

    create_link(editor_client, draft)
    queries_to_list()  # fills the site cache
    one = queries_to_list()
    for _ in range(4):
        create_link(editor_client, draft)

    assert queries_to_list() == one


def test_a_link_to_a_french_draft_shows_the_french_draft_in_french(tree):
    # Editors' permissions are on the root of the page tree, which holds every language's.
    editor_client = logged_in(make_user("editor", page=tree.root))
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    published = tree.add_update("Published in English", [tree.migrants])
    french = tree.translate(
        published, "fr", live=False, title="Brouillon en français", summary="Résumé."
    )

    link = create_link(editor_client, french)
    response = Client().get(public_path(link))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "<h1>Brouillon en français</h1>" in html and "Résumé." in html
    assert "Brouillon non publié." in html, "the banner in French"
    assert_private_headers(response)


def test_an_expired_link_to_a_french_draft_says_so_in_french(tree):
    editor_client = logged_in(make_user("editor", page=tree.root))
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    french = tree.translate(
        tree.add_update("In English", [tree.migrants]), "fr", live=False, title="Brouillon"
    )
    link = create_link(editor_client, french)
    ShareLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    response = Client().get(public_path(link))

    assert response.status_code == 410
    html = response.content.decode()
    assert '<html lang="fr"' in html and "Ce lien a expiré" in html
    assert response["Content-Language"] == "fr"
