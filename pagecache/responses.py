"""How a view marks its response as one every visitor may be given from a cache."""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control

from .keys import depend_on


def cacheable(response):
    """Mark ``response`` public: the page cache and the caches in front may keep it (for
    ``PAGE_CACHE_SECONDS``, purged as soon as what it shows changes), browsers keep it but ask
    again each time (a 304 while it is unchanged). A response already marked private stays so.
    Returns the response."""
    if is_private(response):
        return response
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    return response


def cache_control_of(response):
    """The directives of ``response``'s Cache-Control header, by name (lower case)."""
    return {
        part.strip().split("=", 1)[0].lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }


def is_private(response):
    return bool(cache_control_of(response) & {"private", "no-store", "no-cache"})


def make_private(response):
    """Take back a public mark: the response was made for one visitor (a logged-in editor)."""
    if "public" in cache_control_of(response):
        del response["Cache-Control"]
        patch_cache_control(response, private=True, no_cache=True)
    return response


def cache_public(view, *keys):
    """``view``, whose answers ``cacheable`` marks, showing what ``keys`` name (and the site)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        depend_on(*keys)
        return cacheable(view(request, *args, **kwargs))

    return wrapped
