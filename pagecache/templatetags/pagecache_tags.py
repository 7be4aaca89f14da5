"""``{% depends_on page %}``: the response shows ``page`` (a card, a link with its title), so a
change to it purges the response from the caches. Images need no tag: showing one declares it.
``{% kept %}``: a fragment of a page kept between requests (a listing's cards)."""

from django import template
from django.utils import translation

from ..keys import depend_on, page_key
from ..store import digest, remember

register = template.Library()


@register.simple_tag
def depends_on(*pages):
    depend_on(*(page_key(page) for page in pages if page is not None))
    return ""


@register.tag
def kept(parser, token):
    """``{% kept name_part ... keys=keys %}…{% endkept %}``: the block's HTML, kept between
    requests (``pagecache.store.remember``) under the given name parts (and the language)
    until one of ``keys`` or of what the block declares (its cards, its images) is purged. A
    preview renders it afresh: it may show drafts."""
    bits = token.split_contents()[1:]
    keys = None
    parts = []
    for bit in bits:
        if bit.startswith("keys="):
            keys = parser.compile_filter(bit.removeprefix("keys="))
        else:
            parts.append(parser.compile_filter(bit))
    if keys is None:
        raise template.TemplateSyntaxError("{% kept %} needs keys=… (what the block lists)")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parts, keys)


class KeptNode(template.Node):
    def __init__(self, nodelist, parts, keys):
        self.nodelist = nodelist
        self.parts = parts
        self.keys = keys

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = [translation.get_language(), *(str(part.resolve(context)) for part in self.parts)]
        keys = list(self.keys.resolve(context))
        return remember(f"fragment:{digest(name)}", keys, lambda: self.nodelist.render(context))
