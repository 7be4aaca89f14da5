"""The search form: what a visitor typed, made safe to search for."""

import unicodedata
from itertools import islice

from django import forms
from django.utils.translation import gettext_lazy as _

from .query import RESULT_TYPES, WORD

MAX_QUERY_LENGTH = 200
# Each word adds a term, and for OR a ranking, to the query: a bound keeps every search quick.
MAX_WORDS = 20

# Control, format, surrogate, private-use and unassigned characters: PostgreSQL refuses NUL,
# and the others only hide or reorder text. Joiners stay: some scripts need them.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


class SearchTextField(forms.CharField):
    """Free text with whitespace runs made single spaces and invisible characters dropped."""

    def to_python(self, value):
        # Slice first: the cleaning below need not read the rest of a huge value.
        value = unicodedata.normalize("NFKC", str(value or "")[: MAX_QUERY_LENGTH * 4])
        kept = (
            " " if character.isspace() else character
            for character in value
            if character.isspace()
            or unicodedata.category(character) not in DROPPED_CATEGORIES
            or character in KEPT_FORMAT_CHARACTERS
        )
        value = " ".join("".join(kept).split())
        return super().to_python(value)


class SearchForm(forms.Form):
    q = SearchTextField(label=_("Search the site"), required=False)
    type = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("All results")), *((t.slug, t.plural_label) for t in RESULT_TYPES)],
        error_messages={
            "invalid_choice": _("There is no such type of result. Choose one of those below.")
        },
    )

    def clean_q(self):
        """The text, cut to MAX_QUERY_LENGTH characters and MAX_WORDS words (not counting OR);
        ``shortened`` says whether it was."""
        text = self.cleaned_data["q"][:MAX_QUERY_LENGTH]
        words = (word for word in WORD.finditer(text) if word.group() != "OR")
        last_word = next(islice(words, MAX_WORDS - 1, MAX_WORDS), None)
        if last_word is not None:
            text = text[: last_word.end()]
        self.shortened = text != self.cleaned_data["q"]
        return text.rstrip()
