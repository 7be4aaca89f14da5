"""Defenders' stories: portraits of human rights defenders, tagged to topics."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import BodyBlock
from core.locales import grouped
from core.pages import ArticlePage, ListingIndexPage
from core.query import ListingPageQuerySet
from core.widgets import ChecklistWidget, ChoiceListWidget
from topics.models import TopicPage

from .forms import StoryFilterForm, StoryPageForm


class StoryPageQuerySet(ListingPageQuerySet):
    def for_listing(self):
        """Live, public stories, newest first, with their portraits (whose renditions come
        from the renditions cache, by the specs the card asks for)."""
        return (
            self.live()
            .public()
            .select_related("country", "portrait")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryIndexPage(ListingIndexPage):
    """The defenders' stories listing, filtered by topic."""

    subpage_types = ["stories.StoryPage"]
    filter_form_class = StoryFilterForm
    filter_error = _("No stories can be shown for this filter.")
    per_page = 12

    class Meta:
        verbose_name = _("story index page")

    def listing_items(self):
        return (
            StoryPage.objects.below_any_translation_of(self, children_only=True)
            .for_listing()
            .in_language(self.locale_id)
        )

    def listing_heading(self, chosen):
        if "topic" in chosen:
            return _("Defenders' stories on %(topic)s") % {"topic": chosen["topic"].title}
        return self.title

    def listing_count_text(self, count):
        return ngettext("%(count)s story", "%(count)s stories", count) % {"count": grouped(count)}


class StoryPage(ArticlePage):
    serving_related = ("portrait", "country")

    defender_name = models.CharField(_("defender's name"), max_length=200)
    portrait = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty if showing the defender's face could put them at risk."),
    )
    country = models.ForeignKey(
        "core.CountryOrRegion",
        verbose_name=_("country or region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("Choose “None” to protect the defender's identity."),
    )
    quote = models.TextField(_("pull quote"), help_text=_("A sentence in the defender's words."))
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One paragraph of plain text, for listings.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        TopicPage,
        verbose_name=_("topics"),
        related_name="stories",
        help_text=_("The story is shown on each of these topics' pages."),
    )
    protect_identity = models.BooleanField(
        _("protect the defender's identity"),
        default=False,
        help_text=_(
            "Leaves the defender's name, country and portrait out of every listing, search "
            "result, feed, sitemap and social-media preview, and asks search engines not to "
            "index this page. Check that the title, summary and body do not name them either."
        ),
    )

    objects = StoryPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("defender_name"),
                FieldPanel("portrait"),
                # Radio buttons of the story's language's places that a filter box narrows
                # (``ChoiceListWidget`` says why not Wagtail's snippet chooser).
                FieldPanel("country", widget=ChoiceListWidget),
                FieldPanel("protect_identity"),
            ],
            heading=_("The defender: name, portrait, country, protection"),
        ),
        FieldPanel("quote"),
        FieldPanel("summary"),
        FieldPanel("body"),
        # Checkboxes that a filter box narrows once the list is long (``ChecklistWidget``).
        FieldPanel("topics", widget=ChecklistWidget),
    ]
    search_fields = [
        *Page.search_fields,
        # The name is indexed only while the defender's identity is not protected.
        index.SearchField("indexed_defender_name"),
        index.SearchField("quote"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    base_form_class = StoryPageForm
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    seo_article_type = "Article"
    card_variant = "story"
    listed_as = "stories"

    class Meta:
        verbose_name = _("defender's story")
        verbose_name_plural = _("defenders' stories")

    # Where a protected defender's name must not appear: the slug goes into every link, search
    # result, canonical address and breadcrumb; the others show in listings and previews.
    fields_without_the_name = ("slug", "title", "seo_title", "summary", "search_description")

    def clean(self):
        super().clean()
        if self.protect_identity:
            errors = {
                name: _(
                    "This names the defender (“%(word)s”), whose identity is protected: leave "
                    "their name out."
                )
                % {"word": word}
                for name in self.fields_without_the_name
                if (word := names_the_defender(getattr(self, name), self.defender_name))
            }
            if errors:
                raise ValidationError(errors)

    # How the story shows in listings and where it is shared (core.pages): with protection on,
    # never the defender's name, country or portrait.

    @property
    def listing_protected(self):
        return self.protect_identity

    @property
    def listing_date(self):
        return self.first_published_at

    @property
    def listing_image(self):
        return None if self.protect_identity else self.portrait

    @property
    def listing_byline(self):
        """ "Name, country" wherever the story is listed; empty when protected."""
        if self.protect_identity:
            return ""
        return ", ".join(
            part for part in (self.defender_name, self.country and self.country.name) if part
        )

    @property
    def indexed_defender_name(self):
        return "" if self.protect_identity else self.defender_name

    def withheld_image_ids(self):
        return {self.portrait_id} if self.portrait_id else set()

    def get_article_details(self, request):
        """Its topics, and the defender and their country unless their identity is protected."""
        details = super().get_article_details(request)
        if not self.protect_identity:
            details["about"].insert(0, {"@type": "Person", "name": self.defender_name})
            if self.country:
                details["contentLocation"] = {"@type": "Place", "name": self.country.name}
        return details


def names_the_defender(text, name):
    """The word of the defender's ``name`` that ``text`` holds (whatever its case and accents;
    words of three letters or more, not "de" or "la"), or None."""
    words = set(slugify(text or "").split("-"))
    return next(
        (part for part in slugify(name or "").split("-") if len(part) >= 3 and part in words),
        None,
    )
