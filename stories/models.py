"""Defenders' stories: portraits of human rights defenders, tagged to topics."""

from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import BodyBlock
from core.listing import ListingPageMixin
from core.models import SearchAndSharingFields
from core.preview import CardPreviewMixin, PreviewablePageMixin
from core.query import ListingPageQuerySet
from core.seo import topic_details
from topics.models import TopicPage

from .forms import StoryFilterForm


class StoryPageQuerySet(ListingPageQuerySet):
    def for_listing(self):
        """Live, public stories, newest first, with portrait renditions fetched up front."""
        return (
            self.live()
            .public()
            .select_related("country", "portrait")
            .prefetch_related("portrait__renditions")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryIndexPage(SearchAndSharingFields, PreviewablePageMixin, ListingPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context

    def listing(self, request):
        """The stories for the request's topic filter and page number, with the applied filter
        (and the address of the listing without it), or an error message."""
        filter_form = StoryFilterForm(request.GET, site_root=self.get_parent())
        listing_url = self.get_url(request)
        if not filter_form.is_valid():
            # The form shows what is wrong beside the field; the notice only says what it means.
            return {
                "filter_form": filter_form,
                "listing_url": listing_url,
                "listing_heading": self.title,
                "listing_error": _("No stories can be shown for this filter."),
            }
        stories = StoryPage.objects.child_of(self).for_listing()
        topic = filter_form.cleaned_data["topic"]
        if not topic:
            return {
                "filter_form": filter_form,
                "listing_url": listing_url,
                "listing_heading": self.title,
                **self.paginate(request, stories),
            }
        return {
            "filter_form": filter_form,
            "listing_url": listing_url,
            "listing_heading": _("Defenders' stories on %(topic)s") % {"topic": topic.title},
            "topic": topic,
            "filter_params": {"topic": topic.slug},
            "applied_filters": [
                {
                    "label": filter_form.fields["topic"].label,
                    "value": topic.title,
                    "remove_url": listing_url,
                }
            ],
            "query": urlencode({"topic": topic.slug}),
            **self.paginate(request, stories.filter(topics=topic)),
        }

    # Search and sharing (core.seo): described by its introduction.
    seo_description_field = "intro"


class StoryPage(SearchAndSharingFields, CardPreviewMixin, Page):
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
        help_text=_("Leave empty to protect the defender's identity."),
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
                FieldPanel("country"),
                FieldPanel("protect_identity"),
            ],
            heading=_("The defender"),
        ),
        FieldPanel("quote"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        # The name is indexed only while the defender's identity is not protected.
        index.SearchField("indexed_defender_name"),
        index.SearchField("quote"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    card_preview_template = "stories/story_card_preview.html"

    class Meta:
        verbose_name = _("defender's story")
        verbose_name_plural = _("defenders' stories")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.protect_identity:
            response["X-Robots-Tag"] = "noindex"
        return response

    @property
    def indexed_defender_name(self):
        return "" if self.protect_identity else self.defender_name

    @property
    def listed_portrait(self):
        """The portrait to show wherever the story is listed or shared, if any."""
        return None if self.protect_identity else self.portrait

    @property
    def listed_byline(self):
        """ "Name, country" wherever the story is listed or shared; empty when protected."""
        if self.protect_identity:
            return ""
        return ", ".join(
            part for part in (self.defender_name, self.country and self.country.name) if part
        )

    def get_sitemap_urls(self, request=None):
        # A page that asks not to be indexed has no place in the sitemap.
        return [] if self.protect_identity else super().get_sitemap_urls(request)

    def visible_topics(self):
        """The topics this page is tagged to that visitors can open."""
        return TopicPage.objects.visible_among(self.topics.all())

    # Search and sharing (core.seo): an article described by its summary, shared with the
    # portrait only while the defender's identity is not protected.
    seo_description_field = "summary"
    seo_image_field = "listed_portrait"
    seo_article_type = "Article"

    def may_share_image(self, image):
        return not (self.protect_identity and image.pk == self.portrait_id)

    def get_article_details(self, request):
        """Its topics, and the defender and their country unless their identity is protected."""
        details = topic_details(self.visible_topics(), request)
        if not self.protect_identity:
            details["about"].insert(0, {"@type": "Person", "name": self.defender_name})
            if self.country:
                details["contentLocation"] = {"@type": "Place", "name": self.country.name}
        return details
