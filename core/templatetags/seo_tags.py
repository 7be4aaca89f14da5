"""The page's search and sharing metadata in <head>, and its visible breadcrumbs (see core.seo).

Both render nothing outside a Wagtail page (a 404, the signup form), so that they never run a
query there."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..i18n import alternates, view_alternates
from ..seo import SeoMixin, json_for_script, share_links

register = template.Library()


def _page_and_request(context):
    page, request = context.get("page"), context.get("request")
    if isinstance(page, SeoMixin) and request is not None:
        return page, request
    return None, None


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical address, Open Graph, Twitter Card and JSON-LD of the page."""
    page, request = _page_and_request(context)
    return {"seo": page.get_meta_tags(request, context.get("listing")) if page else None}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """The page's address in each language it is published in, for search engines. A listing
    filtered or past its first page has none: its canonical address is its own, with its
    filters, and the other languages' lists are not the same pages (another topic slug, other
    items on page 2)."""
    if context.get("same_in_every_language") and context.get("request") is not None:
        return {"alternates": view_alternates(context["request"])}
    page, request = _page_and_request(context)
    listing = context.get("listing")
    if listing is not None and (listing.canonical_params or listing.error):
        return {"alternates": []}
    return {"alternates": alternates(request, page) if page and page.pk else []}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the page's parent, on every page below the home page.
    The page itself is left out: its title is the heading just below, and a long title said
    twice would push the page's text out of a phone's first screen. (Its structured data, the
    BreadcrumbList, names the page too.)"""
    page, request = _page_and_request(context)
    return {"crumbs": page.get_breadcrumbs(request)[:-1] if page else []}


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_this(context, heading):
    """Links to share the page under ``heading`` ("Share this update"): its canonical address
    (the live one, also in a share link's preview) and its title, the same for every visitor.
    Nothing for a page without an address yet."""
    page, request = _page_and_request(context)
    url = page.get_canonical_url(request) if page else ""
    return {"heading": heading, "links": share_links(url, page.title) if url else []}


@register.filter
def json_ld(data):
    """``data`` in a JSON-LD script element, escaped so that no value can end the element."""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(json_for_script(data))
    )
