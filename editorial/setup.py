"""The editorial team's groups and the "Review and publish" workflow, set up on every migrate.

Editors create and edit pages, snippets, images and documents, and submit pages for
moderation; they cannot publish. Moderators can do all of that, and publish, unpublish, lock
and approve. Every page goes through the workflow, so an editor's page goes live only after a
moderator has approved it.

``migrate`` sets this up once, on a new database: once the workflow exists, administrators may
change the groups and the workflow in the admin, and later migrations leave their changes
alone. The ``set_up_editorial_team`` command puts everything back as described here.
"""

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

# Names stored in the database, which the admin shows as they are: each says what it is in the
# three languages editors may use the admin in.
EDITORS = "Editors / Rédaction / Redacción"
MODERATORS = "Moderators / Modération / Moderación"
WORKFLOW_NAME = "Review and publish / Relecture et publication / Revisión y publicación"
TASK_NAME = "Moderators approval / Validation par la modération / Aprobación de moderación"
# Wagtail's own default workflow and its task, created by its migrations: the task becomes
# the moderators' approval, the workflow is retired.
WAGTAIL_DEFAULT = "Moderators approval"
# The English-only names of earlier versions (and Wagtail's task), renamed on the next migrate.
FORMER_NAMES = {
    Group: {"Editors": EDITORS, "Moderators": MODERATORS},
    Workflow: {"Review and publish": WORKFLOW_NAME},
    GroupApprovalTask: {WAGTAIL_DEFAULT: TASK_NAME},
}

# Page permissions on the root of the page tree, which covers every site.
EDITOR_PAGE_PERMISSIONS = ["add", "change"]
MODERATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

# Permissions on the root collection, so on every image and document. Wagtail checks image
# permissions on its own Image model, whichever image model the site uses.
COLLECTION_PERMISSIONS = {
    "wagtailimages.image": ["add", "change", "choose"],
    "wagtaildocs.document": ["add", "change", "choose"],
}

# Model permissions: the tagging snippets and the redirects (editors import legacy addresses).
MODEL_PERMISSIONS = {
    "updates.updatetype": ["add", "change", "delete"],
    "updates.mechanism": ["add", "change", "delete"],
    "updates.mechanismsession": ["add", "change", "delete"],
    "core.countryorregion": ["add", "change", "delete"],
    "wagtailredirects.redirect": ["add", "change", "delete"],
}


def model_permission(label, action):
    app_label, model_name = label.split(".")
    return Permission.objects.get(
        content_type__app_label=app_label, codename=f"{action}_{model_name}"
    )


def page_permission(permission_type):
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
    )


@transaction.atomic
def set_up_editorial_team():
    """Create or repair the Editors and Moderators groups and the review workflow. Running it
    again changes nothing; it puts back what was changed by hand."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:  # Wagtail's own data is not there yet
        return None

    rename_former_names()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name, page_permissions in (
        (EDITORS, EDITOR_PAGE_PERMISSIONS),
        (MODERATORS, MODERATOR_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(
            access_admin,
            *(
                model_permission(label, action)
                for label, actions in MODEL_PERMISSIONS.items()
                for action in actions
            ),
        )
        wanted = {page_permission(kind) for kind in page_permissions}
        GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for label, actions in COLLECTION_PERMISSIONS.items():
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=model_permission(label, action),
                )
    # Editors never publish, wherever a permission may have been granted by hand.
    GroupPagePermission.objects.filter(
        group=groups[EDITORS], permission__codename__in=["publish_page", "unlock_page"]
    ).delete()

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([groups[MODERATORS]])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's own default workflow, replaced by this one, is retired once nothing uses it.
    for retired in Workflow.objects.exclude(pk=workflow.pk).filter(
        workflow_pages=None, name=WAGTAIL_DEFAULT, active=True
    ):
        retired.deactivate()
    return workflow


def rename_former_names(using="default"):
    """Give the groups, the workflow and its task the names above where they still have an
    earlier one (and nothing has the new one yet)."""
    for model, names in FORMER_NAMES.items():
        objects = model.objects.using(using)
        for former, current in names.items():
            if not objects.filter(name=current).exists():
                objects.filter(name=former).update(name=current)


def set_up_after_migrate(sender, using, verbosity=1, **kwargs):
    """post_migrate receiver: sets the team up on a database that does not have the workflow
    yet, and leaves an existing set-up (perhaps changed by an administrator) alone.

    The permissions of every app must exist before they are given, and post_migrate creates
    them app by app, so they are created here first. Names from earlier versions are brought up
    to date first."""
    rename_former_names(using)
    if Workflow.objects.using(using).filter(name=WORKFLOW_NAME).exists():
        return
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    set_up_editorial_team()
