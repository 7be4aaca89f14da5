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
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

from .keys import collecting, depend_on

ENTRY_PREFIX = "pagecache:entry:"
VALUE_PREFIX = "pagecache:value:"
VERSION_PREFIX = "pagecache:key:"

# When the response being rendered began, set by the middleware: a value remembered for it must
# not count as newer than the response itself.
_rendering_since = ContextVar("pagecache_rendering_since", default=None)


def digest(value):
    """A short stand-in for ``value`` (its ``repr``) in a cache key's name."""
    return hashlib.sha256(repr(value).encode()).hexdigest()[:32]


def entry_name(host, full_path):
    return ENTRY_PREFIX + hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()


def _version_names(keys):
    return {VERSION_PREFIX + key: key for key in keys}


class _Recent:
    """This process's most recent entries and key versions, so that a hit needs no round trip
    to the shared cache. An entry is still checked against its keys' versions, which this
    process re-reads from the shared cache once they are ``PAGE_CACHE_LOCAL_SECONDS`` old: a
    purge made by another process is seen here within that time, one made here at once."""

    SIZE = 500

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.versions = {}

    def entry(self, name):
        with self.lock:
            entry = self.entries.get(name)
            if entry is not None:
                self.entries.move_to_end(name)
            return entry

    def keep(self, name, entry):
        with self.lock:
            self.entries[name] = entry
            self.entries.move_to_end(name)
            while len(self.entries) > self.SIZE:
                self.entries.popitem(last=False)

    def drop(self, name):
        with self.lock:
            self.entries.pop(name, None)

    def forget(self):
        with self.lock:
            self.entries.clear()
            self.versions.clear()


_recent = _Recent()


def forget_recent():
    """Forget this process's copies (the tests, between two of them)."""
    _recent.forget()


# Set while answering a cache in front (Varnish): what it fetches, it keeps until the next purge,
# so it must not get a copy this process kept from before another instance's purge.
_exact = ContextVar("pagecache_exact", default=False)


@contextmanager
def exact_versions():
    """Within: every key's version is read from the shared cache, none from this process's
    recent copies."""
    token = _exact.set(True)
    try:
        yield
    finally:
        _exact.reset(token)


def _current_versions(keys):
    now = time.monotonic()
    fresh_for = 0 if _exact.get() else settings.PAGE_CACHE_LOCAL_SECONDS
    current, stale = {}, []
    for key in keys:
        known = _recent.versions.get(key)
        if known is not None and now - known[1] < fresh_for:
            current[key] = known[0]
        else:
            stale.append(key)
    if stale:
        fetched = cache.get_many([VERSION_PREFIX + key for key in stale])
        for key in stale:
            version = fetched.get(VERSION_PREFIX + key)
            current[key] = version
            if version is not None:
                _recent.versions[key] = (version, now)
    return current


def _unchanged(versions):
    """Whether every key of ``versions`` (``{key: version}``, as recorded) is still there."""
    current = _current_versions(versions)
    return all(current[key] == version for key, version in versions.items())


def lookup(name):
    """The entry stored under ``name`` if every key it shows is unchanged, else None."""
    entry = _recent.entry(name)
    if entry is None:
        entry = cache.get(name)
        if entry is None:
            return None
        _recent.keep(name, entry)
    if not _unchanged(entry["versions"]):
        _recent.drop(name)
        return None
    return entry


def _versions_since(keys, started_ns):
    """``{key: version}`` of ``keys`` now, or None if one of them was purged since
    ``started_ns``."""
    names = _version_names(keys)
    current = cache.get_many(list(names))
    for missing in names.keys() - current.keys():
        # Never purged, or evicted: a new version, older than this response.
        cache.add(missing, started_ns, timeout=None)
    if len(current) < len(names):
        current = cache.get_many(list(names))
    if len(current) < len(names) or any(version > started_ns for version in current.values()):
        return None
    return {names[version_name]: version for version_name, version in current.items()}


def store(name, entry, keys, started_ns):
    """Keep ``entry`` (a dict: status, headers, content) under ``name``, unless one of its
    ``keys`` was purged since ``started_ns`` (when the response began to render)."""
    versions = _versions_since(keys, started_ns)
    if versions is None:
        return False
    entry = {**entry, "versions": versions}
    cache.set(name, entry, timeout=settings.PAGE_CACHE_SECONDS)
    _recent.keep(name, entry)
    return True


@contextmanager
def rendering(started_ns):
    token = _rendering_since.set(started_ns)
    try:
        yield
    finally:
        _rendering_since.reset(token)


def remember(name, keys, compute, *, shown=True):
    """``compute()``'s value, kept in the shared cache under ``name`` while none of ``keys``
    is purged (for a costly part of many pages, such as a listing's filter choices), nor any
    key that ``compute`` declares (``depend_on``: a fragment of a page names what it shows).
    The response being rendered shows the value, so it depends on all of them too; unless
    ``shown`` is False: a value that only helps find what the response shows (where pages lie
    in the tree), which the response declares itself. With the page cache off
    (``PAGE_CACHE_ENABLED``), computed every time."""
    if shown:
        depend_on(*keys)
    if not settings.PAGE_CACHE_ENABLED:
        return compute()
    kept = cache.get(VALUE_PREFIX + name)
    if kept is not None and _unchanged(kept["versions"]):
        if shown:
            depend_on(*kept["versions"])
        return kept["value"]
    started = _rendering_since.get() or time.time_ns()
    # A value remembered while this one is computed (a fragment's Join us topics) counts from
    # the same start, so that the keys it makes are not taken for purges made meanwhile.
    with rendering(started), collecting() as declared:
        value = compute()
    if shown:
        depend_on(*declared)
    versions = _versions_since({*keys, *declared}, started)
    if versions is not None:
        cache.set(
            VALUE_PREFIX + name,
            {"value": value, "versions": versions},
            timeout=settings.PAGE_CACHE_SECONDS,
        )
    return value


def purge_keys(keys):
    """Make stale every entry that shows one of ``keys``."""
    if keys:
        now = time.time_ns()
        cache.set_many({VERSION_PREFIX + key: now for key in keys}, timeout=None)
        checked = time.monotonic()
        for key in keys:
            _recent.versions[key] = (now, checked)
