from urllib.parse import urlencode

from django import template

from core.navigation import section_of_type

from ..models import UpdateIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_updates_url(context, topic):
    """The address of the site's updates listing filtered to ``topic``, or "" if the site
    has no live, public updates listing."""
    request = context.get("request")
    listing = section_of_type(request, UpdateIndexPage)
    if listing is None:
        return ""
    return f"{listing.get_url(request)}?{urlencode({'topic': topic.slug})}"
