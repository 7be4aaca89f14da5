from django import forms
from django.utils.translation import gettext_lazy as _

from topics.models import TopicPage


class UpdateFilterForm(forms.Form):
    """The updates listing's filters, checked against the values that exist."""

    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=TopicPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
        error_messages={
            "invalid_choice": _("There is no topic called “%(value)s”. Choose one from the list.")
        },
    )

    def __init__(self, *args, site_root, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = (
            TopicPage.objects.descendant_of(site_root).live().public().order_by("title")
        )
