from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Mechanism, MechanismSession, UpdateType


class UpdateTypeViewSet(SnippetViewSet):
    model = UpdateType
    icon = "tag"
    list_display = ["name", "slug"]


class MechanismViewSet(SnippetViewSet):
    model = Mechanism
    icon = "site"
    list_display = ["acronym", "name"]


class MechanismSessionViewSet(SnippetViewSet):
    model = MechanismSession
    icon = "date"
    list_display = ["name", "mechanism", "starts_on", "ends_on"]
    list_filter = ["mechanism"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Update tagging")
    menu_icon = "tag"
    menu_order = 250
    items = (UpdateTypeViewSet, MechanismViewSet, MechanismSessionViewSet)


register_snippet(TaxonomyViewSetGroup)
