"""Topics: the organisation's thematic priorities. Updates and stories are tagged to them and
reached from a topic through their reverse relations (``topic.updates``, ``topic.stories``),
so this app imports neither of theirs."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import BodyBlock
from core.filters import Choice
from core.locales import language_of, locale_id_of
from core.pages import BasePage, IndexPage
from core.preview import drafts_shown_to, with_drafts
from core.query import ListingPageQuerySet, language_rank, tagged_to_any_translation
from pagecache.keys import SNIPPETS, TOPICS, depend_on, page_key, topic_members_key


class TopicPageQuerySet(ListingPageQuerySet):
    def for_listing(self):
        """Live, public topics in alphabetical order, with their hero images."""
        return (
            self.live()
            .public()
            .select_related("hero_image")
            .defer_streamfields()
            .order_by("title")
        )

    def of_site(self, site_root, locale_id=None):
        """The live, public topics of the site whose root (in one language) is ``site_root``,
        one version of each, in that language (or ``locale_id``'s) where there is one: those a
        listing can be filtered by, that have feeds, and that the newsletter offers."""
        return (
            self.below_any_translation_of(site_root)
            .live()
            .public()
            .in_language(locale_id or site_root.locale_id)
        )

    def filter_choices(self, site_root, model):
        """The site's topics as the values of a listing of ``model``'s topic filter
        (``core.filters``), one per topic in ``site_root``'s language (or in English, or the
        first, where it has no translation there, as ``in_language`` picks), by slug; its slugs
        in the other languages choose it too. Each narrows to the pages tagged to the topic in
        any language."""
        versions = {}
        for topic in (
            self.below_any_translation_of(site_root)
            .live()
            .public()
            .annotate(
                rank=language_rank(site_root.locale_id, locale_id_of(settings.LANGUAGE_CODE))
            )
        ):
            versions.setdefault(topic.translation_key, []).append(topic)
        choices = []
        for topics in versions.values():
            topic, *others = sorted(topics, key=lambda version: version.rank)
            lookup = tagged_to_any_translation(model, topic)
            aliases = tuple(other.slug for other in others)
            language = language_of(topic) if topic.locale_id != site_root.locale_id else ""
            choices.append(
                Choice(topic.slug, topic.title, topic.title, lookup, topic, aliases, language)
            )
        return sorted(choices, key=lambda choice: choice.label)


class TopicIndexPage(IndexPage):
    subpage_types = ["topics.TopicPage"]

    class Meta:
        verbose_name = _("topic index page")

    def get_context(self, request, *args, **kwargs):
        depend_on(TopicPage.listed_as)
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = (
            TopicPage.objects.below_any_translation_of(self, children_only=True)
            .for_listing()
            .in_language(self.locale_id)
        )
        return context


class TopicPage(BasePage):
    card_variant = "topic"
    serving_related = ("hero_image",)
    listed_as = TOPICS

    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo across the top of the page; its credit is shown with it."),
    )
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences that open the page and describe the topic in listings."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    signup_prompt = models.CharField(
        _("Join us invitation"),
        max_length=255,
        blank=True,
        help_text=_(
            "The sentence above the signup form, for example \"Don't miss out on our latest "
            'vital work in migrant and refugee rights." Left empty, a general one is shown.'
        ),
    )
    updates_count = models.PositiveSmallIntegerField(
        _("number of latest updates shown"),
        # Six fill every row of the grid, whether it shows one, two or three cards across.
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_(
            "The newest updates tagged to this topic, from 1 to 12. Choose 6 or 12 so that "
            "every row of cards is full on phones, tablets and computers."
        ),
    )
    stories_count = models.PositiveSmallIntegerField(
        _("number of defenders' stories shown"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(6)],
        help_text=_("The newest stories tagged to this topic, from 0 (none) to 6."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("updates_count"), FieldPanel("stories_count")],
            heading=_("Listings on this page: how many updates and stories"),
        ),
        FieldPanel("signup_prompt"),
    ]
    objects = PageManager.from_queryset(TopicPageQuerySet)()

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic page")

    @property
    def listing_image(self):
        return self.hero_image

    def latest_updates(self, *, drafts_of=None):
        """The newest live, public updates tagged to this topic, as many as the editor chose.

        ``drafts_of`` (a user, in staff previews) adds the drafts tagged to this topic that the
        user may edit, where they will appear once published, marked with ``preview_state``.
        """
        if self.pk is None:  # a preview before the first save: nothing can be tagged to it yet
            return []
        return self._latest(self.updates, self.updates_count, drafts_of, date="date")

    def latest_stories(self, *, drafts_of=None):
        """The newest live, public stories tagged to this topic, as many as the editor chose;
        ``drafts_of`` as for ``latest_updates``."""
        if self.pk is None or not self.stories_count:
            return []
        return self._latest(self.stories, self.stories_count, drafts_of, date="first_published_at")

    def _latest(self, tagged, limit, user, *, date):
        listing = self.tagged_in_any_language(tagged.model).for_listing()
        listing = listing.in_language(self.locale_id)
        if user is None:
            return listing[:limit]
        now = timezone.now()
        return with_drafts(
            listing,
            tagged.model.objects.all(),
            user=user,
            keep=lambda content: self.pk in content.get("topics", []),
            # A draft that has never been published would be the newest when it is.
            sort_key=lambda page: (getattr(page, date) or now, page.pk),
            limit=limit,
        )

    def tagged_in_any_language(self, model):
        """The pages of ``model`` (updates, stories) tagged to this topic or to one of its
        translations: a French update may be tagged to the English topic, and the reverse."""
        return model.objects.filter(**tagged_to_any_translation(model, self))

    def get_context(self, request, *args, **kwargs):
        depend_on(topic_members_key(self))  # the updates and stories tagged to it
        context = super().get_context(request, *args, **kwargs)
        user = drafts_shown_to(request)
        # Made only if the page's kept content ({% kept %}) has to be rendered again.
        context["latest_updates"] = SimpleLazyObject(lambda: self.latest_updates(drafts_of=user))
        context["latest_stories"] = SimpleLazyObject(lambda: self.latest_stories(drafts_of=user))
        # What the kept content shows, besides what it declares itself (its cards, images,
        # call to action, Join us topics): this page, the pages tagged to it, the update
        # types they name.
        context["content_keys"] = [page_key(self), topic_members_key(self), SNIPPETS]
        return context
