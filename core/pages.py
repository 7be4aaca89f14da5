"""The project's abstract page types: each concrete page names one of them, and the order of the
mixins below is decided here once.

- ``BasePage``: every page. Search and sharing metadata (``core.seo``), private previews
  (``core.preview``), the sharing image on the Promote tab, and how the page shows in listings.
- ``ArticlePage``: a page tagged to topics and listed as a card (updates, stories), with a
  second preview mode that shows its card.
- ``IndexPage``: a section of the site below the home page, with an introduction.
- ``ListingIndexPage``: a section that lists its children, filtered and paginated; it answers
  with a ``core.listing.Listing``.

How a page shows in listings is one interface, read by cards, search results, feeds, sharing
tags and structured data alike:

- ``listing_title``, ``listing_summary`` (plain text), ``listing_image`` (the page's own photo,
  or None), ``listing_date`` (a date or datetime, or None), ``listing_topics()`` (the live,
  public topics the page is tagged to);
- ``card_variant``: the card's modifier (``components/card.html``), ``listing_label``: the kind
  of item the card names (an update's type);
- ``listing_protected``: a page that must not identify someone (a defender's story with
  protection on). It is kept out of the sitemap, asks search engines not to index it, and
  ``withheld_image_ids()`` are never shared.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageViewRestriction

from pagecache.keys import SITE, SNIPPETS, TOPICS, TREE, depend_on, page_key, topic_members_key
from pagecache.responses import cacheable
from pagecache.store import digest, remember

from .i18n import alternates_of, live_translations
from .listing import NO_SUCH_PAGE, AppliedFilter, Listing, paginate, with_params
from .preview import PreviewablePageMixin, keep_private
from .seo import SeoMixin


class BasePage(SeoMixin, PreviewablePageMixin, Page):
    """Every page of the site. A page without an ``intro`` field overrides
    ``listing_summary``."""

    social_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social media. Left empty, the page's own photo "
            "is used, or else the site's default sharing image."
        ),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Social media: sharing image")),
    ]

    card_variant = "page"
    # What the page shows of its foreign keys, fetched with it when it is served
    # (``core.routing``).
    serving_related = ()
    # The key of the listings that show pages of this type (``pagecache.keys``), if any.
    listed_as = ""
    listing_protected = False
    listing_date = None
    listing_image = None
    listing_label = ""

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        """The title the admin shows: the one ``core.query.shown_in_admin`` chose where it
        picked this page (the live title for someone who may not edit it), else Wagtail's (the
        latest draft's)."""
        return self.__dict__.get("admin_title") or super().get_admin_display_title()

    def serve(self, request, *args, **kwargs):
        """The live page (and its routes), which any visitor may be given from a cache
        (``pagecache``): it shows this page and what ``get_context`` declares."""
        return self.served(super().serve(request, *args, **kwargs))

    def get_view_restrictions(self):
        """The view restrictions on this page and its ancestors, as Wagtail's own method finds
        them (an alias has its source page's), in one query instead of two: every page
        request checks them."""
        chain = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=chain) | Q(page__aliases__path__in=chain)
        ).distinct()

    def served(self, response):
        """``response`` as the live page answers: for any visitor, showing this page."""
        depend_on(page_key(self))
        if self.listing_protected:
            response["X-Robots-Tag"] = "noindex"
        return cacheable(response)

    def cache_purge_keys(self):
        """The cache keys (``pagecache.keys``) to purge when this page is published,
        unpublished, moved or deleted: the page wherever it shows, the listings of its kind,
        what depends on which pages exist, and everything when it is the home page or one of
        its sections (the header and footer name them)."""
        keys = {page_key(self), TREE}
        if self.listed_as:
            keys.add(self.listed_as)
        if self.depth <= 3:
            keys.add(SITE)
        return keys

    def cache_purge_addresses(self):
        """The addresses a CDN must drop when this page changes (it purges by address, not
        by key): the page in every language, its parent listing there with its routes (feeds),
        each language's home page, and the sitemap. Where the CDN drops every address that
        begins with a prefix (``CDN_PURGES_PREFIXES``), the listing's and the sitemap's too,
        which take in their filtered and numbered pages."""
        prefix = "*" if settings.CDN_PURGES_PREFIXES else None
        addresses = set()
        for page in self.get_translations(inclusive=True).specific(defer=True):
            url = page.get_full_url()
            if not url:
                continue
            addresses.add(url)
            parent = page.get_parent().specific_deferred
            parent_url = parent.get_full_url()
            if parent_url:
                addresses.update(
                    parent_url.rstrip("/") + path for path in parent.get_cached_paths()
                )
                if prefix:
                    addresses.add(parent_url + prefix)
            site = page.get_site()
            if site is not None:
                root_url = site.root_url
                # The index and the sitemap's first page (a CDN purges by exact address).
                addresses.update(
                    {
                        f"{root_url}/sitemap.xml",
                        f"{root_url}/sitemap-pages.xml",
                        site.root_page.get_full_url(),
                    }
                )
                if prefix:
                    addresses.add(f"{root_url}/sitemap-pages.xml{prefix}")
        return addresses

    @property
    def listing_title(self):
        return self.title

    @property
    def listing_summary(self):
        return self.intro

    def listing_topics(self):
        return []

    def withheld_image_ids(self):
        """The images a protected page never shares (a defender's portrait)."""
        return set()

    def get_sitemap_urls(self, request=None):
        """The page's entry, with its translations as alternates (the sitemap hands them over
        in ``sitemap_translations``). A page that asks not to be indexed has no place there."""
        if self.listing_protected:
            return []
        translations = getattr(self, "sitemap_translations", None)
        if translations is None:
            translations = live_translations(self, request)
        links = [
            {"lang_code": code, "location": url}
            for code, url in alternates_of(translations, request)
        ]
        return [{**url, "alternates": links} for url in super().get_sitemap_urls(request)]


class ArticlePage(BasePage):
    """A page tagged to topics (``topics``, a ParentalManyToManyField to topic pages) and
    listed as a card, with a summary. Editors preview its card too ("Card in listings",
    rendered by ``card_preview_template``)."""

    card_preview_template = "components/card_preview.html"

    class Meta:
        abstract = True

    @property
    def listing_summary(self):
        return self.summary

    def listing_topics(self):
        """The live, public topics this page is tagged to (a tag may be a draft or private
        topic), each in the page's language where it is translated (a French update keeps the
        English topics it was translated with). Works on drafts and revisions too, whose tags
        are not yet saved. Fetched once (the page and its structured data both show them)."""
        if not hasattr(self, "_listing_topics"):
            keys = [topic.translation_key for topic in self.tagged_topics()]
            self._listing_topics = list(
                self.topics.model.objects.filter(translation_key__in=keys)
                .live()
                .public()
                .in_language(self.locale_id)
                .order_by("title")
            )
        return self._listing_topics

    def cache_purge_keys(self):
        """Also the lists of each topic it is tagged to: a topic page and its feed list it."""
        return super().cache_purge_keys() | {
            topic_members_key(topic) for topic in self.tagged_topics()
        }

    def cache_purge_addresses(self):
        """Also each topic page it is tagged to, in every language (with every address that
        begins with it, where the CDN purges prefixes)."""
        addresses = super().cache_purge_addresses()
        for topic in self.topics.all():
            for version in topic.get_translations(inclusive=True):
                url = version.get_full_url()
                addresses.add(url)
                if settings.CDN_PURGES_PREFIXES and url:
                    addresses.add(f"{url}*")
        return addresses

    def tagged_topics(self):
        """The topics this page is tagged to, as they are (drafts too), fetched once."""
        if not hasattr(self, "_tagged_topics"):
            self._tagged_topics = list(self.topics.all())
        return self._tagged_topics

    def get_context(self, request, *args, **kwargs):
        # The page names its topics (in any language: all share their keys) and the
        # snippets it is classed by, and may list related pages tagged to the same topics.
        for topic in self.tagged_topics():
            depend_on(page_key(topic), topic_members_key(topic))
        depend_on(SNIPPETS)
        return super().get_context(request, *args, **kwargs)

    @property
    def preview_modes(self):
        return [("", _("Page")), ("card", _("Card in listings"))]

    def get_preview_template(self, request, mode_name):
        if mode_name == "card":
            return self.card_preview_template
        return super().get_preview_template(request, mode_name)


class IndexPage(BasePage):
    """One of the home page's sections, once each."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ListingIndexPage(RoutablePageMixin, IndexPage):
    """A section listing its children: ``listing_items()`` (live, public, in order), narrowed
    by ``filter_form_class`` (a ``core.filters.FilterForm``) and cut into pages of
    ``per_page``.

    Its template gets the ``listing`` (``core.listing.Listing``). Bad input (a filter value
    or page number that does not exist) keeps the page, its heading, filters and a message, but
    answers 404, so that crawlers drop the address and visitors see what went wrong. Further
    routes (feeds) may be added with ``@path``; they answer for the live page only.
    """

    filter_form_class = None
    filter_error = ""
    per_page = 10

    class Meta:
        abstract = True

    def listing_items(self):
        raise NotImplementedError

    def listing_heading(self, chosen):
        """The listing's title for the applied filters (``{name: Choice}``)."""
        return self.title

    def listing_count_text(self, count):
        """How many items the filters found, in words ("3 updates")."""
        raise NotImplementedError

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin answers its other routes (feeds) without BasePage.serve.
        return self.served(super().serve(request, *args, **kwargs))

    def get_listing(self, request):
        items = self.listing_items()
        # The listing shows pages of one kind, filtered by topics and the snippets.
        depend_on(items.model.listed_as, TOPICS, SNIPPETS)
        form = self.filter_form_class(request.GET, site_root=self.get_parent(), items=items)
        url = self.get_url(request)
        if not form.is_valid():
            # The form shows what is wrong beside the field; the notice says what it means.
            return Listing(url=url, heading=self.title, form=form, error=self.filter_error)
        chosen = form.chosen()
        params = form.params()
        applied = tuple(
            AppliedFilter(
                label=form.fields[name].label,
                value=choice.title,
                remove_url=with_params(url, {k: v for k, v in params.items() if k != name}),
            )
            for name, choice in chosen.items()
        )
        found = form.apply(items)
        # Counting every match costs as much as there are (100,000 updates: a third of a
        # second); the count is kept until something of the kind, a topic or a snippet changes.
        counted = remember(
            f"listing-count:{self.pk}:{self.locale_id}:{digest(sorted(params.items()))}",
            [items.model.listed_as, TOPICS, SNIPPETS],
            found.count,
        )
        page_obj, page_range = paginate(found, request.GET.get("page"), self.per_page, counted)
        count = page_obj.paginator.count if page_obj is not None else None
        return Listing(
            url=url,
            heading=self.listing_heading(chosen),
            form=form,
            error="" if page_obj is not None else NO_SUCH_PAGE,
            page_obj=page_obj,
            page_range=page_range,
            applied=applied,
            params=params,
            chosen=chosen,
            count_text=self.listing_count_text(count) if count is not None else "",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.get_listing(request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        if response.context_data["listing"].error:
            response.status_code = 404
        return response

    def serve_preview(self, request, mode_name):
        # Routes answer for the live page only; a preview is always the listing itself.
        return keep_private(self.index_route(request))
