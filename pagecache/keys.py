"""What a response shows, as cache keys, collected while it renders.

Every response the page cache keeps carries the keys of what it shows; a change to any of them
purges it, wherever it is kept (the app's cache, Varnish, a CDN). The keys are short strings:

- ``p:<translation>`` a page, shown as itself or as a card, a link or a name elsewhere. Every
  language's version of a page has the same key, so that a change to one purges them all.
- ``t:<translation>`` the pages tagged to a topic, as a topic page and its feed list them: an
  update newly tagged to the topic purges it.
- ``i:<id>`` an image (its renditions, its credit and licence).
- ``updates``, ``stories``, ``topics`` the listings of each kind (the sections, home, feeds,
  filter choices): anything of that kind published, unpublished, moved or deleted.
- ``snippets`` the update types, mechanisms, countries and sessions listings and pages name.
- ``tree`` what depends on which pages exist: the sitemap and the "not found" answers.
- ``site`` every cached response: the header, footer and settings they all show.

Keys are collected per request in a context variable (one per thread or task), opened by the
page cache middleware for the requests it may keep, and read back when the response is done.
Outside such a request ``depend_on`` does nothing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

SITE = "site"
TREE = "tree"
SNIPPETS = "snippets"
# The topics there are: listings filter by them, the Join us form offers them.
TOPICS = "topics"

_collected = ContextVar("pagecache_keys", default=None)


@contextmanager
def collecting():
    """Collect the keys ``depend_on`` is given inside the block; yields the set."""
    keys = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def depend_on(*keys):
    """Record that the response being rendered shows what ``keys`` name."""
    collected = _collected.get()
    if collected is not None:
        collected.update(key for key in keys if key)


def translation_key_of(page):
    """The part of a page's keys shared by its translations (a short prefix of Wagtail's
    ``translation_key``: a clash only purges one page more than needed)."""
    return page.translation_key.hex[:12]


def page_key(page):
    return f"p:{translation_key_of(page)}"


def topic_members_key(topic):
    return f"t:{translation_key_of(topic)}"


def image_key(image):
    return f"i:{image.pk}"
