"""The filters of the updates listing: readable values in the address, checked against the values
that the listing offers, so that no value a visitor gives ever reaches a query."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.models import CountryOrRegion
from topics.models import TopicPage


@dataclass
class Choice:
    """One value of a filter: ``key`` in the address, ``label`` in the list, ``title`` where
    the applied filter is named, ``lookup`` what it narrows the updates by; ``obj`` the object
    chosen, where there is one to hand."""

    key: str
    label: str
    title: str
    lookup: dict
    obj: object = None


class KnownValueField(forms.ChoiceField):
    """A choice among the values ``offer()`` gives, by their key in the address (``iexact``:
    whatever its case). Anything else, however long or odd (a NUL byte, which PostgreSQL would
    refuse with an error), is an invalid choice; ``clean()`` returns the ``Choice`` or None."""

    def __init__(self, *, empty_label, iexact=False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.iexact = iexact
        self.known = {}

    def offer(self, choices):
        self.known = {choice.key: choice for choice in choices}
        self.choices = [("", self.empty_label), *((c.key, c.label) for c in choices)]

    def clean(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        choice = self.known.get(value)
        if choice is None and self.iexact:
            choice = next(
                (c for key, c in self.known.items() if key.lower() == value.lower()), None
            )
        if choice is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                # Repeated in the message: without NUL bytes, and short.
                params={"value": Truncator(value.replace("\x00", "")).chars(40)},
            )
        return choice


class UpdateFilterForm(forms.Form):
    """The updates listing's filters: topic, type, country or region, mechanism and year.

    A topic is any live, public topic of the site; the other lists offer only what the live,
    public ``updates`` of the listing (unfiltered) use, so that no choice is a dead end on its
    own. Three queries list everything, whatever is chosen: the topics, the countries and
    regions, and the types, mechanisms and years together.
    """

    topic = KnownValueField(
        label=_("Topic"),
        empty_label=_("All topics"),
        error_messages={
            "invalid_choice": _("There is no topic called “%(value)s”. Choose one from the list.")
        },
    )
    type = KnownValueField(
        label=_("Type"),
        empty_label=_("All types"),
        error_messages={
            "invalid_choice": _("No update has the type “%(value)s”. Choose a type from the list.")
        },
    )
    country = KnownValueField(
        label=_("Country or region"),
        empty_label=_("All countries and regions"),
        error_messages={
            "invalid_choice": _(
                "No update concerns a country or region called “%(value)s”. Choose one from "
                "the list."
            )
        },
    )
    mechanism = KnownValueField(
        label=_("Mechanism"),
        empty_label=_("All mechanisms"),
        iexact=True,
        error_messages={
            "invalid_choice": _(
                "No update concerns a mechanism called “%(value)s”. Choose one from the list."
            )
        },
    )
    year = KnownValueField(
        label=_("Year"),
        empty_label=_("All years"),
        error_messages={
            "invalid_choice": _(
                "There are no updates from “%(value)s”. Choose a year from the list."
            )
        },
    )

    def __init__(self, data, *, site_root, updates):
        super().__init__(data)
        topics = TopicPage.objects.descendant_of(site_root).live().public().order_by("title")
        self.fields["topic"].offer(
            [Choice(t.slug, t.title, t.title, {"topics": t.pk}, obj=t) for t in topics]
        )
        countries = CountryOrRegion.objects.filter(pk__in=updates.values("countries"))
        self.fields["country"].offer(
            [Choice(c.slug, c.name, c.name, {"countries": c.pk}) for c in countries]
        )
        types, mechanisms, years = {}, {}, {}
        in_use = updates.order_by().values_list(
            "update_type", "update_type__slug", "update_type__name",
            "mechanism", "mechanism__acronym", "mechanism__name",
            "date__year",
        )  # fmt: skip
        for type_pk, slug, name, mechanism_pk, acronym, mechanism, year in in_use.distinct():
            if type_pk:
                types[slug] = Choice(slug, name, name, {"update_type": type_pk})
            if mechanism_pk:
                label = f"{acronym} – {mechanism}"
                mechanisms[acronym] = Choice(
                    acronym, label, mechanism, {"mechanism": mechanism_pk}
                )
            years[year] = Choice(str(year), str(year), str(year), {"date__year": year})
        self.fields["type"].offer(sorted(types.values(), key=lambda choice: choice.label))
        self.fields["mechanism"].offer([mechanisms[key] for key in sorted(mechanisms)])
        self.fields["year"].offer([years[key] for key in sorted(years, reverse=True)])

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self._errors:
            # The lists show the values as they name them (?mechanism=hrc selects HRC).
            self.data = self.params()

    def chosen(self):
        """``{name: Choice}`` of the applied filters, in the form's order."""
        return {name: choice for name, choice in self.cleaned_data.items() if choice}

    def apply(self, updates):
        """``updates`` narrowed to the applied filters of a valid form. Each filter matches one
        value, so that even the many-to-many ones repeat no update."""
        for choice in self.chosen().values():
            updates = updates.filter(**choice.lookup)
        return updates

    def params(self):
        """The applied filters as query parameters: what the listing's links (pages, removing
        a filter) carry over, never the raw query string."""
        return {name: choice.key for name, choice in self.chosen().items()}
