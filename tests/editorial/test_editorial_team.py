"""The team's groups and the review workflow: editors submit, moderators approve and publish."""

import io

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowState,
    WorkflowTask,
)
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from editorial.setup import (
    EDITORS,
    MODERATORS,
    TASK_NAME,
    WORKFLOW_NAME,
    set_up_after_migrate,
    set_up_editorial_team,
)
from updates.models import UpdatePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moritz", "moritz@example.org", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def update_form(tree, title, **changes):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": "2026-11-20",
            "update_type": tree.statement.pk,
            "summary": f"Summary of {title}.",
            "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
            "comments": inline_formset([]),
        }
        | changes
    ) | {"topics": [tree.migrants.pk]}


def test_editors_edit_everything_but_cannot_publish(tree, editor):
    perms = tree.migrants.permissions_for_user(editor)

    assert perms.can_edit()
    assert tree.update_index.permissions_for_user(editor).can_add_subpage()
    assert not perms.can_publish() and not perms.can_unpublish()
    for permission in (
        "wagtailadmin.access_admin",
        "updates.add_updatetype",
        "updates.change_mechanismsession",
        "core.change_countryorregion",
        "wagtailredirects.add_redirect",
    ):
        assert editor.has_perm(permission), permission
    assert not editor.has_perm("wagtailcore.change_site")
    assert not editor.has_perm("auth.change_user")


def test_moderators_also_publish_unpublish_and_approve(tree, moderator):
    perms = tree.migrants.permissions_for_user(moderator)

    assert perms.can_publish() and perms.can_unpublish() and perms.can_lock()
    workflow = tree.migrants.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_setting_up_again_changes_nothing_and_repairs_what_was_changed(tree):
    editors = Group.objects.get(name=EDITORS)
    before = (
        editors.permissions.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.filter(active=True).count(),
    )
    GroupPagePermission.objects.create(group=editors, page=tree.home, permission_type="publish")

    set_up_editorial_team()
    set_up_editorial_team()

    after = (
        editors.permissions.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.filter(active=True).count(),
    )
    assert after == before
    assert not tree.migrants.permissions_for_user(
        editors.user_set.create(username="someone")
    ).can_publish()


def test_the_set_up_command_reports_what_it_did(tree):
    out = io.StringIO()
    call_command("set_up_editorial_team", stdout=out)
    assert WORKFLOW_NAME in out.getvalue()


def test_an_editors_update_goes_live_only_after_a_moderator_approves(
    tree, editor, moderator, client
):
    client.force_login(editor)
    add_url = f"/admin/pages/add/updates/updatepage/{tree.update_index.pk}/"
    edit_form = client.get(add_url).content.decode()
    assert 'name="action-publish"' not in edit_form
    assert 'name="action-submit"' in edit_form

    # An editor who tries to publish anyway only saves a draft.
    client.post(add_url, update_form(tree, "Statement on HRC61") | {"action-publish": "1"})
    update = UpdatePage.objects.get(slug="statement-on-hrc61")
    assert not update.live

    client.post(
        f"/admin/pages/{update.pk}/edit/",
        update_form(tree, "Statement on HRC61") | {"action-submit": "1"},
    )
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(update.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Statement on HRC61" not in client.get(tree.migrants.url).content.decode()

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{update.pk}/approve/{task_state.pk}/",
        {"comment": "Good to go."},
    )
    assert response.status_code in (200, 302)

    update.refresh_from_db()
    assert update.live
    assert "Statement on HRC61" in client.get(tree.migrants.url).content.decode()


def test_an_editor_cannot_approve(tree, editor, moderator, client):
    update = tree.add_update("Awaiting review", [tree.migrants], live=False)
    workflow = update.get_workflow()
    state = workflow.start(update, editor)

    client.force_login(editor)
    client.post(
        f"/admin/pages/workflow/action/{update.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )

    update.refresh_from_db()
    assert not update.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_demo_accounts_cover_each_role(settings, django_user_model):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    call_command("create_demo_admin", stdout=io.StringIO())  # running it again resets, no error

    assert django_user_model.objects.get(username="admin").is_superuser
    editor = django_user_model.objects.get(username="editor")
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert editor.check_password("ishr-demo-editor")
    moderator = django_user_model.objects.get(username="moderator")
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS]
    assert "'moderator' with password 'ishr-demo-moderator'" in out.getvalue()


def test_editors_and_moderators_upload_and_choose_images(tree, editor, moderator):
    policy = policy_registry.get_by_type(get_image_model())
    for user in (editor, moderator):
        for action in ("add", "change", "choose"):
            assert policy.user_has_permission(user, action), (user, action)


def test_migrate_leaves_an_administrators_changes_alone_and_the_command_repairs(tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    legal = GroupApprovalTask.objects.create(name="Legal review")
    WorkflowTask.objects.create(workflow=workflow, task=legal, sort_order=1)
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.remove(Permission.objects.get(codename="delete_mechanism"))

    set_up_after_migrate(apps.get_app_config("editorial"), using="default")

    assert list(workflow.tasks.values_list("name", flat=True)) == [
        TASK_NAME,
        "Legal review",
    ]
    assert not editors.permissions.filter(codename="delete_mechanism").exists()

    call_command("set_up_editorial_team", stdout=io.StringIO())

    assert list(workflow.tasks.values_list("name", flat=True)) == [TASK_NAME]
    assert editors.permissions.filter(codename="delete_mechanism").exists()


def test_the_team_and_workflow_are_named_in_the_three_languages_of_the_admin(tree):
    assert "Rédaction" in EDITORS and "Redacción" in EDITORS
    assert "Modération" in MODERATORS and "Moderación" in MODERATORS
    assert "Relecture et publication" in WORKFLOW_NAME and "Revisión" in WORKFLOW_NAME
    assert "Validation par la modération" in TASK_NAME
    assert Group.objects.filter(name__in=[EDITORS, MODERATORS]).count() == 2


def test_migrate_renames_the_english_only_names_of_earlier_versions(tree):
    Group.objects.filter(name=EDITORS).update(name="Editors")
    Group.objects.filter(name=MODERATORS).update(name="Moderators")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name="Review and publish")
    GroupApprovalTask.objects.filter(name=TASK_NAME).update(name="Moderators approval")
    groups_before = set(Group.objects.values_list("pk", flat=True))

    set_up_after_migrate(apps.get_app_config("editorial"), using="default")

    assert set(Group.objects.values_list("pk", flat=True)) == groups_before, "no new groups"
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, MODERATORS}
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert list(workflow.tasks.values_list("name", flat=True)) == [TASK_NAME]
