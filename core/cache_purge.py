"""What to purge from the page cache (``pagecache``) when content changes.

- A page published, unpublished (scheduled or not), moved or deleted: its own keys
  (``BasePage.cache_purge_keys``: the page wherever it shows in any language, the listings of
  its kind, the topics it is tagged to, the sitemap and "not found" answers), and those of the
  pages below it when it moves (their addresses change with it).
- An image changed or deleted: every response that shows it (its credit, its renditions).
- A snippet (update type, mechanism, session, country): the pages and listings that name them.
- The site's settings, its languages, its sites, its redirects or who may see a page: all.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from pagecache.keys import SITE, SNIPPETS, image_key
from pagecache.purge import purge, purge_addresses

from .models import CustomImage


def purge_page(page, *, with_descendants=False):
    """The page's keys (and its descendants' ones, whose addresses move with it); with a CDN
    in front, the addresses it affects too. A page of no project type (Wagtail's root) has
    none."""
    page = page.specific_deferred if type(page) is Page else page
    pages = [page]
    if with_descendants:
        pages = page.get_descendants(inclusive=True).specific(defer=True)
    purge(set().union(*(p.cache_purge_keys() for p in pages if hasattr(p, "cache_purge_keys"))))
    if getattr(settings, "WAGTAILFRONTENDCACHE", None) and hasattr(page, "cache_purge_addresses"):
        purge_addresses(page.cache_purge_addresses())


def on_publish_or_unpublish(sender, instance, **kwargs):
    purge_page(instance)


def on_move(sender, instance, **kwargs):
    purge_page(instance, with_descendants=True)


def on_page_delete(sender, instance, **kwargs):
    # Before the rows go: the keys read the page's topics. Deleting a page deletes its
    # specific row too, which comes here as well: the plain Page needs nothing of its own.
    if isinstance(instance, Page) and type(instance) is not Page and instance.live:
        purge_page(instance)


def on_image_change(sender, instance, **kwargs):
    purge({image_key(instance)})


def on_snippet_change(sender, instance, **kwargs):
    if sender in get_snippet_models():
        purge({SNIPPETS})


def on_site_wide_change(sender, instance, **kwargs):
    if issubclass(sender, SITE_WIDE_MODELS):
        purge({SITE})


SITE_WIDE_MODELS = (
    BaseGenericSetting,
    BaseSiteSetting,
    Locale,
    Site,
    Redirect,
    PageViewRestriction,
)


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_move, dispatch_uid="pagecache_moved")
    pre_delete.connect(on_page_delete, dispatch_uid="pagecache_page_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(on_image_change, sender=CustomImage, dispatch_uid=f"pagecache_image_{name}")
        signal.connect(on_snippet_change, dispatch_uid=f"pagecache_snippet_{name}")
        signal.connect(on_site_wide_change, dispatch_uid=f"pagecache_site_{name}")
