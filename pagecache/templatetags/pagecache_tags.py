"""``{% depends_on page %}``: the response shows ``page`` (a card, a link with its title), so a
change to it purges the response from the caches. Images need no tag: showing one declares it."""

from django import template

from ..keys import depend_on, page_key

register = template.Library()


@register.simple_tag
def depends_on(*pages):
    depend_on(*(page_key(page) for page in pages if page is not None))
    return ""
