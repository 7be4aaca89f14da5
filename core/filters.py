"""The filters of every listing: readable values in the address, checked against the values the
listing offers, so that no value a visitor gives ever reaches a query.

A listing's form subclasses ``FilterForm``, declares a ``KnownValueField`` per filter and offers
each its ``Choice``s in ``choices_for()``; the listing page (``core.pages.ListingIndexPage``)
does the rest."""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator

from pagecache.keys import SNIPPETS, TOPICS
from pagecache.store import remember


@dataclass
class Choice:
    """One value of a filter: ``key`` in the address, ``label`` in the list, ``title`` where
    the applied filter is named, ``lookup`` what it narrows the items by; ``obj`` the object
    chosen, where there is one to hand; ``aliases``, other keys that choose it (a topic's slugs
    in the other languages, so that an address keeps working when the language changes)."""

    key: str
    label: str
    title: str
    lookup: dict
    obj: object = None
    aliases: tuple = ()
    language: str = ""  # the label's language, where it is not the page's (not translated yet)


def alphabetical(item):
    """Sort key of names, or of choices by label, in alphabetical order, accents aside
    ("Côte d'Ivoire" between "Colombia" and "Cuba"; "Égypte" among the E's)."""
    text = item.label if isinstance(item, Choice) else item
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class LanguageMarkedSelect(forms.Select):
    """A select whose options in another language than the page's say so (``lang``)."""

    option_languages = {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        language = self.option_languages.get(str(value))
        if language:
            option["attrs"]["lang"] = language
        return option


class KnownValueField(forms.ChoiceField):
    """A choice among the values ``offer()`` gives, by their key in the address (``iexact``:
    whatever its case). Anything else, however long or odd (a NUL byte, which PostgreSQL would
    refuse with an error), is an invalid choice; ``clean()`` returns the ``Choice`` or None."""

    widget = LanguageMarkedSelect

    def __init__(self, *, empty_label, iexact=False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.iexact = iexact
        self.known = {}

    def offer(self, choices):
        self.known = {alias: choice for choice in choices for alias in choice.aliases}
        self.known.update((choice.key, choice) for choice in choices)
        self.choices = [("", self.empty_label), *((c.key, c.label) for c in choices)]
        self.widget.option_languages = {c.key: c.language for c in choices if c.language}

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


class FilterForm(forms.Form):
    """A listing's filters. ``items`` are the live, public items of the listing, unfiltered,
    and ``site_root`` the root of the listing's site: ``choices_for`` gives each field the
    values it may take."""

    def __init__(self, data, *, site_root, items):
        super().__init__(data)
        choices = self.choices_for(site_root, items)
        # Reading every item's values is the listing's costliest query: those choices are
        # kept until an item, a topic or a snippet changes (pagecache).
        name = f"filters:{type(self).__module__}.{type(self).__name__}:{site_root.pk}"
        keys = (items.model.listed_as, TOPICS, SNIPPETS)
        choices.update(remember(name, keys, lambda: self.kept_choices_for(site_root, items)))
        for field_name, field_choices in choices.items():
            self.fields[field_name].offer(field_choices)

    def choices_for(self, site_root, items):
        """``{field name: [Choice, …]}``: the values each filter may take, found anew for each
        request."""
        return {}

    def kept_choices_for(self, site_root, items):
        """Like ``choices_for``, for the choices that are costly to find, kept in the cache
        between requests: their ``Choice``s must pickle (plain lookups, no querysets)."""
        return {}

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self._errors:
            # The lists show the values as they name them (?mechanism=hrc selects HRC).
            self.data = self.params()

    def chosen(self):
        """``{name: Choice}`` of the applied filters, in the form's order."""
        return {name: choice for name, choice in self.cleaned_data.items() if choice}

    def apply(self, items):
        """``items`` narrowed to the applied filters of a valid form. Each filter matches one
        value, so that even the many-to-many ones repeat no item."""
        for choice in self.chosen().values():
            items = items.filter(**choice.lookup)
        return items

    def params(self):
        """The applied filters as query parameters: what the listing's links (pages, removing
        a filter) carry over, never the raw query string."""
        return {name: choice.key for name, choice in self.chosen().items()}
