from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .i18n import activate_language_of
from .models import CountryOrRegion
from .rich_text import LivePageLinkHandler


@hooks.register("before_serve_page")
def serve_in_the_pages_language(page, request, serve_args, serve_kwargs):
    activate_language_of(page, request)


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own, which it replaces
def link_only_to_live_public_pages(features):
    features.register_link_type(LivePageLinkHandler)


class PageContentChecker(ContentCheckerItem):
    """Wagtail's content checker ("Checks", run by axe in the editor's preview panel and from
    the userbar on live pages), on the page's own content only: its ``<main>``. The site's
    header, breadcrumb, notices and footer are the same on every page and no editor can change
    them (the browser tests check them with every WCAG rule), so a finding there would only
    teach editors to ignore the checks. It keeps every rule Wagtail runs, plus the ones that
    catch what an editor can fix in the images they choose."""

    axe_include = ["main"]
    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "image-redundant-alt"]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image has no alt text"),
            "help_text": _("Describe the image in its alt text, in the image library"),
        },
        "image-redundant-alt": {
            "error_name": _("Image alt text repeats the text beside it"),
            "help_text": _("Describe what the image shows, not its caption or the nearby text"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def check_only_the_pages_own_content(request, items, page):
    """Wagtail's checker, in the userbar and the editor's Checks panel alike (both build their
    items with this hook), replaced by ``PageContentChecker``."""
    items[:] = [
        PageContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


class CountryOrRegionViewSet(SnippetViewSet):
    """Countries and regions, A to Z. Every column header sorts the list; the search box
    matches any part of a name or slug (see ``updates/wagtail_hooks.py`` for why it searches
    the database rather than the Wagtail search index)."""

    model = CountryOrRegion
    icon = "globe"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "slug", "kind"]
    list_filter = ["kind"]
    ordering = "name"
    search_fields = ["name", "slug"]
    search_backend_name = None


register_snippet(CountryOrRegionViewSet)
