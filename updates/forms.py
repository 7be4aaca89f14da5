"""The filters of the updates listing (``core.filters`` explains how every listing's filters
work)."""

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from core.filters import Choice, FilterForm, KnownValueField, alphabetical
from core.locales import locale_id_of, translated
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

    def offer_choices(self, site_root, items):
        """Each value named in the page's language (``site_root``'s), whatever language the
        items that use it are in, and keyed in the address the same way in every language: a
        type's or a place's slug, which its translations share, and a mechanism's acronym in
        the default language (``?mechanism=HRC`` on a French page, which lists it as "CDH")."""
        locale_id = site_root.locale_id
        self.fields["topic"].offer(TopicPage.objects.filter_choices(site_root, items.model))
        countries = CountryOrRegion.objects.filter(pk__in=items.values("countries")).annotate(
            label=translated(CountryOrRegion, "translation_key", locale_id, "name", F("name"))
        )
        self.fields["country"].offer(
            sorted(
                (
                    Choice(
                        c.slug, c.label, c.label, {"countries__translation_key": c.translation_key}
                    )
                    for c in countries
                ),
                key=alphabetical,
            )
        )
        types, mechanisms, years = {}, {}, {}
        default = locale_id_of(settings.LANGUAGE_CODE)
        in_use = items.order_by().values_list(
            "update_type__translation_key", "update_type__slug",
            translated(UpdateType, "update_type__translation_key", locale_id, "name",
                       F("update_type__name")),
            "mechanism__translation_key",
            translated(Mechanism, "mechanism__translation_key", default, "acronym",
                       F("mechanism__acronym")),
            translated(Mechanism, "mechanism__translation_key", locale_id, "acronym",
                       F("mechanism__acronym")),
            translated(Mechanism, "mechanism__translation_key", locale_id, "name",
                       F("mechanism__name")),
            "date__year",
        )  # fmt: skip
        for (
            type_key,
            slug,
            name,
            mechanism_key,
            key,
            acronym,
            mechanism,
            year,
        ) in in_use.distinct():
            if type_key:
                types[slug] = Choice(slug, name, name, {"update_type__translation_key": type_key})
            if mechanism_key:
                label = f"{acronym} – {mechanism}"
                mechanisms[key] = Choice(
                    key, label, mechanism, {"mechanism__translation_key": mechanism_key}
                )
            years[year] = Choice(str(year), str(year), str(year), {"date__year": year})
        self.fields["type"].offer(sorted(types.values(), key=alphabetical))
        self.fields["mechanism"].offer(sorted(mechanisms.values(), key=alphabetical))
        self.fields["year"].offer([years[key] for key in sorted(years, reverse=True)])


class UpdatePageForm(PageLanguageForm):
    """An update's admin form: its type and mechanism in its language; its places are the
    default language's (``CountryOrRegion``)."""

    in_page_language = ("update_type", "mechanism")
