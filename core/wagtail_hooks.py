from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CountryOrRegion


class CountryOrRegionViewSet(SnippetViewSet):
    model = CountryOrRegion
    icon = "globe"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "kind"]
    list_filter = ["kind"]


register_snippet(CountryOrRegionViewSet)
