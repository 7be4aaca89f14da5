from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.utils.timestamps import parse_datetime_localized, render_timestamp

from . import admin_views
from .admin_views import can_share

admin_urlpatterns = [
    path("page/<int:page_id>/", admin_views.PageShareLinksView.as_view(), name="page"),
    path("<int:link_id>/revoke/", admin_views.revoke, name="revoke"),
    path("", admin_views.ActiveShareLinksReportView.as_view(), name="report"),
    path(
        "results/",
        admin_views.ActiveShareLinksReportView.as_view(results_only=True),
        name="report_results",
    ),
]


@hooks.register("register_admin_urls")
def register_share_link_urls():
    return [path("share-links/", include((admin_urlpatterns, "sharing_admin")))]


class ShareLinksReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_share_links_report_menu_item():
    return ShareLinksReportMenuItem(
        _("Share links"),
        reverse("sharing_admin:report"),
        name="share-links",
        icon_name="link",
        order=750,
    )


class ShareDraftButton(PageMenuItem):
    label = _("Share draft")
    icon_name = "link"
    url_name = "sharing_admin:page"

    def is_shown(self, user):
        return can_share(self.page, user)


@hooks.register("register_page_header_buttons")
def share_draft_header_button(page, user, view_name, next_url=None):
    yield ShareDraftButton(page=page, priority=62)


@hooks.register("register_page_listing_more_buttons")
def share_draft_listing_button(page, user, next_url=None):
    yield ShareDraftButton(page=page, priority=45)


class ShareLinkLogFormatter(LogFormatter):
    def expiry(self, log_entry):
        try:
            return render_timestamp(
                parse_datetime_localized(log_entry.data["share_link"]["expires_at"])
            )
        except (KeyError, TypeError, ValueError):
            return None


@hooks.register("register_log_actions")
def register_share_link_log_actions(actions):
    @actions.register_action("sharing.link_created")
    class CreatedFormatter(ShareLinkLogFormatter):
        label = _("Share link: create")

        def format_message(self, log_entry):
            if expiry := self.expiry(log_entry):
                return _("Created a share link to the latest draft, working until %(date)s") % {
                    "date": expiry
                }
            return _("Created a share link to the latest draft")

    actions.register_action(
        "sharing.link_revoked", _("Share link: revoke"), _("Revoked a share link")
    )

    @actions.register_action("sharing.link_opened")
    class OpenedFormatter(ShareLinkLogFormatter):
        label = _("Share link: open")

        def format_message(self, log_entry):
            try:
                creator = log_entry.data["share_link"]["created_by"]
            except (KeyError, TypeError):
                creator = None
            if creator:
                return _("Draft opened through a share link made by %(user)s") % {"user": creator}
            return _("Draft opened through a share link")
