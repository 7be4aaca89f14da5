"""Latest updates: news, statements, letters and reports, each tagged to one or more topics."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import BodyBlock
from core.filters import alphabetical
from core.locales import grouped, in_default_language, locale_id_of
from core.models import CountryOrRegion
from core.pages import ArticlePage, ListingIndexPage
from core.query import ListingPageQuerySet, tagged_to_any_translation
from core.widgets import ChecklistWidget
from pagecache.keys import depend_on
from topics.models import TopicPage

from .feeds import LatestUpdatesAtomFeed, LatestUpdatesFeed
from .forms import UpdateFilterForm, UpdatePageForm
from .taxonomy import Mechanism, MechanismSession, UpdateType


class UpdatePageQuerySet(ListingPageQuerySet):
    def for_listing(self):
        """Live, public updates, newest first, with what a listing card shows fetched up front
        (the images; their renditions come from the renditions cache)."""
        return (
            self.live()
            .public()
            .select_related("update_type", "listing_image")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


UpdatePageManager = PageManager.from_queryset(UpdatePageQuerySet)


class UpdateIndexPage(ListingIndexPage):
    """The updates listing, filtered by ``UpdateFilterForm``, and the RSS and Atom feeds of its
    updates (``updates.feeds``) as routes below ``feeds/``."""

    subpage_types = ["updates.UpdatePage"]
    filter_form_class = UpdateFilterForm
    filter_error = _("No updates can be shown for these filters.")

    class Meta:
        verbose_name = _("update index page")

    def listing_items(self):
        return (
            UpdatePage.objects.below_any_translation_of(self, children_only=True)
            .for_listing()
            .in_language(self.locale_id)
        )

    def listing_heading(self, chosen):
        """ "Latest updates on <topic>" (or the page's title), then what the other filters
        show."""
        heading = self.title
        if "topic" in chosen:
            heading = _("Latest updates on %(topic)s") % {"topic": chosen["topic"].title}
        others = [choice.title for name, choice in chosen.items() if name != "topic"]
        if others:
            heading = _("%(listing)s: %(filters)s") % {
                "listing": heading,
                "filters": ", ".join(others),
            }
        return heading

    def listing_count_text(self, count):
        return ngettext("%(count)s update", "%(count)s updates", count) % {"count": grouped(count)}

    @path("feeds/rss/", name="updates_rss")
    def updates_rss(self, request):
        return self.serve_feed(request, LatestUpdatesFeed, "updates_rss")

    @path("feeds/atom/", name="updates_atom")
    def updates_atom(self, request):
        return self.serve_feed(request, LatestUpdatesAtomFeed, "updates_atom")

    @path("feeds/<slug:topic>/rss/", name="topic_updates_rss")
    def topic_updates_rss(self, request, topic):
        return self.serve_feed(request, LatestUpdatesFeed, "topic_updates_rss", topic)

    @path("feeds/<slug:topic>/atom/", name="topic_updates_atom")
    def topic_updates_atom(self, request, topic):
        return self.serve_feed(request, LatestUpdatesAtomFeed, "topic_updates_atom", topic)

    def serve_feed(self, request, feed_class, route, topic_slug=None):
        # Every update (a feed's items), and the topics (the feeds there are, their titles).
        depend_on(UpdatePage.listed_as, TopicPage.listed_as)
        updates = self.listing_items()
        topic = None
        if topic_slug is not None:
            topic = self.feed_topics().filter(slug=topic_slug).first()
            if topic is None:
                # The topic's slug in another language (a feed address kept from the English
                # site): its feed here is at its slug in this page's language.
                named = TopicPage.objects.filter(slug=topic_slug).values("translation_key")
                topic = self.feed_topics().filter(translation_key__in=named).first()
                if topic is None:
                    raise Http404(_("There is no topic with this address."))
                return redirect(
                    self.get_url(request) + self.feed_path(route, topic), permanent=True
                )
            updates = updates.filter(**tagged_to_any_translation(UpdatePage, topic))
        feed_url = self.get_full_url(request) + self.feed_path(route, topic)
        feed = feed_class(self, request, updates=updates, topic=topic, feed_url=feed_url)
        return feed(request)

    def get_cached_paths(self):
        """What a CDN drops with the listing (``cache_purge_addresses``): its first page and
        its feeds, all and each topic's."""
        paths = ["/", *(f"/{self.feed_path(route)}" for route in ("updates_rss", "updates_atom"))]
        for topic in self.feed_topics():
            paths += [
                f"/{self.feed_path(route, topic)}"
                for route in ("topic_updates_rss", "topic_updates_atom")
            ]
        return paths

    def feed_topics(self):
        """The topics that have feeds here: the live, public topics of this page's site, the
        same ones the listing can be filtered by."""
        return TopicPage.objects.of_site(self.get_parent())

    @classmethod
    def feed_path(cls, route, topic=None):
        """A feed's address relative to its listing page's, e.g. "feeds/rss/"."""
        kwargs = {"topic": topic.slug} if topic else {}
        return cls.get_resolver().reverse(route, **kwargs)

    @classmethod
    def feed_urls(cls, index, request, topic=None):
        """The addresses of the RSS and Atom feeds of the updates below ``index`` (an updates
        listing page, specific or not), of all of them or of ``topic``'s, as
        ``{"rss", "atom"}``; None if ``index`` has no address on this site."""
        url = index.get_url(request)
        if url is None:
            return None
        prefix = "topic_updates" if topic else "updates"
        return {kind: url + cls.feed_path(f"{prefix}_{kind}", topic) for kind in ("rss", "atom")}


class UpdatePage(ArticlePage):
    serving_related = ("update_type", "mechanism", "session")

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
        # The default language's rows, in every language: translations of an update keep its
        # places, and the pages name them in their own language.
        limit_choices_to=in_default_language,
        # The filter box explains itself where it shows (with JavaScript, on a long list).
        help_text=_(
            "Optional. Tick each one the update concerns; visitors can filter the updates by them."
        ),
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
            heading=_("Card and listing: date, type, summary, image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                # Checkboxes that a filter box narrows (``ChecklistWidget`` says why not a
                # multiple select or a chooser).
                FieldPanel("topics", widget=ChecklistWidget),
                FieldPanel("countries", widget=ChecklistWidget),
            ],
            heading=_("Topics, countries and regions"),
        ),
        MultiFieldPanel(
            [FieldPanel("mechanism"), FieldPanel("session")],
            heading=_("UN or regional mechanism and session"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_tags"),
        index.FilterField("date"),
    ]

    base_form_class = UpdatePageForm
    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types = []
    seo_article_type = "NewsArticle"
    card_variant = "update"
    listed_as = "updates"

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        # Listings and feeds show the newest first: read in this order, they stop after a page.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="updates_newest_first")]

    def clean(self):
        super().clean()
        if not self.session_id:
            return
        # A session belongs to a mechanism in the default language; the page names it in its
        # own language where there is a translation.
        session_mechanism = self.session.mechanism
        if not self.mechanism_id:
            self.mechanism = session_mechanism.get_translation_or_none(self.locale) or (
                session_mechanism
            )
        elif self.mechanism.translation_key != session_mechanism.translation_key:
            raise ValidationError(
                {"session": _("This session belongs to another mechanism than the one chosen.")}
            )

    @property
    def listing_date(self):
        return self.date

    def search_tags(self):
        """What the update is tagged with, for the search: its session ("HRC51"), its
        mechanism's acronym and name and its places, in its language and in the default one (a
        French update is found by "CDH" and by "HRC")."""
        words = [self.session.name] if self.session else []
        if self.mechanism:
            mechanisms = Mechanism.objects.filter(
                translation_key=self.mechanism.translation_key,
                locale_id__in=[self.locale_id, locale_id_of(settings.LANGUAGE_CODE)],
            )
            words += [text for m in mechanisms for text in (m.acronym, m.name)]
        words += [place.name for place in self.countries.all()]  # the default language's
        words += self.places()
        return " ".join(words)

    def places(self):
        """The names of the countries and regions the update concerns, in its language where
        they are translated (``CountryOrRegion``), A to Z."""
        places = list(self.countries.all())
        translations = dict(
            CountryOrRegion.objects.filter(
                translation_key__in=[place.translation_key for place in places],
                locale_id=self.locale_id,
            ).values_list("translation_key", "name")
        )
        names = [translations.get(place.translation_key, place.name) for place in places]
        return sorted(names, key=alphabetical)

    @property
    def listing_label(self):
        return self.update_type.name if self.update_type else ""

    def related_updates(self, limit=3):
        """Other live, public updates sharing a topic with this one, newest first. Each once,
        through a subquery of the tags rather than a join and DISTINCT: the database then walks
        the updates newest first and stops at ``limit`` (a join sorted every update of a topic
        that has 50,000)."""
        topic_ids = [topic.pk for topic in self.tagged_topics()]
        if not topic_ids:
            return UpdatePage.objects.none()
        tags = UpdatePage.topics.through.objects.filter(topicpage_id__in=topic_ids)
        return (
            UpdatePage.objects.sibling_of(self, inclusive=False)
            .for_listing()
            .filter(pk__in=tags.values("updatepage_id"))[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_updates"] = self.related_updates()
        return context

    def get_article_details(self, request):
        """Its type (news, statement...) and its topics."""
        return {
            "articleSection": self.update_type.name if self.update_type else None,
            **super().get_article_details(request),
        }
