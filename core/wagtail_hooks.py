from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .i18n import activate_language_of
from .models import CountryOrRegion


@hooks.register("before_serve_page")
def serve_in_the_pages_language(page, request, serve_args, serve_kwargs):
    activate_language_of(page, request)


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
