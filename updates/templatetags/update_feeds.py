"""Where the feeds of updates are announced: ``{% feed_links %}`` in every page's <head>, and
``{% topic_feeds %}`` and ``{% listing_feeds %}`` for visible links on a topic page and on the
updates listing."""

from django import template

from wagtail.models import PageViewRestriction, Site

from core.navigation import section_of_type
from topics.models import TopicPage

from ..feeds import feed_title
from ..models import UpdateIndexPage

register = template.Library()


@register.inclusion_tag("updates/feed_links.html", takes_context=True)
def feed_links(context):
    """The <link rel="alternate"> elements of the feeds that fit the page being shown: all
    updates on the home page and the updates listing, and a topic's updates on that topic's
    page and on the listing filtered by it. Nothing where no feed fits."""
    request = context.get("request")
    page = context.get("page")
    if request is None or getattr(page, "pk", None) is None:
        return {"feeds": []}
    feeds = []
    if isinstance(page, UpdateIndexPage) or _is_site_home(request, page):
        feeds.append(_feeds(request))
    topic = _listing_topic(context) if isinstance(page, UpdateIndexPage) else page
    if isinstance(topic, TopicPage) and (topic is not page or _is_public(context, topic)):
        feeds.append(_feeds(request, topic))
    return {"feeds": [feed for feed in feeds if feed]}


@register.simple_tag(takes_context=True)
def topic_feeds(context, topic):
    """The RSS and Atom addresses of ``topic``'s updates, as ``{"rss": …, "atom": …}``, or
    None when it has none (a draft or private topic, or a site without a public listing).

    For example ``{% topic_feeds page as feeds %}``."""
    request = context.get("request")
    if request is None or topic.pk is None or not _is_public(context, topic):
        return None
    return _feeds(request, topic)


@register.simple_tag(takes_context=True)
def listing_feeds(context):
    """On the updates listing, the RSS and Atom addresses of what it shows: the updates of the
    topic it is filtered by (already checked by its filter form), else all updates.

    For example ``{% listing_feeds as feeds %}``."""
    request = context.get("request")
    if request is None or not isinstance(context.get("page"), UpdateIndexPage):
        return None
    return _feeds(request, _listing_topic(context))


def _listing_topic(context):
    """The topic the updates listing being shown is filtered by, if any."""
    listing = context.get("listing")
    return listing.chosen_object("topic") if listing is not None else None


def _feeds(request, topic=None):
    """The title and addresses of the site's feed of all updates, or of ``topic``'s."""
    index = section_of_type(request, UpdateIndexPage)
    urls = UpdateIndexPage.feed_urls(index, request, topic) if index is not None else None
    return {"title": feed_title(index, topic), **urls} if urls else None


def _is_site_home(request, page):
    site = Site.find_for_request(request)
    return site is not None and page.pk == site.root_page_id


def _is_public(context, topic):
    """Whether ``topic`` is live and public, as the feeds require: the page being shown may be
    a preview of a draft, or a private page shown to a logged-in visitor. Remembered on
    ``topic``: the <head> and the page's own link both ask."""
    if not hasattr(topic, "_has_feeds"):
        topic._has_feeds = _served_to_anyone(context, topic) or (
            TopicPage.objects.filter(pk=topic.pk).live().public().exists()
        )
    return topic._has_feeds


def _served_to_anyone(context, page):
    """True when ``page`` is the live page being served to a visitor who has passed no view
    restriction (not logged in, no page password entered): Wagtail serves such a visitor
    public pages only, so ``page`` is public and no query is needed to tell."""
    request = context["request"]
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return (
        page is context.get("page")
        and page.live
        and not getattr(request, "is_preview", False)
        and user is not None
        and not user.is_authenticated
        and session is not None
        and not session.get(PageViewRestriction.passed_view_restrictions_session_key)
    )
