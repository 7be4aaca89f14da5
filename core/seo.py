"""What a page tells search engines and social networks about itself: its description, canonical
address, sharing image, JSON-LD structured data and breadcrumbs.

``SeoMixin`` is part of every page type through ``core.pages.BasePage``. It reads what the page
says of itself in listings (``core.pages``: ``listing_summary``, ``listing_image``,
``listing_date``, ``listing_topics``), so a page type declares that once for cards, search
results, feeds and sharing alike. Articles set ``seo_article_type`` ("NewsArticle" or
"Article") and add what is particular to them in ``get_article_details()`` (a defender).

The template tags in ``core.templatetags.seo_tags`` render all this in ``<head>`` and as the
visible breadcrumbs.
"""

import datetime
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_lazy

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from pagecache.keys import depend_on, page_key

from .listing import with_params
from .models import SiteSettings
from .navigation import site_sections
from .query import in_private_section

DESCRIPTION_LENGTH = 160  # what search engines show of a description
# Open Graph's recommended size (1.91:1), which X's large summary card also uses. An image
# smaller than that is cropped to the same proportions without being enlarged.
SHARING_IMAGE_FILTER = "fill-1200x630|format-jpeg"
SHARING_IMAGE_TYPE = "image/jpeg"
# The organisation's logo in structured data: search engines take a raster image of at least
# 112 px, not SVG. The site's mark (img/favicon.svg) drawn at 512 px by Chromium.
LOGO = "img/logo-512.png"
# Open Graph wants a territory with the language; the site's languages, as written for Geneva.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}
SCHEMA_CONTEXT = "https://schema.org"

# In JSON inside <script>, "</script>" or "<!--" would end or break the element: escape the
# characters that make them, as Django's json_script does.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_CC0 = re.compile(r"CC0(?:\s*1\.0)?", re.IGNORECASE)
_CC = re.compile(r"CC[\s-]?(BY(?:[\s-](?:NC|ND|SA))*)\s+(\d\.\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str | None  # as linked on the page (relative on a single site)
    full_url: str | None  # absolute, for structured data


def plain_description(text, limit=DESCRIPTION_LENGTH):
    """``text`` as one line of plain text of at most ``limit`` characters, cut after a whole
    word with an ellipsis when it is longer."""
    text = " ".join(strip_tags(str(text or "")).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]  # room for the ellipsis
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def json_for_script(data):
    """``data`` as JSON that is safe inside a <script> element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def og_locale(language_code):
    """The Open Graph locale (``en_GB``) for a Django language code (``en``)."""
    return OG_LOCALES.get(language_code) or translation.to_locale(language_code)


def licence_reference(licence):
    """An image's licence as schema.org wants it: the address of its terms where it is a
    Creative Commons licence or already an address, else a work named after it."""
    licence = licence.strip()
    if licence.startswith(("https://", "http://")):
        return licence
    if _CC0.fullmatch(licence):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if match := _CC.fullmatch(licence):
        kind = re.sub(r"[\s-]+", "-", match[1]).lower()
        return f"https://creativecommons.org/licenses/{kind}/{match[2]}/"
    return {"@type": "CreativeWork", "name": licence}


def iso_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat() if value else None


def compact(data):
    """``data`` without its empty values: structured data leaves unknown properties out."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def site_home(request):
    """The root page of the request's site, or None. Navigation loads it for the header too
    (``site_sections``): it is cached on the request's site."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def home_url(request):
    """The absolute address of the request's site, ending with a slash."""
    home = site_home(request)
    url = home.get_full_url(request) if home else None
    return url or (request.build_absolute_uri("/") if request is not None else None)


def absolute_url(url, request):
    """``url`` (a media or static address) made absolute on the request's site."""
    base = home_url(request)
    return urljoin(base, url) if base else url


def organisation(request):
    """The organisation, with the profiles and contact that Site settings name (the footer's)."""
    site_settings = SiteSettings.for_request(request) if request is not None else None
    return compact(
        {
            "@type": "Organization",
            "name": str(settings.WAGTAIL_SITE_NAME),
            "url": home_url(request),
            "logo": absolute_url(static(LOGO), request),
            "sameAs": [url for _network, url in site_settings.social_links]
            if site_settings
            else [],
            "email": site_settings.email if site_settings else "",
            "telephone": site_settings.phone if site_settings else "",
        }
    )


def topic_details(topics, request):
    """``about`` and ``keywords`` for an article tagged to ``topics`` (live, public ones)."""
    topics = list(topics)
    return {
        "about": [
            compact({"@type": "Thing", "name": topic.title, "url": topic.get_full_url(request)})
            for topic in topics
        ],
        "keywords": ", ".join(topic.title for topic in topics),
    }


def breadcrumb_list(crumbs):
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            compact(
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": crumb.title,
                    "item": crumb.full_url,
                }
            )
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def _encoded(value):
    """``value`` encoded for a query string: every reserved character escaped, spaces as %20
    (mail programs read a "+" in a mailto: address literally)."""
    return quote(str(value), safe="")


def share_links(url, title):
    """Plain links that share the page at ``url`` (absolute) under ``title``: each network's
    own share address, so that no script of theirs runs on the site. Mastodon is left out: its
    share address depends on the reader's own server. [(visible name, address)]."""
    url, title = _encoded(url), _encoded(title)
    space, blank_line = _encoded(" "), _encoded("\n\n")
    return [
        (gettext_lazy("Email"), f"mailto:?subject={title}&body={title}{blank_line}{url}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={title}{space}{url}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("X", f"https://x.com/intent/post?url={url}&text={title}"),
        ("WhatsApp", f"https://wa.me/?text={title}{space}{url}"),
    ]


class SeoMixin:
    """Description, sharing image, canonical address, breadcrumbs and structured data of a page
    (see the module's docstring for what a page type declares)."""

    seo_article_type = ""

    def get_meta_description(self):
        """The search description, else the page's summary or introduction, as plain text of
        at most 160 characters; empty when there is nothing to say."""
        text = self.search_description or ""
        if not text.strip():
            text = self.listing_summary
        return plain_description(text)

    def get_social_image(self, request=None):
        """The image the page is shared with: the editor's sharing image, else the page's own
        photo, else the site's default sharing image; None when there is none."""
        for candidate in (lambda: self.social_image, lambda: self.listing_image):
            image = candidate()
            if image is not None and self.may_share_image(image):
                return image
        if request is None or Site.find_for_request(request) is None:
            return None
        return SiteSettings.for_request(request).default_social_image

    def may_share_image(self, image):
        """Whether ``image`` may be shown where the page is shared: a page whose listing is
        protected (a defender's story) shares none of the images it withholds, even when an
        editor chose one as the sharing image."""
        return not (self.listing_protected and image.pk in self.withheld_image_ids())

    def get_sharing_image(self, request):
        """The sharing image at Open Graph's size: a dict with its absolute ``url``, ``width``,
        ``height``, ``alt`` and ``image``, or None."""
        memo = self._seo_memo()
        if "sharing_image" not in memo:
            memo["sharing_image"] = None
            image = self.get_social_image(request)
            if image is not None:
                try:
                    rendition = image.get_rendition(SHARING_IMAGE_FILTER)
                except SourceImageIOError:  # the file is missing from storage
                    rendition = None
                if rendition is not None:
                    memo["sharing_image"] = {
                        "url": absolute_url(rendition.url, request),
                        "width": rendition.width,
                        "height": rendition.height,
                        "alt": image.default_alt_text,
                        "image": image,
                    }
        return memo["sharing_image"]

    def get_canonical_url(self, request, listing=None):
        """The page's public address, absolute, on its own site; empty for a page that has
        none yet (a preview before the first save).

        Every page's canonical address is its live address, also in previews and share links,
        where the draft may have another slug. A listing page adds only the parameters that
        make a listing of its own (``core.listing.Listing.canonical_params``: its filters as
        its form cleaned them, and a page number above 1). The query string itself is never
        copied (tracking parameters, repeated or bad values), and a listing that answers with
        an error has none.
        """
        live = self._live_version(request)
        url = live.get_full_url(request) if live else None
        if not url:
            return ""
        params = listing.canonical_params if listing is not None else {}
        return with_params(url, params)

    def get_breadcrumbs(self, request):
        """The trail from the site's home page in the page's language to this page: its live,
        public ancestors and the page itself. Empty on a home page and on a page of another
        site.

        The home page and the sections below it are those the navigation has already loaded;
        a page deeper down looks up its other ancestors with one query.
        """
        memo = self._seo_memo()
        if "breadcrumbs" in memo:
            return memo["breadcrumbs"]
        home = site_home(request)
        if home is not None and home.locale_id != self.locale_id:
            # A translation lives in its language's tree, below that language's home page.
            home = (
                Page.objects.filter(translation_key=home.translation_key, locale_id=self.locale_id)
                .live()
                .first()
            )
        path = self.path or ""
        if home is None or path == home.path or not path.startswith(home.path):
            memo["breadcrumbs"] = []
            return []
        ancestors = [home] + [
            section
            for section in site_sections(request)
            if section.depth < self.depth and path.startswith(section.path)
        ]
        if self.depth > home.depth + 2:
            ancestors += (
                Page.objects.ancestor_of(self)
                .filter(depth__gt=home.depth + 1)
                .live()
                .exclude(in_private_section())
                .order_by("path")
            )
        depend_on(*(page_key(page) for page in ancestors))  # their titles and addresses
        crumbs = [
            Crumb(
                gettext("Home") if page is home else page.title,
                page.get_url(request),
                page.get_full_url(request),
            )
            for page in ancestors
        ]
        live = self._live_version(request)
        crumbs.append(
            Crumb(
                self.title,
                live.get_url(request) if live else None,
                live.get_full_url(request) if live else None,
            )
        )
        memo["breadcrumbs"] = crumbs
        return crumbs

    def get_published_date(self):
        """When the page was published, as articles give it: its own date, if it has one."""
        return self.listing_date or self.first_published_at

    def get_article_details(self, request):
        """What an article page adds to its structured data: its topics (``about`` and
        ``keywords``), and whatever the page type adds to them."""
        return topic_details(self.listing_topics(), request)

    def get_json_ld(self, request, listing=None):
        """The page's JSON-LD items: the organisation on the site's home page, the article an
        update or story is, and the breadcrumb trail below the home page."""
        items = []
        home = site_home(request)
        if home is not None and home.pk == self.pk:
            items.append({"@context": SCHEMA_CONTEXT, **organisation(request)})
        if self.seo_article_type:
            items.append(self._article(request, listing))
        if crumbs := self.get_breadcrumbs(request):
            items.append(breadcrumb_list(crumbs))
        return items

    def get_meta_tags(self, request, listing=None):
        """Everything ``components/meta.html`` shows, for the page (and, on a listing page, the
        listing it shows)."""
        sharing_image = self.get_sharing_image(request)
        published, modified = self._article_dates()
        return {
            "title": self.seo_title or self.title,
            "description": self.get_meta_description(),
            "canonical": self.get_canonical_url(request, listing),
            "og_type": "article" if self.seo_article_type else "website",
            "site_name": str(settings.WAGTAIL_SITE_NAME),
            "locale": og_locale(translation.get_language() or settings.LANGUAGE_CODE),
            "image": sharing_image,
            "image_type": SHARING_IMAGE_TYPE,
            "published_time": published if self.seo_article_type else None,
            "modified_time": modified if self.seo_article_type else None,
            "twitter_card": "summary_large_image" if sharing_image else "summary",
            # An X (Twitter) account such as "@ISHRglobal", once the organisation wants one named.
            "twitter_site": getattr(settings, "TWITTER_SITE", ""),
            "json_ld": self.get_json_ld(request, listing),
        }

    def _article(self, request, listing):
        published, modified = self._article_dates()
        canonical = self.get_canonical_url(request, listing)
        sharing_image = self.get_sharing_image(request)
        image = None
        if sharing_image:
            original = sharing_image["image"]
            image = compact(
                {
                    "@type": "ImageObject",
                    "url": sharing_image["url"],
                    "contentUrl": sharing_image["url"],
                    "width": sharing_image["width"],
                    "height": sharing_image["height"],
                    "creditText": original.credit,
                    "copyrightNotice": original.credit,
                    "license": licence_reference(original.licence) if original.licence else None,
                    "acquireLicensePage": original.source_url,
                }
            )
        author = organisation(request)
        return compact(
            {
                "@context": SCHEMA_CONTEXT,
                "@type": self.seo_article_type,
                "headline": self.title,
                "description": self.get_meta_description(),
                "url": canonical,
                "mainEntityOfPage": canonical,
                "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
                "datePublished": published,
                "dateModified": modified,
                "image": image,
                "author": author,
                "publisher": author,
                **self.get_article_details(request),
            }
        )

    def _article_dates(self):
        """ISO 8601 publication and last modification dates; the modification is never given
        as earlier than the publication (an update's date may be set ahead of its publishing)."""
        published = self.get_published_date()
        modified = self.last_published_at
        is_day = isinstance(published, datetime.date) and not isinstance(
            published, datetime.datetime
        )
        if modified is None or (is_day and timezone.localdate(modified) < published):
            modified = published
        return iso_date(published), iso_date(modified)

    def _live_version(self, request):
        """This page as published, whose address is the public one; a preview shows a draft
        whose slug may differ, and a page never saved has no address."""
        if self.pk is None:
            return None
        if not getattr(request, "is_preview", False):
            return self
        memo = self._seo_memo()
        if "live_version" not in memo:
            memo["live_version"] = Page.objects.filter(pk=self.pk).first()
        return memo["live_version"]

    def _seo_memo(self):
        """What is worked out once per page object, that is per request: the head and the
        visible breadcrumbs both use it."""
        return self.__dict__.setdefault("_seo_memo_cache", {})
