"""The editor's desk: admin dashboard panels that list what needs attention.

Five panels, each with a count, the first ten items linking to their edit view and a
friendly message when there is nothing to do:

1. updates waiting for moderation (the team-wide view; Wagtail's own panels only list the
   reviewer's tasks and the requester's pages);
2. updates without a topic or a summary;
3. images without a credit or alt text;
4. drafts of the last 30 days, of any page type;
5. live, public topics without a new update in six months.

Each page is listed once, in the panel that matters most to the viewer: Wagtail's own panels
and these are shown from the most important down (``PANEL_ORDER``), and each panel leaves out
the pages the panels above it listed (``ShownPages``). A draft that an editor submitted would
otherwise show in five panels at once. A panel says how many of its pages it leaves out.

Page panels only list pages the user can edit (change or publish them, or pages they own
where they may add pages); the images panel is shown only to users who may change images,
and lists the images they may change. Each panel runs a fixed number of queries, however
many items it lists.

This app may import both ``topics`` and ``updates``; ``topics`` never imports ``updates``.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Trim
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.permissions import policy_registry

from core.query import editable_by
from pagecache.keys import SITE, TOPICS
from pagecache.store import purge_keys, remember
from topics.models import TopicPage
from updates.models import UpdatePage

#: How many items a panel lists; the heading gives the full count.
ITEMS_SHOWN = 10
#: Drafts edited this recently are listed.
RECENT_DRAFTS = datetime.timedelta(days=30)
#: The key (``pagecache.store``) of what the dashboard keeps of the pages' own rows (drafts
#: included, which no publish purges): purged when a page is saved or deleted.
PAGES_SAVED = "dashboard:pages"
#: A topic whose newest update is older than this is listed (about six months).
STALE_TOPIC_AFTER = datetime.timedelta(days=183)

#: The dashboard's panels from the one that matters most down, by name: the order they are
#: shown in, and the order in which a page listed by several is given to the first. What the
#: viewer must act on for others comes first (their review), then their own pages waiting on
#: others, the team's moderation queue, the pages they hold locked against colleagues, what
#: is missing, and last the reminders of recent work and of topics to feed.
PANEL_ORDER = [
    "workflow_objects_to_moderate",  # Wagtail's "Awaiting your review"
    "user_objects_in_workflow_moderation",  # Wagtail's "Your pages and snippets in a workflow"
    "updates_in_moderation",
    "locked_pages",  # Wagtail's "Your locked pages"
    "incomplete_updates",
    "images_missing_credit",
    "recent_drafts",
    "recent_edits",  # Wagtail's "Your most recent edits"
    "stale_topics",
]


def panel_order(name):
    """Where the panel ``name`` goes on the dashboard (Wagtail sorts the panels by this)."""
    return 200 + 10 * PANEL_ORDER.index(name)


class ShownPages(set):
    """The ids of the pages the dashboard's panels have listed so far, for one request.

    Wagtail renders the panels one after the other in their order, so each panel leaves out
    what those above it listed, then adds what it lists itself."""

    def record(self, pages):
        """Add ``pages`` (objects of any kind; only pages count) and return them."""
        pages = list(pages)
        self.update(page.pk for page in pages if isinstance(page, Page))
        return pages

    def is_listed(self, obj):
        return isinstance(obj, Page) and obj.pk in self


def filled_in(field):
    """True where ``field`` holds more than blank space."""
    return ExpressionWrapper(~Q(Exact(Trim(field), "")), output_field=BooleanField())


def with_page_status(queryset):
    """Fetch what Wagtail's page status tag reads ("draft", "live + in moderation"…) up front.

    ``PageQuerySet.prefetch_workflow_states()`` follows the relation through the base Page
    content type, which finds nothing for a queryset of a specific model such as UpdatePage;
    this follows the specific content type, which every page's workflow states also record.
    """
    return queryset.annotate_approved_schedule().prefetch_related(
        Prefetch(
            "_specific_workflow_states",
            queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
            to_attr="_current_workflow_states",
        )
    )


class AttentionPanel(Component):
    """A dashboard panel: a heading with the number of items, the first few items, or a
    message that there is nothing to do. Subclasses say which items and how to show them."""

    name = ""
    heading = ""
    empty_message = _("Nothing needs attention here.")
    template_name = ""
    #: False for a panel of other things than pages, which no other panel lists.
    lists_pages = True

    def __init__(self, shown=None):
        self.shown = ShownPages() if shown is None else shown

    @property
    def order(self):
        return panel_order(self.name)

    def is_shown(self, user):
        """Editors without any page permission have no use for the page panels."""
        policy = policy_registry.get_by_type(Page)
        return policy.user_has_any_permission(user, ["add", "change", "publish"])

    def get_queryset(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        queryset = self.get_queryset(request.user)
        if self.lists_pages and self.shown:
            # One query counts both what the panel holds and what the panels above listed.
            counts = queryset.aggregate(
                all=Count("pk"), above=Count("pk", filter=Q(pk__in=self.shown))
            )
            above = counts["above"]
            count = counts["all"] - above
            queryset = queryset.exclude(pk__in=self.shown)
        else:
            above = 0
            count = queryset.count()
        items = list(queryset[:ITEMS_SHOWN])
        if self.lists_pages:
            self.shown.record(items)
        return {
            "panel": self,
            "items": items,
            "count": count,
            "more": count - len(items),
            "above": above,
            "request": request,
        }

    def render_html(self, parent_context=None):
        if not self.is_shown(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


class UpdatesInModerationPanel(AttentionPanel):
    """Updates submitted for moderation and not yet approved or sent back, longest-waiting
    first, with the task they wait on and who submitted them."""

    name = "updates_in_moderation"
    heading = _("Updates waiting for moderation")
    empty_message = _("No update is waiting for moderation.")
    template_name = "editorial/dashboard/updates_in_moderation.html"

    def is_shown(self, user):
        return getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True) and super().is_shown(user)

    def get_queryset(self, user):
        in_moderation = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            content_type=ContentType.objects.get_for_model(UpdatePage),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        return (
            editable_by(UpdatePage.objects.all(), user)
            .filter(Exists(in_moderation))
            .annotate(submitted_at=Subquery(in_moderation.values("created_at")[:1]))
            .defer_streamfields()
            .prefetch_related(
                Prefetch(
                    "_specific_workflow_states",
                    queryset=WorkflowState.objects.filter(
                        status=WorkflowState.STATUS_IN_PROGRESS
                    ).select_related("current_task_state__task", "requested_by"),
                    to_attr="moderation",
                )
            )
            .order_by("submitted_at", "pk")
        )


class RecentDraftsPanel(AttentionPanel):
    """Pages of any type edited in the last 30 days whose latest changes are not published:
    drafts that were never published, and live pages with unpublished changes."""

    name = "recent_drafts"
    heading = _("Drafts of the last 30 days")
    empty_message = _("No unpublished changes in the last 30 days.")
    template_name = "editorial/dashboard/recent_drafts.html"

    def get_queryset(self, user):
        since = timezone.now() - RECENT_DRAFTS
        pages = editable_by(Page.objects.all(), user).filter(
            Q(live=False) | Q(has_unpublished_changes=True),
            latest_revision_created_at__gte=since,
        )
        return with_page_status(
            pages.order_by("-latest_revision_created_at", "-pk").specific(defer=True)
        ).prefetch_related("latest_revision__user")


class IncompleteUpdatesPanel(AttentionPanel):
    """Updates without a topic or without a summary.

    Drafts can be saved with required fields left empty, so these exist as drafts; legacy
    imports may also have left live updates without them. What is checked is the page's own
    row: for an update that has never been published it holds the latest draft (the admin
    saves unpublished pages' fields on every edit), for a live update it holds the published
    version visitors see. Unpublished changes to a live update are not checked here:
    publishing them requires a topic and a summary.
    """

    name = "incomplete_updates"
    heading = _("Updates without a topic or summary")
    empty_message = _("Every update has a topic and a summary.")
    template_name = "editorial/dashboard/incomplete_updates.html"

    def get_queryset(self, user):
        tagged = UpdatePage.topics.through.objects.filter(updatepage=OuterRef("pk"))
        updates = (
            editable_by(UpdatePage.objects.filter(pk__in=incomplete_updates()), user)
            .annotate(has_topic=Exists(tagged), has_summary=filled_in("summary"))
            .defer_streamfields()
            # Live updates first: visitors see those.
            .order_by(F("live").desc(), "-date", "-pk")
        )
        return with_page_status(updates)


class ImagesMissingCreditPanel(AttentionPanel):
    """Images with a blank credit or blank alt text, newest first. The image form requires
    alt text, but images imported from the old site may lack either."""

    name = "images_missing_credit"
    heading = _("Images without credit or alt text")
    empty_message = _("Every image has a credit and alt text.")
    template_name = "editorial/dashboard/images_missing_credit.html"
    lists_pages = False

    @property
    def policy(self):
        return policy_registry.get_by_type(get_image_model())

    def is_shown(self, user):
        # True too for users who may only add images: they may change their own.
        return self.policy.user_has_permission(user, "change")

    def get_queryset(self, user):
        return (
            self.policy.instances_user_has_permission_for(user, "change")
            .annotate(has_credit=filled_in("credit"), has_alt_text=filled_in("alt_text"))
            .filter(Q(has_credit=False) | Q(has_alt_text=False))
            .select_related("uploaded_by_user")
            .order_by("-created_at", "-pk")
        )


class StaleTopicsPanel(AttentionPanel):
    """Live, public topics whose newest live, public update (by its publication date) is
    more than six months old, or that have none: those without any update first, then the
    longest without one.

    Draft and private topics are left out: visitors do not see them, so they cannot look
    neglected.
    """

    name = "stale_topics"
    heading = _("Topics with no new update in six months")
    empty_message = _("Every topic has had an update in the last six months.")
    template_name = "editorial/dashboard/stale_topics.html"

    def get_queryset(self, user):
        stale = stale_topics()
        return (
            editable_by(TopicPage.objects.filter(pk__in=[pk for pk, _ in stale]), user)
            .annotate(
                position=in_order_of(stale),
                newest_update=Case(
                    *(When(pk=pk, then=Value(date)) for pk, date in stale if date),
                    default=None,
                    output_field=DateField(),
                ),
            )
            .defer_streamfields()
            .order_by("position")
        )


def incomplete_updates():
    """The ids of the updates without a topic or a summary. Read again only after a page is
    saved or deleted (``forget_saved_pages``): finding them reads every update."""

    def find():
        tagged = UpdatePage.topics.through.objects.filter(updatepage=OuterRef("pk"))
        return list(
            UpdatePage.objects.annotate(has_topic=Exists(tagged), has_summary=filled_in("summary"))
            .filter(Q(has_topic=False) | Q(has_summary=False))
            .values_list("pk", flat=True)
        )

    return remember("dashboard:incomplete-updates", [PAGES_SAVED], find)


def forget_saved_pages(sender, **kwargs):
    """A page was saved (created, a draft, published, an update's topics) or deleted: what the
    dashboard keeps of the pages' rows is read again, once the change is committed."""
    transaction.on_commit(lambda: purge_keys([PAGES_SAVED]), robust=True)


def stale_topics():
    """``[(topic id, date of its newest update or None)]`` of the live, public topics whose
    newest live, public update is older than ``STALE_TOPIC_AFTER``, in the panel's order. Read
    once a day and after an update or a topic is published, unpublished, moved or deleted:
    finding each topic's newest update among many reads them all."""
    today = timezone.localdate()

    def find():
        newest_update = (
            UpdatePage.objects.live()
            .public()
            .filter(topics=OuterRef("pk"))
            .order_by("-date")
            .values("date")[:1]
        )
        return list(
            TopicPage.objects.live()
            .public()
            .annotate(newest_update=Subquery(newest_update))
            .filter(Q(newest_update__isnull=True) | Q(newest_update__lt=today - STALE_TOPIC_AFTER))
            .order_by(F("newest_update").asc(nulls_first=True), "title", "pk")
            .values_list("pk", "newest_update")
        )

    return remember(f"dashboard:stale-topics:{today}", [UpdatePage.listed_as, TOPICS, SITE], find)


def in_order_of(rows):
    """An expression that orders pages as ``rows`` (``(id, …)``) lists them."""
    return Case(
        *(When(pk=row[0], then=Value(position)) for position, row in enumerate(rows)),
        default=Value(len(rows)),
        output_field=IntegerField(),
    )


def attention_panels(shown=None):
    """A fresh set of the panels, for one request, sharing ``shown`` (``ShownPages``)."""
    shown = ShownPages() if shown is None else shown
    return [
        UpdatesInModerationPanel(shown),
        IncompleteUpdatesPanel(shown),
        ImagesMissingCreditPanel(shown),
        RecentDraftsPanel(shown),
        StaleTopicsPanel(shown),
    ]


# Wagtail's own panels, in the order of importance, leaving out what the panels above listed.


class OncePanel:
    """Mixin for Wagtail's own dashboard panels: placed by ``PANEL_ORDER`` and sharing the
    request's ``ShownPages``."""

    def __init__(self, shown):
        self.shown = shown

    @property
    def order(self):
        return panel_order(self.name)


class AwaitingReviewPanel(OncePanel, WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = [
            state for state in context["states"] if not self.shown.is_listed(state["obj"])
        ]
        self.shown.record(state["obj"] for state in context["states"])
        return context


class YourPagesInWorkflowPanel(OncePanel, UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = [
            state
            for state in context["workflow_states"]
            if not self.shown.is_listed(state.content_object)
        ]
        self.shown.record(state.content_object for state in states)
        context["workflow_states"] = states
        return context


class YourLockedPagesPanel(OncePanel, LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["locked_pages"] = self.shown.record(
            context["locked_pages"].exclude(pk__in=self.shown)
        )
        return context


class YourRecentEditsPanel(OncePanel, RecentEditsPanel):
    """Wagtail's panel, with the pages listed above left out before its five are chosen, so
    that it still lists five when it can (Wagtail's query, with the exclusion added)."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        edit_count = getattr(settings, "WAGTAILADMIN_RECENT_EDITS_LIMIT", 5)
        last_edits_dates = (
            PageLogEntry.objects.filter(user=request.user, action="wagtail.edit")
            .exclude(page_id__in=self.shown)
            .values("page_id")
            .annotate(latest_date=Max("timestamp"))
            .order_by("-latest_date")[:edit_count]
        )
        pages = (
            Page.objects.specific()
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .in_bulk([log["page_id"] for log in last_edits_dates])
        )
        last_edits = [
            (log["latest_date"], pages[log["page_id"]])
            for log in last_edits_dates
            if log["page_id"] in pages
        ]
        self.shown.record(page for _, page in last_edits)
        return {"last_edits": last_edits, "request": request}


WAGTAIL_PANELS = {
    WorkflowObjectsToModeratePanel: AwaitingReviewPanel,
    UserObjectsInWorkflowModerationPanel: YourPagesInWorkflowPanel,
    LockedPagesPanel: YourLockedPagesPanel,
    RecentEditsPanel: YourRecentEditsPanel,
}


def dashboard_panels(panels):
    """Wagtail's ``panels`` with its own page panels replaced by ones that list each page
    once, and the site's own panels added."""
    shown = ShownPages()
    panels[:] = [
        WAGTAIL_PANELS[type(panel)](shown) if type(panel) in WAGTAIL_PANELS else panel
        for panel in panels
    ]
    panels.extend(attention_panels(shown))
