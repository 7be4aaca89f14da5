"""The app's page cache: responses kept in Django's cache (Redis when ``REDIS_URL`` is set,
shared by every worker and instance), each valid while the keys it shows are unchanged.

Each key has a version in the cache, the time it was last purged. An entry records the
versions of its keys when it was stored, and is a hit only while they are all the same:
purging a key changes its version, and every entry that shows it is stale at once, whatever
else it shows. A version that the cache has lost (evicted) is made anew, which makes stale every
entry that relied on the old one; a purge that lands while a response renders keeps that
response out of the cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

ENTRY_PREFIX = "pagecache:entry:"
VERSION_PREFIX = "pagecache:key:"


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def entry_name(host, full_path):
    digest = hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()
    return ENTRY_PREFIX + digest


def _version_names(keys):
    return {VERSION_PREFIX + key: key for key in keys}


def lookup(name):
    """The entry stored under ``name`` if every key it shows is unchanged, else None."""
    cache = _cache()
    entry = cache.get(name)
    if entry is None:
        return None
    versions = entry["versions"]
    current = cache.get_many([VERSION_PREFIX + key for key in versions])
    for key, version in versions.items():
        if current.get(VERSION_PREFIX + key) != version:
            return None
    return entry


def store(name, entry, keys, started_ns):
    """Keep ``entry`` (a dict: status, headers, content) under ``name``, unless one of its
    ``keys`` was purged since ``started_ns`` (when the response began to render)."""
    cache = _cache()
    names = _version_names(keys)
    current = cache.get_many(list(names))
    for missing in names.keys() - current.keys():
        # Never purged, or evicted: a new version, older than this response.
        cache.add(missing, started_ns, timeout=None)
    if len(current) < len(names):
        current = cache.get_many(list(names))
    if len(current) < len(names) or any(version > started_ns for version in current.values()):
        return False
    cache.set(
        name,
        {**entry, "versions": {names[version_name]: v for version_name, v in current.items()}},
        timeout=settings.PAGE_CACHE_SECONDS,
    )
    return True


def purge_keys(keys):
    """Make stale every entry that shows one of ``keys``."""
    if keys:
        now = time.time_ns()
        _cache().set_many({VERSION_PREFIX + key: now for key in keys}, timeout=None)
