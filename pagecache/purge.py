"""Purging by key: the app's cache at once, then the caches in front (Varnish's xkey module;
CDNs by their own means) by the background worker, once the change that calls for it is
committed."""

import logging
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import store

logger = logging.getLogger(__name__)

# Varnish answers a purge at once: a slow or absent one must not hold up an editor's publish.
FRONT_TIMEOUT_SECONDS = 2
# The purge sent while the editor's publish answers: shorter still (the worker sends it again).
AT_ONCE_TIMEOUT_SECONDS = 0.5


def purge(keys):
    """Purge every cached response that shows one of ``keys``, once the current transaction
    commits (at once outside one): a response rendered before the commit would otherwise be
    cached again with what the change replaces."""
    keys = frozenset(key for key in keys if key)
    if keys:
        transaction.on_commit(lambda: purge_now(keys), robust=True)


def purge_now(keys):
    """The app's cache and the caches in front at once; the caches in front again by the
    background worker: at once (a Varnish that did not answer now gets it then), and a moment
    later (PAGE_CACHE_LOCAL_SECONDS): a page Varnish was fetching as the change committed was
    rendered before it, and no check of the keys' versions can stop an answer already under
    way. (What Varnish fetches afterwards is checked against the shared cache:
    ``store.exact_versions``.)"""
    store.purge_keys(keys)
    if settings.PAGE_CACHE_VARNISH_URLS:
        keys = sorted(keys)
        for url in settings.PAGE_CACHE_VARNISH_URLS:
            purge_varnish(url, keys, timeout=AT_ONCE_TIMEOUT_SECONDS)
        purge_fronts.enqueue(keys)
        later = timezone.now() + timedelta(seconds=settings.PAGE_CACHE_LOCAL_SECONDS)
        purge_fronts.using(run_after=later).enqueue(keys)


@task(backend="background")
def purge_fronts(keys):
    """Purge ``keys`` from every Varnish in ``PAGE_CACHE_VARNISH_URLS``."""
    for url in settings.PAGE_CACHE_VARNISH_URLS:
        purge_varnish(url, keys)


def purge_addresses(urls):
    """Purge ``urls`` from the CDN that ``WAGTAILFRONTENDCACHE`` names (Wagtail's frontend
    cache backends: Cloudflare, CloudFront…), by the background worker once the change is
    committed. A CDN purges by address; the keys go out to it as headers all the same."""
    urls = sorted({url for url in urls if url})
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: purge_cdn.enqueue(urls), robust=True)


@task(backend="background")
def purge_cdn(urls):
    purge_urls_from_cache(urls)


def purge_varnish(url, keys, timeout=None):
    """Ask the Varnish at ``url`` to drop what carries any of ``keys`` (``deploy/varnish``'s
    VCL answers ``PURGE`` with an ``xkey-purge`` header)."""
    named = " ".join(sorted(keys))
    request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": named})
    try:
        with urllib.request.urlopen(request, timeout=timeout or FRONT_TIMEOUT_SECONDS) as response:
            response.read()
    except OSError as error:  # refused, timed out, or an HTTP error (URLError is an OSError)
        logger.error("Varnish at %s did not purge %s: %s", url, named, error)
