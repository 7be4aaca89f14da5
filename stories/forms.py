"""The defenders' stories listing's filter: a topic, named in the address by its slug
(``core.filters`` explains how every listing's filters work)."""

from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm, KnownValueField
from core.page_forms import PageLanguageForm
from topics.models import TopicPage


class StoryFilterForm(FilterForm):
    topic = KnownValueField(
        label=_("Topic"),
        empty_label=_("All topics"),
        error_messages={
            "invalid_choice": _("There is no topic called “%(value)s”. Choose one from the list.")
        },
    )

    def choices_for(self, site_root, items):
        return {"topic": TopicPage.objects.filter_choices(site_root, items.model)}


class StoryPageForm(PageLanguageForm):
    """A story's admin form: its country or region in its language."""

    in_page_language = ("country",)
    language_named = ("topics",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "country" in self.fields:
            # The first of the radio buttons (``ChoiceListWidget``): no place named.
            self.fields["country"].empty_label = _("None")
