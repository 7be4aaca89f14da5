"""RSS and Atom feeds of the latest updates, all of them or one topic's.

The updates listing page serves them as routes of its own (``UpdateFeedsMixin``), two or
three levels below ``feeds/``, so that they never hide an update (an update one called
"feeds" is still served at ``<listing>/feeds/``):

- ``<listing>/feeds/rss/`` and ``<listing>/feeds/atom/``: every update;
- ``<listing>/feeds/<topic-slug>/rss/`` and ``.../atom/``: the updates tagged to one topic.

Only the live listing page answers them, and only with live, public updates.
"""

import datetime
import mimetypes
from urllib.parse import urlencode, urljoin

from django.apps import apps
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404
from django.utils import feedgenerator, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

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


class RssWithMedia(MediaRSSMixin, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return self.add_media_namespace(super().rss_attributes())


class AtomWithMedia(MediaRSSMixin, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return self.add_media_namespace(super().root_attributes())


class LatestUpdatesFeed(Feed):
    """The newest live, public updates below ``index`` (an UpdateIndexPage), or only those
    tagged to ``topic``; made for one request, whose site gives the feed's addresses."""

    feed_type = RssWithMedia

    def __init__(self, index, request, *, topic=None, feed_url):
        self.index = index
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
        return f"{url}?{urlencode({'topic': self.topic.slug})}" if self.topic else url

    def description(self):
        if self.topic:
            return self.topic.search_description or self.topic.intro
        return (
            self.index.search_description
            or self.index.intro
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
        updates = apps.get_model("updates", "UpdatePage").objects.child_of(self.index)
        updates = updates.for_listing().prefetch_related(
            Prefetch(
                "topics",
                queryset=TopicPage.objects.live().public().order_by("title"),
                to_attr="feed_topics",
            )
        )
        if self.topic:
            updates = updates.filter(topics=self.topic)
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
        description = format_html("<p>{}</p>", update.summary)
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
        categories = [topic.title for topic in update.feed_topics]
        if update.update_type:
            categories.append(update.update_type.name)
        return categories

    def item_enclosures(self, update):
        image = self.images.get(update.pk)
        if not image:
            return []
        return [feedgenerator.Enclosure(image["url"], image["length"], image["mime_type"])]

    def item_extra_kwargs(self, update):
        return {"image": self.images.get(update.pk)}

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


class UpdateFeedsMixin(RoutablePageMixin):
    """The RSS and Atom feeds of an UpdateIndexPage, as routes below ``feeds/``.

    Put it first among the page's bases. RoutablePageMixin would otherwise serve the page
    itself and its previews on its own, skipping the ``serve`` and ``serve_preview`` of the
    classes after it (ListingPageMixin's 404 for a bad page number, PreviewablePageMixin's
    private previews): ``index_route`` and ``serve_preview`` hand them back.
    """

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super(RoutablePageMixin, self).serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # Routes answer for the live page only; a preview is always the page itself.
        return super(RoutablePageMixin, self).serve_preview(request, mode_name)

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
        topic = None
        if topic_slug is not None:
            topic = self.feed_topics().filter(slug=topic_slug).first()
            if topic is None:
                raise Http404(_("There is no topic with this address."))
        feed_url = self.get_full_url(request) + feed_path(route, topic)
        return feed_class(self, request, topic=topic, feed_url=feed_url)(request)

    def feed_topics(self):
        """The topics that have feeds here: the live, public topics of this page's site, the
        same ones the listing can be filtered by."""
        return TopicPage.objects.descendant_of(self.get_parent()).live().public()


def feed_path(route, topic=None):
    """A feed's address relative to its listing page's, e.g. "feeds/rss/"."""
    kwargs = {"topic": topic.slug} if topic else {}
    return UpdateFeedsMixin.get_resolver().reverse(route, **kwargs)


def feed_urls(index, request, topic=None):
    """The addresses of the RSS and Atom feeds of the updates below ``index`` (an updates
    listing page, specific or not), of all of them or of ``topic``'s, as ``{"rss", "atom"}``;
    None if ``index`` has no address on this site."""
    url = index.get_url(request)
    if url is None:
        return None
    prefix = "topic_updates" if topic else "updates"
    return {kind: url + feed_path(f"{prefix}_{kind}", topic) for kind in ("rss", "atom")}


def feed_title(index, topic=None):
    """The title of the listing page the feed follows, with the site's name: "Latest updates |
    International Service for Human Rights", or "Latest updates on <topic> | …"."""
    title = index.title
    if topic:
        title = _("Latest updates on %(topic)s") % {"topic": topic.title}
    return f"{title} | {settings.WAGTAIL_SITE_NAME}"
