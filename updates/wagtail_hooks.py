"""The Update tagging menu: update types, mechanisms and their sessions.

Every column header sorts a listing, and the search box matches any part of the fields named
in ``search_fields``, searched in the database (``search_backend_name = None``) rather than
through the Wagtail search index. The index search fails three ways on these short lists:
sorting search results by a column needs an ``index.FilterField`` for each column, a query
containing a double quote is an SQLite full-text syntax error, and it only matches the
models' AutocompleteFields (a mechanism's full name is not one). The database search behaves
the same on SQLite and PostgreSQL.
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import Mechanism, MechanismSession, UpdateType


class UpdateTypeViewSet(SnippetViewSet):
    model = UpdateType
    icon = "tag"
    list_display = ["name", "slug"]
    ordering = "name"
    search_fields = ["name", "slug"]
    search_backend_name = None


class MechanismViewSet(SnippetViewSet):
    model = Mechanism
    icon = "site"
    list_display = ["acronym", "name"]
    ordering = "acronym"
    search_fields = ["acronym", "name"]
    search_backend_name = None


class MechanismSessionViewSet(SnippetViewSet):
    model = MechanismSession
    icon = "date"
    list_display = ["name", "mechanism", "starts_on", "ends_on"]
    list_filter = ["mechanism"]
    # Newest first, sessions without dates last on both databases (a plain descending order
    # puts them first on PostgreSQL and last on SQLite).
    ordering = [F("starts_on").desc(nulls_last=True), "name"]
    search_fields = ["name", "mechanism__acronym", "mechanism__name"]
    search_backend_name = None


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Update tagging")
    menu_icon = "tag"
    menu_order = 250
    items = (UpdateTypeViewSet, MechanismViewSet, MechanismSessionViewSet)


register_snippet(TaxonomyViewSetGroup)
