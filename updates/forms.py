"""The filters of the updates listing (``core.filters`` explains how every listing's filters
work)."""

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from core.filters import Choice, FilterForm, KnownValueField, alphabetical
from core.locales import locale_codes, locale_id_of, translated
from core.models import CountryOrRegion
from core.page_forms import PageLanguageForm
from topics.models import TopicPage

from .taxonomy import Mechanism, UpdateType


class UpdateFilterForm(FilterForm):
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

    def choices_for(self, site_root, items):
        return {"topic": TopicPage.objects.filter_choices(site_root, items.model)}

    def kept_choices_for(self, site_root, items):
        """Each value named in the page's language (``site_root``'s), whatever language the
        items that use it are in, and keyed in the address the same way in every language: a
        type's or a place's slug, which its translations share, and a mechanism's acronym in
        the default language (``?mechanism=HRC`` on a French page, which lists it as "CDH")."""
        locale_id = site_root.locale_id
        codes = locale_codes()

        def in_page_language(translation, own, own_locale_id):
            """The value and, where it is not translated into the page's language, the
            language it is in (its own row's)."""
            if translation is not None or own_locale_id == locale_id:
                return (own if translation is None else translation), ""
            return own, codes.get(own_locale_id, "")

        countries = CountryOrRegion.objects.filter(pk__in=items.values("countries")).annotate(
            translated_name=translated(CountryOrRegion, "translation_key", locale_id, "name")
        )
        country_choices = []
        for country in countries:
            name, language = in_page_language(
                country.translated_name, country.name, country.locale_id
            )
            lookup = {"countries__translation_key": country.translation_key}
            country_choices.append(Choice(country.slug, name, name, lookup, language=language))
        types, mechanisms, years = {}, {}, {}
        default = locale_id_of(settings.LANGUAGE_CODE)
        in_use = items.order_by().values_list(
            "update_type__translation_key", "update_type__slug", "update_type__name",
            "update_type__locale_id",
            translated(UpdateType, "update_type__translation_key", locale_id, "name"),
            "mechanism__translation_key", "mechanism__acronym", "mechanism__name",
            "mechanism__locale_id",
            translated(Mechanism, "mechanism__translation_key", default, "acronym",
                       F("mechanism__acronym")),
            translated(Mechanism, "mechanism__translation_key", locale_id, "acronym"),
            translated(Mechanism, "mechanism__translation_key", locale_id, "name"),
            "date__year",
        )  # fmt: skip
        for row in in_use.distinct():
            type_key, slug, type_name, type_locale, type_translation = row[:5]
            mechanism_key, acronym, mechanism, mechanism_locale, key = row[5:10]
            acronym_translation, mechanism_translation, year = row[10:]
            if type_key:
                name, language = in_page_language(type_translation, type_name, type_locale)
                lookup = {"update_type__translation_key": type_key}
                types[slug] = Choice(slug, name, name, lookup, language=language)
            if mechanism_key:
                acronym, _ = in_page_language(acronym_translation, acronym, mechanism_locale)
                mechanism, language = in_page_language(
                    mechanism_translation, mechanism, mechanism_locale
                )
                lookup = {"mechanism__translation_key": mechanism_key}
                mechanisms[key] = Choice(
                    key, f"{acronym} – {mechanism}", mechanism, lookup, language=language
                )
            years[year] = Choice(str(year), str(year), str(year), {"date__year": year})
        return {
            "country": sorted(country_choices, key=alphabetical),
            "type": sorted(types.values(), key=alphabetical),
            "mechanism": sorted(mechanisms.values(), key=alphabetical),
            "year": [years[key] for key in sorted(years, reverse=True)],
        }


class UpdatePageForm(PageLanguageForm):
    """An update's admin form: its type and mechanism in its language; its places are the
    default language's (``CountryOrRegion``)."""

    in_page_language = ("update_type", "mechanism")
    language_named = ("topics",)
