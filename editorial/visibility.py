"""What an editor restricted to one section of the tree sees of the others in the admin.

Wagtail keeps such an editor out of other sections' edit, history, revision, preview, copy and
move views, but its shared views name any page: the page chooser lists every page with its
latest draft's title, a bulk action's confirmation names each page it was given an id of,
the move confirmation names both pages before checking anything, and the page types report
names the last edited page of each type. Here each of them shows only what
``core.query.shown_in_admin`` allows (the pages the editor may edit, and other pages only
when they are live and public, by their live title): another section's drafts and private
pages are answered as if they did not exist. Superusers and moderators, who may edit every
page, see everything as before.

Images and documents in collections the editor may not use are kept out the same way: from
the admin's own API (the choosers already leave them out) and from bulk actions' confirmations.

The chooser, the move, the bulk actions and the API use Wagtail's hooks
(``editorial/wagtail_hooks.py``); the chosen pages of a multiple chooser and the page types
report have no hook, so their views are replaced at the same addresses
(``admin_urlpatterns``, included before Wagtail's admin).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.urls import path, reverse

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_actions
from wagtail.models import Page
from wagtail.permissions import policy_registry

from core.query import shown_in_admin


def is_shown(page, user):
    return shown_in_admin(Page.objects.filter(pk=page.pk), user).exists()


def chooser_pages(pages, request):
    """``construct_page_chooser_queryset``: the chooser's listing and search find only the
    pages shown to the user; browsing below a page they may not see is "not found" (Wagtail
    would print its title as the listing's heading)."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if (
        parent_id is not None
        and not shown_in_admin(Page.objects.filter(pk=parent_id), request.user).exists()
    ):
        raise Http404
    return shown_in_admin(pages, request.user)


def refuse_impossible_moves(request, page, destination):
    """``before_move_page``: Wagtail's move confirmation shows both pages' titles to anyone
    who asks and checks the user's permissions only when the move is made. Ask first."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class ShownPagesOnly:
    """A page bulk action whose confirmation names only the pages shown to the user: the
    pages they may not act on are listed (by their live title) only when live and public,
    and ids of pages they may not see are left out, all of them a "not found"."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        refused = context.get("items_with_no_access", [])
        shown = shown_in_admin(
            Page.objects.filter(pk__in=[page.pk for page in refused]), self.request.user
        ).specific()
        refused = list(shown)
        # Wagtail's move names the pages it cannot move in lists of their own.
        others = any(value for key, value in context.items() if key != "items_with_no_access")
        if not objects and not refused and not others:
            raise Http404
        return objects, {**context, "items_with_no_access": refused}


class ChoosableItemsOnly:
    """An image or document bulk action whose confirmation names, of the items the user may
    not act on, only those they may choose (or change); the others are left out, all of them
    a "not found"."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        ids = set(choosable.values_list("pk", flat=True))
        refused = [item for item in context.get("items_with_no_access", []) if item.pk in ids]
        if not objects and not refused:
            raise Http404
        return objects, {**context, "items_with_no_access": refused}


def replacing(mixin, actions):
    return [type(action.__name__, (mixin, action), {"__module__": __name__}) for action in actions]


BULK_ACTIONS = [
    *replacing(
        ShownPagesOnly,
        (PublishBulkAction, UnpublishBulkAction, DeleteBulkAction, MoveBulkAction),
    ),
    *replacing(
        ChoosableItemsOnly,
        [
            getattr(module, name)
            for module in (image_actions, document_actions)
            for name in module.__all__
        ],
    ),
]


class ShownChosenPages(ChosenMultipleView):
    """The multiple page chooser's answer (titles and addresses of the chosen ids), for the
    pages shown to the user alone."""

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = shown_in_admin(Page.objects.filter(pk__in=ids), request.user).specific()
        return self.render_chosen_response(
            [
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
                for page in pages
            ]
        )


class PageTypesUsageReport(PageTypesUsageReportView):
    """Wagtail's page types report, whose "last edited page" of each type is the last edited
    one shown to the user (within the report's language and site filters)."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        filters = self.filters.form.cleaned_data
        for item in page_types:
            page = item.last_edited_page
            if page is None or is_shown(page, user):
                continue
            candidates = Page.objects.filter(content_type_id=item.pk)
            if filters.get("page_locale"):
                candidates = candidates.filter(locale__language_code=filters["page_locale"])
            if filters.get("site"):
                candidates = candidates.filter(path__startswith=filters["site"])
            item.last_edited_page = (
                shown_in_admin(candidates, user)
                .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                .specific()
                .first()
            )
        return page_types


admin_urlpatterns = [
    path("choose-page/chosen-multiple/", require_admin_access(ShownChosenPages.as_view())),
    path("reports/page-types-usage/", require_admin_access(PageTypesUsageReport.as_view())),
    path(
        "reports/page-types-usage/results/",
        require_admin_access(PageTypesUsageReport.as_view(results_only=True)),
    ),
]


class ChoosableOnly:
    """An admin API endpoint for images or documents that lists those the user may choose
    (or change), as the choosers do; Wagtail's leaves out private collections alone."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableImagesAPIViewSet(ChoosableOnly, ImagesAdminAPIViewSet):
    pass


class ChoosableDocumentsAPIViewSet(ChoosableOnly, DocumentsAdminAPIViewSet):
    pass


def choosable_media_api(router):
    """``construct_admin_api``: the images and documents endpoints above in place of
    Wagtail's."""
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
