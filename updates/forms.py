"""The filters of the updates listing (``core.filters`` explains how every listing's filters
work)."""

from django.utils.translation import gettext_lazy as _

from core.filters import Choice, FilterForm, KnownValueField
from core.models import CountryOrRegion
from topics.models import TopicPage


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
        self.fields["topic"].offer(TopicPage.objects.filter_choices(site_root, items.model))
        countries = CountryOrRegion.objects.filter(pk__in=items.values("countries"))
        self.fields["country"].offer(
            [Choice(c.slug, c.name, c.name, {"countries": c.pk}) for c in countries]
        )
        types, mechanisms, years = {}, {}, {}
        in_use = items.order_by().values_list(
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
