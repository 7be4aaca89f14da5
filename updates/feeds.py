"""RSS and Atom feeds of the latest updates, all of them or one topic's.

The updates listing page (``updates.models.UpdateIndexPage``) serves them as routes of its own,
two or three levels below ``feeds/``, so that they never hide an update (an update one called
"feeds" is still served at ``<listing>/feeds/``):

- ``<listing>/feeds/rss/`` and ``<listing>/feeds/atom/``: every update;
- ``<listing>/feeds/<topic-slug>/rss/`` and ``.../atom/``: the updates tagged to one topic.

Only the live listing page answers them, and only with live, public updates. The feeds read
what the updates show in listings (``core.pages``: title, summary, image, topics).
"""

import datetime
import mimetypes
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import feedgenerator, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from core.listing import with_params
from core.locales import language_of
from topics.models import TopicPage

FEED_LENGTH = 20
# One JPEG the size of a sharing image: every feed reader can show it, and it is made once.
ENCLOSURE_FILTER = "fill-1200x675|format-jpeg"
# An update has a publication date, not a time: noon in Geneva falls on that same date from
# UTC-11 to UTC+12, so no reader shows it a day early or late.
PUBLICATION_TIME = datetime.time(12)
# The date part of the entries' tag: URIs: a day the site's owner held its domain (the year
# the feeds began). Never change it: readers would see every update as new.
TAG_DATE = "2026"
FILE_SIZE_CACHE_SECONDS = 60 * 60 * 24 * 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


class MediaRSSMixin:
    """Adds a Media RSS ``media:content`` to each item with an image, carrying the image's
    size, alt text and credit, which readers show beside it."""

    def add_media_namespace(self, attrs):
        return {**attrs, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if not image:
            return
        handler.startElement(
            "media:content",
            {
                "url": image["url"],
                "type": image["mime_type"],
                "medium": "image",
                "fileSize": image["length"],
                "width": str(image["width"]),
                "height": str(image["height"]),
            },
        )
        handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
        if image["credit"]:
            handler.addQuickElement("media:credit", image["credit"])
        if image["licence"]:
            handler.addQuickElement("media:license", image["licence"], {"type": "text/plain"})
        handler.endElement("media:content")


class LanguageMarkedItemsMixin:
    """An Atom entry in another language than the feed's (an update not translated yet) says so
    with ``xml:lang``, which Atom defines on every element (RSS 2.0 has only the channel's
    ``<language>``)."""

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        if item.get("language"):
            attrs["xml:lang"] = item["language"]
        return attrs


class RssWithMedia(MediaRSSMixin, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return self.add_media_namespace(super().rss_attributes())


class AtomWithMedia(LanguageMarkedItemsMixin, MediaRSSMixin, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return self.add_media_namespace(super().root_attributes())


class LatestUpdatesFeed(Feed):
    """The newest of ``updates`` (the live, public updates of ``index``, an UpdateIndexPage,
    newest first), or only those tagged to ``topic``; made for one request, whose site gives
    the feed's addresses."""

    feed_type = RssWithMedia

    def __init__(self, index, request, *, updates, topic=None, feed_url):
        self.index = index
        self.updates = updates
        self.topic = topic
        self.site = Site.find_for_request(request)
        self.feed_url = feed_url
        self.language = index.locale.language_code
        self.request = request

    # The feed ----------------------------------------------------------------------------

    def title(self):
        return feed_title(self.index, self.topic)

    def link(self):
        url = self.index.get_full_url(self.request)
        return with_params(url, {"topic": self.topic.slug} if self.topic else {})

    def description(self):
        if self.topic:
            return self.topic.search_description or self.topic.listing_summary
        return (
            self.index.search_description
            or self.index.listing_summary
            or _("News, statements, letters and reports from %(site)s.")
            % {"site": settings.WAGTAIL_SITE_NAME}
        )

    def subtitle(self):  # Atom's name for the description
        return self.description()

    def feed_guid(self):
        return self.tag_uri(f"updates/topics/{self.topic.pk}" if self.topic else "updates")

    def author_name(self):
        return str(settings.WAGTAIL_SITE_NAME)

    def author_link(self):
        return self.site.root_url + "/" if self.site else None

    def items(self):
        """The updates, each with the titles of its live, public topics in the feed's language
        where they are translated (``feed_topics``): an update's tags are the topics of the
        language it was written in."""
        translated_title = Subquery(
            TopicPage.objects.live()
            .public()
            .filter(translation_key=OuterRef("translation_key"), locale_id=self.index.locale_id)
            .values("title")[:1]
        )
        topics = (
            TopicPage.objects.live()
            .public()
            .annotate(feed_title=Coalesce(translated_title, "title"))
            .order_by("feed_title")
        )
        updates = self.updates.prefetch_related(
            Prefetch("topics", queryset=topics, to_attr="feed_topics")
        )
        updates = list(updates[:FEED_LENGTH])
        self.images = self.feed_images(updates)
        return updates

    # Each update -------------------------------------------------------------------------

    def item_link(self, update):
        return update.get_full_url(self.request)

    def item_guid(self, update):
        return self.tag_uri(f"updates/{update.pk}")

    def tag_uri(self, specific):
        """A tag: URI (RFC 4151) made of the site's host and page ids, so that a feed and its
        entries keep their identity when a title, date or address changes."""
        host = self.site.hostname if self.site else self.request.get_host().split(":")[0]
        return f"tag:{host},{TAG_DATE}:{specific}"

    item_guid_is_permalink = False

    def item_description(self, update):
        """HTML: the summary (plain text, escaped) and the image's credit and licence."""
        description = format_html("<p>{}</p>", update.listing_summary)
        image = self.images.get(update.pk)
        if image:
            description += format_html("<p>{}</p>", image["credit_line"])
        return description

    def item_pubdate(self, update):
        return timezone.make_aware(datetime.datetime.combine(update.date, PUBLICATION_TIME))

    def item_updateddate(self, update):
        published = self.item_pubdate(update)
        last_change = update.last_published_at
        return last_change if last_change and last_change > published else published

    def item_categories(self, update):
        categories = [topic.feed_title for topic in update.feed_topics]
        if update.update_type:
            categories.append(update.update_type.name)
        return categories

    def item_enclosures(self, update):
        image = self.images.get(update.pk)
        if not image:
            return []
        return [feedgenerator.Enclosure(image["url"], image["length"], image["mime_type"])]

    def item_extra_kwargs(self, update):
        language = language_of(update)
        return {
            "image": self.images.get(update.pk),
            "language": language if language != self.language else "",
        }

    def feed_images(self, updates):
        """The enclosure of each update with a listing image, by update id: an absolute
        address of a JPEG rendition, its size in bytes, type, alt text and credit."""
        renditions = {}
        for update in updates:
            if update.listing_image is None:
                continue
            try:
                renditions[update.pk] = update.listing_image.get_rendition(ENCLOSURE_FILTER)
            except SourceImageIOError:  # the original is missing from storage
                continue
        sizes = file_sizes(rendition.file for rendition in renditions.values())
        root_url = (
            (self.site.root_url + "/") if self.site else self.request.build_absolute_uri("/")
        )
        images = {}
        for pk, rendition in renditions.items():
            image = rendition.image
            images[pk] = {
                "url": urljoin(root_url, rendition.url),
                "length": str(sizes.get(rendition.file.name, 0)),
                "mime_type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
                "width": rendition.width,
                "height": rendition.height,
                "alt": image.default_alt_text,
                "credit": image.credit,
                "licence": image.licence,
                "credit_line": credit_line(image),
            }
        return images


class LatestUpdatesAtomFeed(LatestUpdatesFeed):
    feed_type = AtomWithMedia

    def item_title(self, update):
        # Atom titles are plain text; RSS titles keep Django's escaping, since RSS readers
        # read them as HTML.
        return update.title


def credit_line(image):
    """The image's credit as the site shows it under the image: "<credit> · Licence: <licence>"."""
    if image.credit and image.licence:
        return _("Image credit: %(credit)s · Licence: %(licence)s") % {
            "credit": image.credit,
            "licence": image.licence,
        }
    if image.licence:
        return _("Image licence: %(licence)s") % {"licence": image.licence}
    return _("Image credit: %(credit)s") % {"credit": image.credit} if image.credit else ""


def file_sizes(files):
    """The size in bytes of each of ``files`` (stored files that never change), by name.

    Remembered in the cache: on object storage, asking a file's size is a request of its own.
    A file that cannot be found is left out."""
    files = {file.name: file for file in files}
    keys = {f"updates:feed-file-size:{name}": name for name in files}
    sizes = {keys[key]: size for key, size in cache.get_many(keys).items()}
    found = {}
    for name, file in files.items():
        if name in sizes:
            continue
        try:
            found[name] = file.size
        except OSError:
            continue
    cache.set_many(
        {f"updates:feed-file-size:{name}": size for name, size in found.items()},
        FILE_SIZE_CACHE_SECONDS,
    )
    return sizes | found


def feed_title(index, topic=None):
    """The title of the listing page the feed follows, with the site's name: "Latest updates |
    International Service for Human Rights", or "Latest updates on <topic> | …"."""
    title = index.title
    if topic:
        title = _("Latest updates on %(topic)s") % {"topic": topic.title}
    return f"{title} | {settings.WAGTAIL_SITE_NAME}"
