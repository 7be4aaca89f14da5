"""An editor restricted to one section (the defenders' stories) against every admin view that
Wagtail's security advisories of 2024 to 2026 concerned: none shows them another section's
drafts, private pages or unpublished changes, none lets them act there, and their own section
keeps working. Moderators and superusers still see everything.

The advisories (GHSA-…, https://github.com/wagtail/wagtail/security/advisories), from
Wagtail's release notes; 2025 had none. "Here": the test that covers it, or "none" where
this site has no such feature (simple_translation, form pages, the public API, TableBlock, the
dynamic image URL view; wagtail-localize translates here).

| advisory (CVE) | what leaked or was allowed | admin view | here |
| --- | --- | --- | --- |
| w2v8-php4-p8hc (2024-32882) | a field FieldPanel permission held back | settings | settings |
| xxfm-vmcf-g33f (2024-35228) | editing a setting without permission | settings edit | settings |
| jmp3-39vp-fwg8 (2024-39317) | slow regex on a long search query | admin searches | chooser |
| 4qvv-g3vr-m348 (2026-25517) | previews of any page or setting | preview | revisions |
| p5cm-246w-84jm (2026-28222) | script in TableBlock classes | rendering | no TableBlock |
| p4v8-rw59-93cq (2026-28223) | script in a title shown on translating | translate | none |
| c6wj-9vcj-75pj (2026-44197) | revisions of a page one may not edit | compare | revisions |
| c4mr-889m-vgf6 (2026-44198) | history of a page one may not edit | page history | revisions |
| pwm3-7fv4-g6xx (2026-44199) | deleting others' form submissions | form pages | none |
| 67rv-mg8q-5pf3 (2026-44200) | copying a page one may not edit | page copy | copy |
| p5gm-92h4-6pv6 (2026-44201) | media of private collections | public API | none |
| h54r-xq46-qwqm (2026-54259) | media one may not choose | choosers | choosers |
| f2p5-j6fg-5cxf (2026-54260) | costly renditions (any spec) | image preview | choosers |
| r6p4-grq7-xm4m (2026-54261) | previews of images one may not see | image preview | choosers |
| 8634-mr4j-r72c (2026-54262) | translating pages one may not edit | translate | translation |
| 23m2-mghx-vqmf (2026-54263) | reflected script | image URL generator | none |
| 3vrh-m9w7-v94f (8.0) | draft fields through the pages API | admin API | admin API |
| 92hv-j533-69wc (8.0) | a document recognised by its SHA1 hash | document serving | not admin |
| c2xx-cjmh-9q8f (8.0) | media below private collections | public API | none |
| x5cx-w6p2-mxf2 (8.0) | copying a snippet with "add" alone | snippet copy | copy |
| jm5p-837g-rv8g (8.0) | copying for translation without edit access | API | translation |

Wagtail 8 itself refuses all of the above. What it still showed such an editor, and
``editorial/visibility.py`` now hides: other sections' drafts and private pages, and live
pages' unpublished titles, in the page chooser (browse, search, chosen pages), bulk actions'
confirmations, the move confirmation and the page types report; and images and documents of
collections the editor may not use, in the admin's API and in bulk actions' confirmations.
Usage reports name only the pages one may edit ("(Private page)" for the others) already.
"""

import json
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.rich_text import expand_db_html

import pytest

from core.models import SiteSettings
from editorial.setup import MODERATORS, model_permission
from home.models import StandardPage
from stories.models import StoryPage
from tests.conftest import make_image, search_index_kept
from tests.snapshots import restore_or_build
from updates.models import Mechanism, UpdatePage

pytestmark = pytest.mark.django_db

SECRET_DRAFT = "Secret draft about the Geneva briefing"
PRIVATE = "Private note on the Bangkok consultation"
PRIVATE_CHILD = "Private child page about the Nairobi network"
REWRITE = "Unpublished rewrite naming the Tunis source"
LOCKED = "Locked draft about the Cairo trial"
SECRETS = (SECRET_DRAFT, PRIVATE, PRIVATE_CHILD, REWRITE, LOCKED)
PUBLIC = "Public update on migrant rights"
REWRITTEN_LIVE = "Public statement on the Council session"
OWN_DRAFT = "Our own draft story"
SAFE_HOUSE = "Photo of the safe house"
SAFE_HOUSE_NOTES = "Safe house notes"


def build_sections(tree):
    """Beside the tree: in the updates section and under a private page, a draft, a private
    page and its child, a live page with an unpublished rewrite, a locked draft and a public
    update, all using one image, one document and one update type; a draft story; the Story
    desk group, which may edit the stories section and use the images and documents of its
    own collection, not those of the Confidential one."""
    desk_collection = Collection.get_first_root_node().add_child(name="Story desk")
    confidential = Collection.get_first_root_node().add_child(name="Confidential")
    image = make_image("Photo of the hearing room", collection=desk_collection)
    document = get_document_model().objects.create(
        title="Briefing notes",
        file=ContentFile(b"%PDF-1.4 notes", name="notes.pdf"),
        collection=desk_collection,
    )
    make_image(SAFE_HOUSE, collection=confidential)
    get_document_model().objects.create(
        title=SAFE_HOUSE_NOTES,
        file=ContentFile(b"%PDF-1.4 safe", name="safe.pdf"),
        collection=confidential,
    )
    briefing = type(tree.news).objects.create(name="Confidential briefing", slug="briefing")
    body = [
        ("image", {"image": image, "caption": ""}),
        ("paragraph", f'<p><a linktype="document" id="{document.pk}">notes</a></p>'),
    ]

    def update(title, **fields):
        return tree.add_update(
            title, [tree.migrants], update_type=briefing, body=body, listing_image=image, **fields
        )

    secret_draft = update(SECRET_DRAFT, live=False)
    private = tree.restrict(update(PRIVATE))
    members = StandardPage(title="Members' area", slug="members")
    tree.home.add_child(instance=members)
    tree.restrict(members)
    private_child = StandardPage(title=PRIVATE_CHILD, slug="nairobi", body=body)
    members.add_child(instance=private_child)
    rewritten = update(REWRITTEN_LIVE)
    rewritten.title = REWRITE
    rewritten.save_revision()
    locked = update(LOCKED, live=False)
    UpdatePage.objects.filter(pk=locked.pk).update(locked=True, locked_at=timezone.now())
    public = update(PUBLIC)

    own_story = StoryPage(
        title=OWN_DRAFT, live=False, defender_name="A. B.", quote="Q.", summary="S."
    )
    tree.story_index.add_child(instance=own_story)
    own_story.save_revision()

    group = Group.objects.create(name="Story desk")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        model_permission("updates.updatetype", "change"),
        model_permission("updates.mechanism", "add"),  # add alone: no copying (x5cx)
    )
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(
            group=group, page=tree.story_index, permission_type=permission_type
        )
    for label in ("wagtailimages.image", "wagtaildocs.document"):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.create(
                group=group, collection=desk_collection, permission=model_permission(label, action)
            )
    return SimpleNamespace(
        tree=tree,
        image=image,
        document=document,
        briefing=briefing,
        secret_draft=secret_draft,
        private=private,
        members=members,
        private_child=private_child,
        rewritten=rewritten,
        locked=locked,
        public=public,
        own_story=own_story,
        group=group,
        mechanism=Mechanism.objects.create(name="Secret mechanism", acronym="SM"),
        settings=SiteSettings.objects.create(site=tree.site),
    )


@pytest.fixture
def sections(tree):
    def build():
        with search_index_kept():  # the chooser tests search them
            return build_sections(tree)

    return restore_or_build("permission advisories", build)


@pytest.fixture
def editor(sections, django_user_model, client):
    """A client logged in as an editor of the stories section alone."""
    user = django_user_model.objects.create_user("stella", "stella@example.org", "pw")
    user.groups.add(sections.group)
    client.force_login(user)
    return client


@pytest.fixture
def moderator(sections, django_user_model):
    """A client logged in as a moderator, who may edit and publish every page."""
    user = django_user_model.objects.create_user("mo", "mo@example.org", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client = Client()
    client.force_login(user)
    return client


def hidden(sections):
    """The other sections' pages the editor must not learn of."""
    s = sections
    return [s.secret_draft, s.private, s.private_child, s.locked]


def refused(response):
    """Wagtail refuses with a 403 or a redirect to the dashboard; a page one may not see is
    also "not found"."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin")
    )


def html(response):
    return response.content.decode()


def assert_no_secrets(response, url=""):
    text = html(response)
    assert response.status_code < 500, (url, response.status_code)
    leaked = [title for title in SECRETS if title in text]
    assert not leaked, (url, leaked)


def ids(pages):
    return "&".join(f"id={page.pk}" for page in pages)


def test_revisions_history_previews_and_drafts_of_other_sections_are_refused(sections, editor):
    """GHSA-c6wj-9vcj-75pj, GHSA-c4mr-889m-vgf6, GHSA-4qvv-g3vr-m348."""
    for page in [*hidden(sections), sections.rewritten]:
        base = f"/admin/pages/{page.pk}"
        revision = page.latest_revision or page.save_revision()
        first = page.revisions.order_by("pk").first()
        for url in (
            f"{base}/edit/",
            f"{base}/history/",
            f"{base}/revisions/{revision.pk}/view/",
            f"{base}/revisions/compare/{first.pk}...{revision.pk}/",
            f"{base}/revisions/compare/live...{revision.pk}/",
            f"{base}/revisions/{revision.pk}/revert/",
            f"{base}/view_draft/",
            f"{base}/edit/preview/",
            f"{base}/workflow/history/",
        ):
            response = editor.get(url)
            assert refused(response), (url, response.status_code)
            assert_no_secrets(response, url)
        response = editor.post(f"{base}/edit/preview/", {"title": "Injected"})
        assert refused(response)

    # A preview of a new page in another section, with data of the editor's choosing.
    url = f"/admin/pages/add/updates/updatepage/{sections.tree.update_index.pk}/preview/"
    assert refused(editor.post(url, {"title": "Injected"}))
    # Their own section works.
    story = sections.own_story
    assert editor.get(f"/admin/pages/{story.pk}/history/").status_code == 200
    assert editor.get(f"/admin/pages/{story.pk}/view_draft/").status_code == 200


def test_no_copy_of_another_sections_page_or_of_a_snippet_they_may_only_add(sections, editor):
    """GHSA-67rv-mg8q-5pf3 (the source page was not checked), GHSA-x5cx-w6p2-mxf2."""
    stories = sections.tree.story_index
    for page in hidden(sections):
        url = f"/admin/pages/{page.pk}/copy/"
        response = editor.get(url)
        assert refused(response) and PRIVATE not in html(response)
        data = {"new_title": "Copied", "new_slug": "copied", "new_parent_page": stories.pk}
        assert refused(editor.post(url, data))
    assert not stories.get_children().filter(title="Copied").exists()

    mechanism = sections.mechanism
    response = editor.get(f"/admin/snippets/updates/mechanism/copy/{mechanism.pk}/")
    assert refused(response) and "Secret mechanism" not in html(response)


def test_no_move_into_or_out_of_their_section(sections, editor):
    """Moves: Wagtail's confirmation named any two pages before checking anything."""
    s = sections
    stories, updates = s.tree.story_index, s.tree.update_index
    for url in (
        f"/admin/pages/{s.secret_draft.pk}/move/",
        f"/admin/pages/{s.secret_draft.pk}/move/{stories.pk}/confirm/",  # into the section
        f"/admin/pages/{s.private_child.pk}/move/{stories.pk}/confirm/",
        f"/admin/pages/{s.own_story.pk}/move/{updates.pk}/confirm/",  # out of it
        f"/admin/pages/{s.own_story.pk}/move/{s.secret_draft.pk}/confirm/",
    ):
        response = editor.get(url)
        assert refused(response), url
        assert_no_secrets(response, url)
        assert refused(editor.post(url))
    s.secret_draft.refresh_from_db()
    s.own_story.refresh_from_db()
    assert s.secret_draft.get_parent().pk == updates.pk
    assert s.own_story.get_parent().pk == stories.pk
    # Choosing where to move their own story works.
    assert editor.get(f"/admin/pages/{s.own_story.pk}/move/").status_code == 200


def test_site_settings_are_refused(sections, editor):
    """GHSA-xxfm-vmcf-g33f, GHSA-w2v8-php4-p8hc, and settings previews (GHSA-4qvv-g3vr-m348)."""
    settings = sections.settings
    base = "/admin/settings/core/sitesettings"
    for url in (f"{base}/", f"{base}/{sections.tree.site.pk}/"):
        assert refused(editor.get(url)), url
        assert refused(editor.post(url, {"privacy_notice": sections.secret_draft.pk}))
    assert refused(editor.post(f"{base}/{sections.tree.site.pk}/preview/", {}))
    settings.refresh_from_db()
    assert settings.privacy_notice is None


def test_reports_show_nothing_of_other_sections(sections, editor, moderator):
    for url in (
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
        "/admin/share-links/",
        "/admin/pages/search/?q=secret",
        "/admin/pages/search/?q=private",
        f"/admin/pages/{sections.tree.update_index.pk}/",
    ):
        assert_no_secrets(editor.get(url, follow=True), url)
    # The page types report names the last edited update the editor may see, by its live
    # title.
    report = html(editor.get("/admin/reports/page-types-usage/"))
    assert REWRITTEN_LIVE in report
    # A moderator's report names the locked draft, edited last.
    assert LOCKED in html(moderator.get("/admin/reports/page-types-usage/"))
    assert LOCKED in html(moderator.get("/admin/reports/locked/"))


@pytest.mark.search_index
def test_page_chooser_shows_other_sections_live_public_pages_alone(sections, editor):
    """The page chooser, browsing and searching: another section's drafts and private pages
    are not there, its published pages are, by their live titles; the editor's own drafts
    are there too."""
    s = sections
    listing = html(editor.get(f"/admin/choose-page/{s.tree.update_index.pk}/"))
    assert PUBLIC in listing and REWRITTEN_LIVE in listing
    home = html(editor.get(f"/admin/choose-page/{s.tree.home.pk}/"))
    assert "Members&#x27;" not in home and "Latest updates" in home
    assert OWN_DRAFT in html(editor.get(f"/admin/choose-page/{s.tree.story_index.pk}/"))
    for response in (
        editor.get(f"/admin/choose-page/{s.tree.update_index.pk}/"),
        editor.get(f"/admin/choose-page/{s.tree.home.pk}/?page_type=updates.updatepage"),
        editor.get("/admin/choose-page/"),
    ):
        assert_no_secrets(response)
    # Browsing below a page they may not see, by its id: not found.
    for page in (s.secret_draft, s.members, s.private_child):
        response = editor.get(f"/admin/choose-page/{page.pk}/")
        assert response.status_code == 404
        assert_no_secrets(response)

    for words in ("secret", "private", "Nairobi", "rewrite", "Tunis", "locked", "Cairo"):
        response = editor.get("/admin/choose-page/search/", {"q": words})
        assert response.status_code == 200
        assert_no_secrets(response, words)
    found = html(editor.get("/admin/choose-page/search/", {"q": "public"}))
    assert PUBLIC in found and REWRITTEN_LIVE in found
    assert OWN_DRAFT in html(editor.get("/admin/choose-page/search/", {"q": "own draft"}))
    # A long word without spaces (GHSA-jmp3-39vp-fwg8) is answered, not a server error.
    assert editor.get("/admin/choose-page/search/", {"q": "a" * 5000}).status_code == 200

    chosen = editor.get(f"/admin/choose-page/chosen-multiple/?{ids(hidden(s))}")
    assert chosen.status_code == 200
    assert json.loads(html(chosen))["result"] == []
    chosen = editor.get(f"/admin/choose-page/chosen-multiple/?{ids([s.public, s.rewritten])}")
    titles = {page["adminTitle"] for page in json.loads(html(chosen))["result"]}
    assert titles == {PUBLIC, REWRITTEN_LIVE}
    assert editor.get("/admin/choose-page/chosen-multiple/?id=abc").status_code == 200


@pytest.mark.search_index
def test_moderators_and_superusers_see_every_page_in_the_chooser(
    sections, moderator, admin_client
):
    s = sections
    for client in (moderator, admin_client):
        listing = html(client.get(f"/admin/choose-page/{s.tree.update_index.pk}/"))
        assert all(title in listing for title in (SECRET_DRAFT, PRIVATE, REWRITE, LOCKED))
        assert PRIVATE_CHILD in html(client.get(f"/admin/choose-page/{s.members.pk}/"))
        found = html(client.get("/admin/choose-page/search/", {"q": "secret"}))
        assert SECRET_DRAFT in found
        chosen = client.get(f"/admin/choose-page/chosen-multiple/?{ids(hidden(s))}")
        assert len(json.loads(html(chosen))["result"]) == 4


@pytest.mark.search_index
def test_the_editor_links_to_a_live_public_page_from_rich_text(sections, editor):
    public = sections.public
    found = html(editor.get("/admin/choose-page/search/", {"q": "migrant rights"}))
    assert f'data-id="{public.pk}"' in found and 'class="choose-page"' in found
    link = expand_db_html(f'<p><a linktype="page" id="{public.pk}">the update</a></p>')
    assert f'href="{public.url}"' in link


def test_bulk_actions_name_no_page_of_other_sections(sections, editor, admin_client):
    s = sections
    for action in ("publish", "unpublish", "delete", "move"):
        url = f"/admin/bulk/wagtailcore/page/{action}/"
        # Only pages they may not see: as if none existed.
        response = editor.get(f"{url}?{ids(hidden(s))}")
        assert response.status_code == 404, action
        assert_no_secrets(response, action)
        # With a public page among them: it is named, by its live title, and nothing else.
        response = editor.get(f"{url}?{ids([*hidden(s), s.public, s.rewritten])}")
        assert response.status_code == 200, action
        assert_no_secrets(response, action)
        assert PUBLIC in html(response) and REWRITTEN_LIVE in html(response)
        # A superuser's confirmation names them all.
        everything = html(admin_client.get(f"{url}?{ids(hidden(s))}"))
        assert SECRET_DRAFT in everything and PRIVATE_CHILD in everything
    assert refused(editor.post(f"/admin/bulk/wagtailcore/page/publish/?{ids(hidden(s))}"))
    s.secret_draft.refresh_from_db()
    assert not s.secret_draft.live
    # Their own story, with hidden pages beside it: only their story is acted on.
    response = editor.get(
        f"/admin/bulk/wagtailcore/page/delete/?{ids([s.own_story, s.secret_draft])}"
    )
    assert response.status_code == 200 and OWN_DRAFT in html(response)
    assert_no_secrets(response)


def test_image_and_document_choosers_and_bulk_actions_keep_confidential_items(sections, editor):
    """GHSA-h54r-xq46-qwqm, GHSA-r6p4-grq7-xm4m, GHSA-f2p5-j6fg-5cxf."""
    image_model = type(sections.image)
    safe_house = image_model.objects.get(title=SAFE_HOUSE)
    notes = get_document_model().objects.get(title=SAFE_HOUSE_NOTES)
    for url in ("/admin/images/chooser/", "/admin/images/chooser/results/?q=photo"):
        response = editor.get(url)
        assert "Photo of the hearing room" in html(response)
        assert SAFE_HOUSE not in html(response)
    for url in ("/admin/documents/chooser/", "/admin/documents/chooser/results/?q=notes"):
        response = editor.get(url)
        assert "Briefing notes" in html(response)
        assert SAFE_HOUSE_NOTES not in html(response)
    for url, title in (
        (f"/admin/images/chooser/chosen/{safe_house.pk}/", SAFE_HOUSE),
        (f"/admin/images/chooser/chosen-multiple/?id={safe_house.pk}", SAFE_HOUSE),
        (f"/admin/images/{safe_house.pk}/preview/original/", SAFE_HOUSE),
        (f"/admin/documents/chooser/chosen/{notes.pk}/", SAFE_HOUSE_NOTES),
        (f"/admin/documents/chooser/chosen-multiple/?id={notes.pk}", SAFE_HOUSE_NOTES),
        (f"/admin/api/main/images/{safe_house.pk}/", SAFE_HOUSE),
        (f"/admin/api/main/documents/{notes.pk}/", SAFE_HOUSE_NOTES),
        (f"/admin/bulk/core/customimage/add_to_collection/?id={safe_house.pk}", SAFE_HOUSE),
        (f"/admin/bulk/wagtaildocs/document/delete/?id={notes.pk}", SAFE_HOUSE_NOTES),
    ):
        response = editor.get(url)
        assert response.status_code < 500, url
        assert title not in html(response), url
    # Only the URL generator's operations are previewed: no costly conversions.
    image = sections.image
    spec = "fill-100x100|format-webp-lossless|webpquality-100"
    assert editor.get(f"/admin/images/{image.pk}/preview/{spec}/").status_code == 400
    assert editor.get(f"/admin/images/{image.pk}/preview/width-200/").status_code == 200


def test_usage_reports_name_only_pages_the_editor_may_edit(sections, editor, admin_client):
    s = sections
    for url in (
        f"/admin/images/usage/{s.image.pk}/",
        f"/admin/documents/usage/{s.document.pk}/",
        f"/admin/snippets/updates/updatetype/usage/{s.briefing.pk}/",
    ):
        response = editor.get(url)
        assert response.status_code == 200, url
        assert_no_secrets(response, url)
        assert "(Private page)" in html(response), url
        assert SECRET_DRAFT in html(admin_client.get(url)), url


def test_admin_api_and_translation_of_other_sections_are_refused(sections, editor):
    """GHSA-3vrh-m9w7-v94f, GHSA-8634-mr4j-r72c and GHSA-jm5p-837g-rv8g (wagtail-localize's
    own "translate this page" here)."""
    for page in hidden(sections):
        for url in (
            f"/admin/api/main/pages/{page.pk}/",
            f"/admin/api/main/pages/?child_of={page.get_parent().pk}&for_explorer=1",
            f"/admin/localize/submit/page/{page.pk}/",
        ):
            response = editor.get(url)
            assert response.status_code in (302, 400, 403, 404), url
            assert_no_secrets(response, url)
    listing = html(editor.get("/admin/api/main/pages/?child_of=root&for_explorer=1"))
    assert_no_secrets(editor.get("/admin/api/main/pages/?search=secret"))
    assert "International Service" in listing
