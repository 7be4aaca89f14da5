from wagtail import hooks
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
