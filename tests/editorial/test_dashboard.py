"""The editor's desk: the admin dashboard lists what needs attention, each panel with a count,
at most ten items linking to their edit views, and a friendly message when all is done."""

import datetime
import re
from html import unescape

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.admin.views.home import HomeView
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

import pytest

from editorial.dashboard import attention_panels
from editorial.setup import EDITORS, MODERATORS, TASK_NAME
from home.models import HomePage
from stories.models import StoryPage
from tests.conftest import make_image
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage, UpdatePage

pytestmark = pytest.mark.django_db

MODERATION = "updates_in_moderation"
DRAFTS = "recent_drafts"
INCOMPLETE = "incomplete_updates"
IMAGES = "images_missing_credit"
STALE = "stale_topics"
PANELS = [MODERATION, INCOMPLETE, IMAGES, DRAFTS, STALE]
# Wagtail's own panels, by the id of their section.
REVIEW = "awaiting-review"
IN_WORKFLOW = "objects-in-workflow"
LOCKED = "locked-pages"
RECENT_EDITS = "recent-edits"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def edited_days_ago(page, days):
    """Pretend ``page`` was last edited ``days`` ago."""
    when = timezone.now() - datetime.timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=when)


def submit_for_moderation(page, user):
    """Submit the latest revision of ``page`` to its workflow, as the editor's button does."""
    page.save_revision(user=user, clean=False)
    return page.get_workflow().start(page, user)


def image_permission(action):
    """Wagtail checks image permissions against its own Image model, even for a custom one."""
    return Permission.objects.get(
        content_type__app_label="wagtailimages", codename=f"{action}_image"
    )


def add_incomplete_draft(tree, title, topics=()):
    """A draft saved without a summary, as the admin allows for drafts."""
    update = UpdatePage(
        title=title, date=days_ago(1), update_type=tree.news, summary="", live=False
    )
    update.topics = list(topics)
    tree.update_index.add_child(instance=update)
    update.save_revision(clean=False)
    return update


def blank_summary(update):
    """What a legacy import left: a live update whose summary is empty."""
    UpdatePage.objects.filter(pk=update.pk).update(summary="")


def panel(response, name):
    """The dashboard panel ``name``: its heading and the titles it lists, as text."""
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(rf'<section[^>]*id="{name}-section".*?</section>', html, re.S)
    if match is None:
        return None
    section = match.group(0)
    heading = re.search(r"data-panel-heading-text>(.*?)</span>", section, re.S).group(1)
    titles = re.findall(r'<div class="title-wrapper">\s*<a href="[^"]*">(.*?)</a>', section)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", section)).split())
    return {
        "heading": unescape(heading).strip(),
        "titles": [unescape(title) for title in titles],
        "text": text,
        "html": section,
    }


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "lead", "lead@example.org", "x", first_name="Lea", last_name="Lead"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def editor(django_user_model, tree):
    """An editor who may add and change pages under the home page, and nothing else."""
    group = Group.objects.create(name="Home editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=tree.home, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "x", first_name="Eda", last_name="Editor"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def other_site(tree):
    """A second home page beside ISHR's, out of the home-page editors' reach."""
    home = HomePage(title="Archive site", slug="archive", intro="Old things.")
    tree.root.add_child(instance=home)
    update_index = UpdateIndexPage(title="Archived updates", slug="archived-updates")
    topic_index = TopicIndexPage(title="Archived topics", slug="archived-topics")
    home.add_child(instance=update_index)
    home.add_child(instance=topic_index)
    topic = TopicPage(title="Archived topic", slug="archived-topic", intro="Old.")
    topic_index.add_child(instance=topic)
    update = UpdatePage(
        title="Archived draft", date=days_ago(1), update_type=tree.news, summary="", live=False
    )
    update_index.add_child(instance=update)
    update.save_revision(clean=False)
    return update


# The dashboard as a whole


def test_dashboard_shows_every_panel_in_order_with_a_friendly_empty_state(admin_client, tree):
    for topic in (tree.migrants, tree.women):
        tree.add_update(f"Recent news on {topic.title}", [topic], date=days_ago(3))

    response = admin_client.get("/admin/")
    html = response.content.decode()

    positions = [html.index(f'id="{name}-section"') for name in PANELS]
    assert positions == sorted(positions)
    assert panel(response, MODERATION)["text"].endswith("No update is waiting for moderation.")
    assert panel(response, MODERATION)["heading"] == "Updates waiting for moderation (0)"
    assert "No unpublished changes in the last 30 days." in panel(response, DRAFTS)["text"]
    assert "Every update has a topic and a summary." in panel(response, INCOMPLETE)["text"]
    assert "Every image has a credit and alt text." in panel(response, IMAGES)["text"]
    assert (
        "Every topic has had an update in the last six months." in panel(response, STALE)["text"]
    )


def test_a_panel_lists_ten_items_and_counts_them_all(admin_client, tree):
    for number in range(12):
        make_image(f"Legacy image {number:02}", credit="")

    images = panel(admin_client.get("/admin/"), IMAGES)

    assert images["heading"] == "Images without credit or alt text (12)"
    assert len(images["titles"]) == 10
    assert "The first 10 of 12 are shown." in images["text"]
    # Newest first.
    assert images["titles"][0] == "Legacy image 11"


# Each page once, in the panel that matters most


def panels_listing(response, page):
    """The ids of the dashboard panels that link to ``page``'s edit view, top to bottom."""
    html = response.content.decode()
    sections = re.finditer(r'<section[^>]*id="([\w-]+)-section".*?</section>', html, re.S)
    link = f'href="/admin/pages/{page.pk}/edit/"'
    return [section.group(1) for section in sections if link in section.group(0)]


def team_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "x", first_name=username.title(), last_name="Team"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def team_editor(django_user_model, tree):
    return team_member(django_user_model, "eden", EDITORS)


@pytest.fixture
def moderator(django_user_model, tree):
    return team_member(django_user_model, "mona", MODERATORS)


def edit_as(page, user):
    """Save a revision as the admin's editor does, which logs it as the user's edit."""
    page.save_revision(user=user, clean=False, log_action=True)


def lock_for(page, user):
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=user, locked_at=timezone.now())


def add_update_in_every_panel(tree, team_editor, moderator, title="In every panel"):
    """A draft without a summary (incomplete, a recent draft) that both edited (their recent
    edits), that the editor owns and submitted (their page in a workflow, the team's update
    waiting for moderation, the moderator's review) and that the moderator locked."""
    update = add_incomplete_draft(tree, title, topics=[tree.migrants])
    Page.objects.filter(pk=update.pk).update(owner=team_editor)
    update.refresh_from_db()
    edit_as(update, moderator)
    edit_as(update, team_editor)
    submit_for_moderation(update, team_editor)
    lock_for(update, moderator)
    return update


@pytest.mark.parametrize(
    ("viewer", "most_important"), [("moderator", REVIEW), ("team_editor", IN_WORKFLOW)]
)
def test_a_page_in_several_panels_shows_once_in_the_one_that_matters_most(
    client, tree, team_editor, moderator, request, viewer, most_important
):
    update = add_update_in_every_panel(tree, team_editor, moderator)
    client.force_login(request.getfixturevalue(viewer))

    assert panels_listing(client.get("/admin/"), update) == [most_important]


@pytest.mark.parametrize(
    ("viewer", "colleagues_submission"), [("moderator", REVIEW), ("team_editor", MODERATION)]
)
def test_each_panel_still_shows_what_only_it_would_show(
    client, tree, team_editor, moderator, django_user_model, request, viewer, colleagues_submission
):
    user = request.getfixturevalue(viewer)
    colleague = team_member(django_user_model, "cole", EDITORS)
    submitted = tree.add_update("A colleague's submission", [tree.migrants], live=False)
    submit_for_moderation(submitted, colleague)
    untagged = tree.add_update("Published without a topic", [])
    finished = tree.add_update("A finished draft", [tree.migrants], live=False)
    edited = tree.add_update("Edited and published", [tree.migrants])
    edit_as(edited, user)
    edited.get_latest_revision().publish()
    locked = tree.add_update("Locked and published", [tree.migrants])
    lock_for(locked, user)
    tree.add_update("Recent news on migrants", [tree.migrants], date=days_ago(3))

    client.force_login(user)
    response = client.get("/admin/")

    assert panels_listing(response, submitted) == [colleagues_submission]
    assert panels_listing(response, untagged) == [INCOMPLETE]
    assert panels_listing(response, finished) == [DRAFTS]
    assert panels_listing(response, edited) == [RECENT_EDITS]
    assert panels_listing(response, locked) == [LOCKED]
    assert panels_listing(response, tree.women) == [STALE]


def test_a_panel_says_how_many_of_its_pages_are_listed_above(client, tree, team_editor, moderator):
    add_update_in_every_panel(tree, team_editor, moderator)
    client.force_login(moderator)

    moderation = panel(client.get("/admin/"), MODERATION)

    assert moderation["heading"] == "Updates waiting for moderation (0)"
    assert moderation["text"].endswith("1 more is listed in a panel above.")
    # Not the message that nothing is waiting, which the panel above contradicts.
    assert "No update is waiting for moderation." not in moderation["text"]


def test_the_panels_that_matter_most_come_first(superuser):
    view = HomeView()
    view.setup(RequestFactory().get("/admin/"))
    view.request.user = superuser

    panels = sorted(view.get_panels(), key=lambda dashboard_panel: dashboard_panel.order)

    assert [getattr(dashboard_panel, "name", None) for dashboard_panel in panels] == [
        "workflow_objects_to_moderate",  # Awaiting your review
        "user_objects_in_workflow_moderation",  # Your pages and snippets in a workflow
        MODERATION,
        "locked_pages",
        INCOMPLETE,
        IMAGES,
        DRAFTS,
        "recent_edits",
        STALE,
    ]


def test_the_dashboard_runs_the_same_queries_for_3_and_15_pages_in_every_panel(
    client, tree, team_editor, moderator
):
    client.force_login(team_editor)
    for number in range(3):
        add_update_in_every_panel(tree, team_editor, moderator, title=f"Everywhere {number}")
    client.get("/admin/")
    with CaptureQueriesContext(connection) as with_3:
        client.get("/admin/")
    for number in range(3, 15):
        add_update_in_every_panel(tree, team_editor, moderator, title=f"Everywhere {number}")
    with CaptureQueriesContext(connection) as with_15:
        response = client.get("/admin/")

    assert panels_listing(response, UpdatePage.objects.get(title="Everywhere 14")) == [IN_WORKFLOW]
    assert len(with_3) == len(with_15)


# Updates waiting for moderation


def test_moderation_panel_lists_submitted_updates_with_task_and_submitter(
    editor_client, tree, superuser, django_user_model
):
    sam = django_user_model.objects.create_user(
        "sam", "sam@example.org", "x", first_name="Sam", last_name="Submitter"
    )
    waiting = tree.add_update("Awaiting review", [tree.migrants], live=False)
    submit_for_moderation(waiting, sam)
    live_with_changes = tree.add_update("Correction awaiting review", [tree.women])
    submit_for_moderation(live_with_changes, superuser)
    sent_back = tree.add_update("Sent back to its author", [tree.women], live=False)
    state = submit_for_moderation(sent_back, sam)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, superuser, "reject")
    tree.add_update("Not submitted", [tree.women], live=False)
    story = tree.add_story("A story in moderation", [tree.women], live=False)
    submit_for_moderation(story, sam)

    # Seen by an editor who reviews none of them (a reviewer sees them in "Awaiting your review").
    moderation = panel(editor_client.get("/admin/"), MODERATION)

    assert moderation["heading"] == "Updates waiting for moderation (2)"
    # Longest waiting first.
    assert moderation["titles"] == ["Awaiting review", "Correction awaiting review"]
    assert f"Awaiting {TASK_NAME}" in moderation["text"]
    assert "Submitted by Sam Submitter" in moderation["text"]
    assert f'href="/admin/pages/{waiting.pk}/edit/"' in moderation["html"]


def test_moderation_panel_shows_editors_only_updates_they_can_edit(
    editor_client, tree, editor, superuser, other_site
):
    # Submitted by someone else: the editor's own submissions are in "Your pages in a workflow".
    submit_for_moderation(tree.add_update("Home update", [tree.migrants], live=False), superuser)
    submit_for_moderation(other_site, superuser)

    moderation = panel(editor_client.get("/admin/"), MODERATION)

    assert moderation["titles"] == ["Home update"]
    assert moderation["heading"] == "Updates waiting for moderation (1)"


# Drafts of the last 30 days


def test_drafts_panel_lists_unpublished_changes_of_the_last_30_days(admin_client, tree, superuser):
    fresh = tree.add_update("Fresh draft", [tree.migrants], live=False)
    fresh.save_revision(user=superuser, clean=False)
    old = tree.add_update("Forgotten draft", [tree.migrants], live=False)
    edited_days_ago(old, 40)
    tree.migrants.intro = "A new introduction, not yet published."
    tree.migrants.save_revision()
    tree.add_update("Published and unchanged", [tree.migrants])
    private = tree.restrict(tree.add_update("Private and published", [tree.women]))
    private.save_revision()
    tree.add_story("Story draft", [tree.women], live=False).save_revision()

    drafts = panel(admin_client.get("/admin/"), DRAFTS)

    assert drafts["heading"] == "Drafts of the last 30 days (4)"
    assert set(drafts["titles"]) == {
        "Fresh draft",
        "Migrant and refugee rights",
        "Private and published",
        "Story draft",
    }
    assert "Edited by Lea Lead" in drafts["text"]
    assert "live + draft" in drafts["text"]
    assert "Topic page" in drafts["text"]


def test_drafts_panel_puts_the_latest_edit_first(admin_client, tree):
    older = tree.add_update("Edited last week", [tree.migrants], live=False)
    edited_days_ago(older, 7)
    tree.add_update("Edited today", [tree.migrants], live=False)

    assert panel(admin_client.get("/admin/"), DRAFTS)["titles"] == [
        "Edited today",
        "Edited last week",
    ]


def test_drafts_panel_leaves_out_pages_the_editor_cannot_edit(editor_client, tree, other_site):
    tree.add_update("Home draft", [tree.migrants], live=False)

    drafts = panel(editor_client.get("/admin/"), DRAFTS)

    assert drafts["titles"] == ["Home draft"]


# Updates without a topic or summary


def test_incomplete_updates_panel_lists_what_is_missing(admin_client, tree):
    tree.add_update("Complete and live", [tree.migrants])
    blank_summary(tree.add_update("Legacy without summary", [tree.migrants]))
    spaces = tree.add_update("Summary of spaces", [tree.migrants])
    UpdatePage.objects.filter(pk=spaces.pk).update(summary="   ")
    tree.add_update("Untagged", [])
    add_incomplete_draft(tree, "Empty draft")
    restricted = tree.restrict(tree.add_update("Private untagged", []))

    incomplete = panel(admin_client.get("/admin/"), INCOMPLETE)

    # Live updates first (visitors see them), then the newest.
    assert incomplete["titles"][-1] == "Empty draft"
    assert set(incomplete["titles"]) == {
        "Legacy without summary",
        "Summary of spaces",
        "Untagged",
        "Empty draft",
        restricted.title,
    }
    assert incomplete["heading"] == "Updates without a topic or summary (5)"
    row = re.search(r"Empty draft.*?</tr>", incomplete["html"], re.S).group(0)
    assert "No topic" in row and "No summary" in row
    row = re.search(r"Untagged.*?</tr>", incomplete["html"], re.S).group(0)
    assert "No topic" in row and "No summary" not in row


def test_incomplete_updates_panel_checks_the_published_version_of_live_updates(admin_client, tree):
    # An unpublished change that empties the summary: publishing it would be refused, and
    # visitors still see the complete version, so it does not need attention here.
    update = tree.add_update("Live and complete", [tree.migrants])
    update.summary = ""
    update.save_revision(clean=False)
    # A live update whose published version lacks a summary is listed, whatever its draft.
    legacy = tree.add_update("Legacy live", [tree.migrants])
    blank_summary(legacy)

    incomplete = panel(admin_client.get("/admin/"), INCOMPLETE)

    assert incomplete["titles"] == ["Legacy live"]


def test_incomplete_updates_panel_leaves_out_updates_the_editor_cannot_edit(
    editor_client, tree, other_site
):
    tree.add_update("Home draft without topic", [], live=False)

    incomplete = panel(editor_client.get("/admin/"), INCOMPLETE)

    assert incomplete["titles"] == ["Home draft without topic"]


# Images without credit or alt text


def test_images_panel_lists_images_without_credit_or_alt_text(admin_client, tree):
    make_image("Credited photo")
    make_image("Uncredited photo", credit="")
    make_image("Photo without description", alt_text="")
    make_image("Blank credit", credit="  ")

    response = admin_client.get("/admin/")
    images = panel(response, IMAGES)

    assert set(images["titles"]) == {
        "Uncredited photo",
        "Photo without description",
        "Blank credit",
    }
    uncredited = re.search(r'<a href="([^"]+)">Uncredited photo</a>', images["html"]).group(1)
    assert admin_client.get(uncredited).status_code == 200
    assert "No credit" in images["text"] and "No alt text" in images["text"]


def test_images_panel_is_hidden_from_editors_without_image_permissions(editor_client, tree):
    make_image("Uncredited photo", credit="")

    response = editor_client.get("/admin/")

    assert panel(response, IMAGES) is None
    assert "Uncredited photo" not in response.content.decode()
    assert panel(response, DRAFTS) is not None


def test_images_panel_shows_editors_the_images_they_may_change(editor_client, tree, editor):
    group = editor.groups.get()
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=image_permission("change"),
    )
    make_image("Uncredited photo", credit="")

    assert panel(editor_client.get("/admin/"), IMAGES)["titles"] == ["Uncredited photo"]


def test_page_panels_are_hidden_from_users_with_no_page_permissions(
    client, tree, django_user_model
):
    group = Group.objects.create(name="Picture editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=image_permission("change"),
    )
    user = django_user_model.objects.create_user("pictures", "p@example.org", "x")
    user.groups.add(group)
    client.force_login(user)
    make_image("Uncredited photo", credit="")

    response = client.get("/admin/")

    assert [name for name in PANELS if panel(response, name)] == [IMAGES]


# Topics with no new update in six months


def test_stale_topics_panel_lists_topics_without_a_recent_live_public_update(admin_client, tree):
    tree.add_update("Recent news", [tree.migrants], date=days_ago(10))
    tree.add_update("Old news", [tree.women], date=days_ago(200))
    tree.add_topic("Business and human rights", slug="business")
    drafted = tree.add_topic("Reprisals", slug="reprisals")
    tree.add_update("Old reprisals news", [drafted], date=days_ago(300))
    tree.add_update("Recent but a draft", [drafted], date=days_ago(5), live=False)
    hidden = tree.add_topic("Sexual orientation", slug="sogi")
    tree.restrict(tree.add_update("Recent but private", [hidden], date=days_ago(5)))
    tree.add_topic("Unpublished topic", slug="unpublished", live=False)
    tree.restrict(tree.add_topic("Private topic", slug="private"))

    stale = panel(admin_client.get("/admin/"), STALE)

    # Topics without any update first, then the longest without one.
    assert stale["titles"] == [
        "Business and human rights",
        "Sexual orientation",
        "Reprisals",
        "Women human rights defenders",
    ]
    assert stale["heading"] == "Topics with no new update in six months (4)"
    assert "No update yet" in stale["text"]
    assert f"Last update: {days_ago(200):%-d %B %Y}" in stale["text"]


def test_a_topic_becomes_stale_after_183_days(admin_client, tree):
    tree.add_update("Exactly six months ago", [tree.migrants], date=days_ago(183))
    tree.add_update("A day more", [tree.women], date=days_ago(184))

    assert panel(admin_client.get("/admin/"), STALE)["titles"] == ["Women human rights defenders"]


def test_stale_topics_panel_leaves_out_topics_the_editor_cannot_edit(
    editor_client, tree, other_site
):
    tree.add_update("Recent news", [tree.migrants], date=days_ago(10))

    assert panel(editor_client.get("/admin/"), STALE)["titles"] == ["Women human rights defenders"]


# Query counts


def add_items(tree, user, count):
    """``count`` items for every panel: some that only one panel lists, so that none is empty,
    and drafts that several would list (each is listed in the first only)."""
    for number in range(count):
        topic = tree.add_topic(f"Topic {count} {number}", slug=f"topic-{count}-{number}")
        tree.add_update(f"Old news {count} {number}", [topic], date=days_ago(300))
        draft = add_incomplete_draft(tree, f"Draft {count} {number}")
        submit_for_moderation(draft, user)
        blank_summary(tree.add_update(f"Legacy {count} {number}", [topic], date=days_ago(300)))
        finished = tree.add_update(f"Finished draft {count} {number}", [topic], live=False)
        finished.save_revision(user=user)
        make_image(f"Image {count} {number}", credit="", uploaded_by_user=user)


def render_panels(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    context = {"request": request, "csrf_token": "token"}
    return "".join(dashboard_panel.render_html(context) for dashboard_panel in attention_panels())


@pytest.mark.parametrize("user_name", ["superuser", "editor"])
def test_panels_run_the_same_queries_for_3_and_15_items(
    request, tree, superuser, editor, django_assert_max_num_queries, user_name
):
    user = request.getfixturevalue(user_name)
    add_items(tree, superuser, 3)
    render_panels(user)  # warm caches: content types, site root paths
    with django_assert_max_num_queries(40) as with_3:
        html = render_panels(user)
    assert "Draft 3 2" in html

    add_items(tree, superuser, 12)
    with django_assert_max_num_queries(40) as with_15:
        html = render_panels(user)
    assert "Draft 12 11" in html

    assert len(with_3) == len(with_15)


def test_dashboard_query_count_does_not_grow_with_drafts(admin_client, tree, superuser):
    def add_drafts(numbers):
        for number in numbers:
            add_incomplete_draft(tree, f"Draft {number}")  # listed as incomplete
            tree.add_update(f"Finished draft {number}", [tree.migrants], live=False)

    add_drafts(range(3))
    admin_client.get("/admin/")
    with CaptureQueriesContext(connection) as with_3:
        admin_client.get("/admin/")
    add_drafts(range(3, 15))
    with CaptureQueriesContext(connection) as with_15:
        admin_client.get("/admin/")

    assert len(with_3) == len(with_15)


def test_story_drafts_count_as_drafts_but_not_as_updates(admin_client, tree):
    tree.add_story("Story draft", [tree.migrants], live=False).save_revision()

    response = admin_client.get("/admin/")

    assert panel(response, DRAFTS)["titles"] == ["Story draft"]
    assert panel(response, INCOMPLETE)["titles"] == []
    assert StoryPage.objects.count() == 1


def test_moderation_panel_is_hidden_when_workflows_are_off(admin_client, tree, settings):
    settings.WAGTAIL_WORKFLOW_ENABLED = False

    response = admin_client.get("/admin/")

    assert panel(response, MODERATION) is None
    assert panel(response, DRAFTS) is not None


# What the panels keep between requests (production: the page cache's store is on)


@pytest.fixture
def kept(settings, committed):
    """The store of kept values on, and a way to run what waits for a commit (the purges)."""
    settings.PAGE_CACHE_ENABLED = True
    return committed


def test_the_incomplete_updates_are_read_again_after_an_update_is_saved(admin_client, tree, kept):
    untagged = tree.add_update("Untagged", [])
    assert panel(admin_client.get("/admin/"), INCOMPLETE)["titles"] == ["Untagged"]

    kept(lambda: add_incomplete_draft(tree, "Saved as a draft"))
    assert set(panel(admin_client.get("/admin/"), INCOMPLETE)["titles"]) == {
        "Untagged",
        "Saved as a draft",
    }

    def tag():
        untagged.topics = [tree.migrants]
        untagged.save_revision().publish()

    kept(tag)
    assert panel(admin_client.get("/admin/"), INCOMPLETE)["titles"] == ["Saved as a draft"]


def test_the_stale_topics_are_read_again_after_an_update_is_published(admin_client, tree, kept):
    old = tree.add_update("Old news", [tree.migrants], date=days_ago(400))
    kept(lambda: old.save_revision().publish())
    assert "Migrant and refugee rights" in panel(admin_client.get("/admin/"), STALE)["titles"]

    fresh = tree.add_update("Fresh news", [tree.migrants], date=days_ago(3), live=False)
    kept(lambda: fresh.save_revision().publish())

    assert "Migrant and refugee rights" not in panel(admin_client.get("/admin/"), STALE)["titles"]


def test_what_is_kept_is_shown_to_each_editor_as_far_as_they_may_edit(
    admin_client, editor, tree, other_site, kept
):
    tree.add_update("Home draft without topic", [], live=False)
    everything = panel(admin_client.get("/admin/"), INCOMPLETE)["titles"]  # kept for all
    assert "Archived draft" in everything

    admin_client.force_login(editor)
    assert panel(admin_client.get("/admin/"), INCOMPLETE)["titles"] == ["Home draft without topic"]
    assert "Archived topic" not in panel(admin_client.get("/admin/"), STALE)["titles"]


def test_the_dashboard_reads_the_updates_once_while_nothing_changes(admin_client, tree, kept):
    tree.add_update("Untagged", [])
    admin_client.get("/admin/")

    with CaptureQueriesContext(connection) as queries:
        assert panel(admin_client.get("/admin/"), INCOMPLETE)["titles"] == ["Untagged"]
    scans = [
        q["sql"]
        for q in queries
        if 'NOT EXISTS(SELECT 1 AS "a" FROM "updates_updatepage_topics"' in q["sql"]
    ]
    assert scans == []  # the search for incomplete updates is kept


def pages_in_summary(response):
    html = response.content.decode()
    return int(re.search(r"([\d,]+)\s*Pages?\s*<span", html).group(1).replace(",", ""))


def test_the_site_summary_counts_the_pages_once_until_a_page_is_saved_or_deleted(
    admin_client, tree, kept
):
    """Counting every page reads them all (15 ms at 100,000 updates, on every visit of the
    dashboard): the count is kept until a page is saved or deleted."""
    first = pages_in_summary(admin_client.get("/admin/"))
    with CaptureQueriesContext(connection) as queries:
        again = pages_in_summary(admin_client.get("/admin/"))
    counted = 'SELECT COUNT(*) AS "__count" FROM "wagtailcore_page"'
    counts = [q["sql"] for q in queries if counted in q["sql"] and '"depth" >= 1' in q["sql"]]

    draft = kept(lambda: tree.add_update("A new draft", [tree.migrants], live=False))
    with_draft = pages_in_summary(admin_client.get("/admin/"))
    kept(lambda: draft.delete())
    after_deleting = pages_in_summary(admin_client.get("/admin/"))

    assert first == again == Page.objects.filter(depth__gt=1).count()
    assert counts == []
    assert with_draft == first + 1
    assert after_deleting == first
