"""The defenders' stories listing's filter: a topic, named in the address by its slug."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from topics.models import TopicPage


class TopicField(forms.ModelChoiceField):
    """A topic by its slug. A value that cannot be a slug (too long, or with a NUL byte, which
    PostgreSQL refuses with an error) is turned down before it reaches the database."""

    def to_python(self, value):
        if isinstance(value, str) and ("\x00" in value or len(value) > 255):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(value.replace("\x00", "")).chars(40)},
            )
        return super().to_python(value)


class StoryFilterForm(forms.Form):
    topic = TopicField(
        TopicPage.objects.none(),
        label=_("Topic"),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
        error_messages={
            "invalid_choice": _("There is no topic called “%(value)s”. Choose one from the list.")
        },
    )

    def __init__(self, data, *, site_root):
        super().__init__(data)
        self.fields["topic"].queryset = (
            TopicPage.objects.descendant_of(site_root).live().public().order_by("title")
        )
