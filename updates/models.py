"""Latest updates: news, statements, letters and reports, each tagged to one or more topics."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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

from .feeds import UpdateFeedsMixin
from .forms import UpdateFilterForm


class UpdateType(index.Indexed, models.Model):
    """News, statement, joint letter…: editors manage the list."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("update type")
        verbose_name_plural = _("update types")

    def __str__(self):
        return self.name


class Mechanism(index.Indexed, models.Model):
    """A UN or regional human rights mechanism, such as the Human Rights Council."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=20, unique=True)

    panels = [FieldPanel("name"), FieldPanel("acronym")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("mechanism")
        verbose_name_plural = _("mechanisms")

    def __str__(self):
        return f"{self.acronym} – {self.name}"


class MechanismSession(index.Indexed, models.Model):
    """One session of a mechanism, such as HRC51 or ACHPR 73."""

    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("mechanism"), on_delete=models.PROTECT, related_name="sessions"
    )
    name = models.CharField(
        _("name"), max_length=40, unique=True, help_text=_('As it is cited, e.g. "HRC51".')
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    panels = [
        FieldPanel("mechanism"),
        FieldPanel("name"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = [models.F("starts_on").desc(nulls_last=True), "name"]
        verbose_name = _("mechanism session")
        verbose_name_plural = _("mechanism sessions")

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A session cannot end before it starts.")})


class UpdatePageQuerySet(ListingPageQuerySet):
    def for_listing(self):
        """Live, public updates, newest first, with what a listing card shows fetched up front."""
        return (
            self.live()
            .public()
            .select_related("update_type", "listing_image")
            .prefetch_related("listing_image__renditions")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


UpdatePageManager = PageManager.from_queryset(UpdatePageQuerySet)


class UpdateIndexPage(
    UpdateFeedsMixin, SearchAndSharingFields, PreviewablePageMixin, ListingPageMixin, Page
):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["updates.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("update index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context

    def listing(self, request):
        """The updates for the request's filters and page number, with the applied filters
        (each with the address of the listing without it), or an error message."""
        updates = UpdatePage.objects.child_of(self).for_listing()
        filter_form = UpdateFilterForm(request.GET, site_root=self.get_parent(), updates=updates)
        listing_url = self.get_url(request)
        if not filter_form.is_valid():
            # The form shows what is wrong beside the field; the notice only says what it means.
            return {
                "filter_form": filter_form,
                "listing_url": listing_url,
                "listing_heading": self.title,
                "listing_error": _("No updates can be shown for these filters."),
            }
        chosen = filter_form.chosen()
        params = filter_form.params()
        topic = chosen["topic"].obj if "topic" in chosen else None
        return {
            "filter_form": filter_form,
            "listing_url": listing_url,
            "listing_heading": self.heading_for(topic, chosen),
            "topic": topic,
            "filter_params": params,
            "applied_filters": [
                {
                    "label": filter_form.fields[name].label,
                    "value": choice.title,
                    "remove_url": self.filtered_url(
                        listing_url, {key: v for key, v in params.items() if key != name}
                    ),
                }
                for name, choice in chosen.items()
            ],
            "query": urlencode(params),
            **self.paginate(request, filter_form.apply(updates)),
        }

    def heading_for(self, topic, chosen):
        """The listing's title for its filters: "Latest updates on <topic>" (or the page's
        title), then what the other filters show."""
        heading = self.title
        if topic:
            heading = _("Latest updates on %(topic)s") % {"topic": topic.title}
        others = [choice.title for name, choice in chosen.items() if name != "topic"]
        if others:
            heading = _("%(listing)s: %(filters)s") % {
                "listing": heading,
                "filters": ", ".join(others),
            }
        return heading

    @staticmethod
    def filtered_url(listing_url, params):
        return f"{listing_url}?{urlencode(params)}" if params else listing_url

    # Search and sharing (core.seo): described by its introduction; its canonical address
    # keeps the filters (``filter_params``) and the page number.
    seo_description_field = "intro"


class UpdatePage(SearchAndSharingFields, CardPreviewMixin, Page):
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("Shown on the update and used to order listings, newest first."),
    )
    update_type = models.ForeignKey(
        UpdateType,
        verbose_name=_("type"),
        # Nullable only so that deleting a type cannot break stored revisions that use it;
        # the form still requires one (blank=False).
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the title. Editors manage the list under Update tagging."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One paragraph of plain text, shown in listings and to search engines."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    listing_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown at the top of the update and on its card in listings."),
    )
    topics = ParentalManyToManyField(
        TopicPage,
        verbose_name=_("topics"),
        related_name="updates",
        help_text=_("Every topic this update concerns; it is listed on each of their pages."),
    )
    countries = ParentalManyToManyField(
        "core.CountryOrRegion",
        verbose_name=_("countries and regions"),
        related_name="updates",
        blank=True,
        help_text=_("Optional. Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    mechanism = models.ForeignKey(
        Mechanism,
        verbose_name=_("mechanism"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
        help_text=_("Optional. The UN or regional body this update concerns."),
    )
    session = models.ForeignKey(
        MechanismSession,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
        help_text=_("Optional. Choosing a session fills in its mechanism."),
    )

    objects = UpdatePageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                # A short list: a drop-down is quicker than a chooser modal.
                FieldPanel("update_type", widget=forms.Select),
                FieldPanel("summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Listing"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("mechanism"),
                FieldPanel("session"),
            ],
            heading=_("Tagging"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types = []
    card_preview_template = "updates/update_card_preview.html"

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def clean(self):
        super().clean()
        if self.session_id and not self.mechanism_id:
            self.mechanism = self.session.mechanism
        elif self.session_id and self.session.mechanism_id != self.mechanism_id:
            raise ValidationError(
                {"session": _("This session belongs to another mechanism than the one chosen.")}
            )

    def visible_topics(self):
        """The topics this page is tagged to that visitors can open."""
        return TopicPage.objects.visible_among(self.topics.all())

    def related_updates(self, limit=3):
        """Other live, public updates sharing a topic with this one, newest first."""
        topic_ids = [topic.pk for topic in self.topics.all()]
        if not topic_ids:
            return UpdatePage.objects.none()
        return (
            UpdatePage.objects.sibling_of(self, inclusive=False)
            .for_listing()
            .filter(topics__in=topic_ids)
            .distinct()[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_updates"] = self.related_updates()
        return context

    # Search and sharing (core.seo): a news article described by its summary, shared with its
    # photo, published on its publication date.
    seo_description_field = "summary"
    seo_image_field = "listing_image"
    seo_article_type = "NewsArticle"

    def get_published_date(self):
        return self.date

    def get_article_details(self, request):
        """Its type (news, statement...) and its topics."""
        return {
            "articleSection": self.update_type.name if self.update_type else None,
            **topic_details(self.visible_topics(), request),
        }
