from urllib.parse import urlencode

from django import template

from wagtail.models import Site

from ..models import UpdateIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_updates_url(context, topic):
    """The address of the site's updates listing filtered to ``topic``, or "" if the site
    has no live updates listing."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    listings = UpdateIndexPage.objects.live().public()
    if site:
        listings = listings.descendant_of(site.root_page, inclusive=True)
    listing = listings.first()
    if listing is None:
        return ""
    return f"{listing.get_url(request)}?{urlencode({'topic': topic.slug})}"
