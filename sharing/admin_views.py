"""Admin views: a page's share links, where editors create and revoke them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page
from wagtail.permissions import policy_registry

from core.query import editable_by

from .forms import ShareLinkForm
from .models import ShareLink


def can_share(page, user):
    """Who may create, see and revoke a page's share links: those who may edit the page."""
    return not page.is_root() and page.permissions_for_user(user).can_edit()


class PageShareLinksView(WagtailAdminTemplateMixin, View):
    """List a page's active share links (GET) and create a new one (POST)."""

    template_name = "sharing/admin/page_share_links.html"
    page_title = gettext_lazy("Share draft")
    header_icon = "link"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific

    def dispatch(self, request, *args, **kwargs):
        if not can_share(self.page, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ShareLinkForm()))

    def post(self, request, *args, **kwargs):
        form = ShareLinkForm(request.POST)
        if not self.has_draft:
            messages.error(
                request, _("This page has no unpublished draft, so there is nothing to share.")
            )
            return redirect(self.get_url())
        if not form.is_valid():
            messages.error(request, _("The share link could not be created. See the error below."))
            return self.render_to_response(self.get_context_data(form=form))
        link = ShareLink.create_for(self.page, request.user, form.cleaned_data["expires_in_days"])
        messages.success(
            request,
            _("Share link created. It works until %(date)s; copy its address below.")
            % {"date": date_format(localtime(link.expires_at), "DATETIME_FORMAT")},
        )
        return redirect(self.get_url())

    @property
    def has_draft(self):
        """Something to share: a saved draft, not yet published, of a previewable page."""
        return ShareLink.has_draft(self.page)

    def get_url(self):
        return reverse("sharing_admin:page", args=[self.page.pk])

    def get_page_subtitle(self):
        return get_latest_str(self.page)

    def get_breadcrumbs_items(self):
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": "", "label": _("Share draft"), "sublabel": self.get_page_subtitle()},
        ]

    def get_header_buttons(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return [HeaderButton(label=_("Edit"), url=edit_url, icon_name="edit")]

    def get_context_data(self, **kwargs):
        links = self.page.share_links.active().select_related("created_by", "page")
        return super().get_context_data(
            page=self.page, links=links, has_draft=self.has_draft, **kwargs
        )


@require_POST
def revoke(request, link_id):
    """Withdraw a link at once; back to the page's share links."""
    link = get_object_or_404(ShareLink.objects.select_related("page"), pk=link_id)
    if not can_share(link.page, request.user):
        raise PermissionDenied
    if link.revoke(request.user):
        messages.success(request, _("Share link revoked: it no longer opens the draft."))
    else:
        messages.warning(request, _("This share link had already been revoked."))
    return redirect("sharing_admin:page", link.page_id)


class ActiveShareLinksReportView(ReportView):
    """Reports > Share links: every active link on the pages the user may edit, newest first.

    Addresses are not shown here, only on each page's own Share draft view."""

    page_title = gettext_lazy("Share links")
    header_icon = "link"
    index_url_name = "sharing_admin:report"
    index_results_url_name = "sharing_admin:report_results"
    permission_required = "change"

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "page",
                label=gettext_lazy("Page"),
                get_url=lambda link: reverse("sharing_admin:page", args=[link.page_id]),
            ),
            UserColumn(
                "created_by",
                label=gettext_lazy("Created by"),
                blank_display_name=gettext_lazy("A deleted user"),
            ),
            DateColumn("created_at", label=gettext_lazy("Created")),
            DateColumn("expires_at", label=gettext_lazy("Expires")),
            Column("open_count", label=gettext_lazy("Openings")),
            DateColumn("last_opened_at", label=gettext_lazy("Last opened")),
        ]

    def get_queryset(self):
        editable = editable_by(Page.objects.all(), self.request.user)
        return (
            ShareLink.objects.active()
            .filter(page__in=editable.values("pk"))
            .select_related("page", "created_by", "created_by__wagtail_userprofile")
        )
