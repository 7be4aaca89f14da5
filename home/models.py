"""The site's home page: it draws on every section below it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.pages import BasePage
from pagecache.keys import depend_on
from stories.models import StoryPage
from topics.models import TopicPage
from updates.models import UpdatePage


class HomePage(BasePage):
    serving_related = ("hero_image",)

    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    updates_count = models.PositiveSmallIntegerField(
        _("number of latest updates shown"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    stories_count = models.PositiveSmallIntegerField(
        _("number of defenders' stories shown"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(6)],
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
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "topics.TopicIndexPage",
        "updates.UpdateIndexPage",
        "stories.StoryIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @property
    def listing_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        depend_on(TopicPage.listed_as, UpdatePage.listed_as, StoryPage.listed_as)
        context = super().get_context(request, *args, **kwargs)

        # Each list in the page's language, with what has no translation yet in English.
        def listed(model):
            pages = model.objects.below_any_translation_of(self).for_listing()
            return pages.in_language(self.locale_id)

        context["topics"] = listed(TopicPage)
        context["latest_updates"] = listed(UpdatePage)[: self.updates_count]
        context["latest_stories"] = listed(StoryPage)[: self.stories_count]
        return context


class StandardPage(BasePage):
    """A page of text, such as the privacy notice or "About us"."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
