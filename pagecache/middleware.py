"""The page cache middleware: answers anonymous visitors from the app's cache, and marks what
it keeps for the caches in front (Varnish, a CDN).

Kept: the answers to ``GET`` and ``HEAD`` requests without a session cookie whose response the
app marked public (``Cache-Control: public``, see ``pagecache.responses``), with status 200 or
404, that set no cookie. Such a response may still say ``Vary: Cookie`` (it read the empty
session): it is the one every request without a session cookie gets. Everything else passes
untouched, its public mark taken back: logged-in editors, previews and share links, private
pages (they need a session), search results, forms sent back, errors.

A kept response carries its keys (``pagecache.keys``) in ``xkey`` (Varnish's xkey module),
``Surrogate-Key`` (Fastly and others) and ``Cache-Tag`` (Cloudflare), and ``X-Cache: miss``;
a response from the cache says ``X-Cache: hit`` and runs no database query. Browsers get an
``ETag`` and revalidate (``max-age=0``): a repeat visit is a 304 while the page is unchanged.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_vary_headers,
    set_response_etag,
)

from . import store
from .keys import SITE, collecting
from .responses import cache_control_of, is_private, make_private

CACHED_STATUSES = {200, 404}
# Request methods answered from the cache; HEAD shares GET's entries.
CACHED_METHODS = {"GET", "HEAD"}
# Headers a kept response is stored without: none of them belongs to every visitor.
UNKEPT_HEADERS = {"set-cookie", "x-cache", "content-length", "date"}


def _may_be_kept(request):
    """Whether the answer to ``request`` may be one every visitor is given."""
    if request.method not in CACHED_METHODS:
        return False
    # A session (a logged-in editor, a page password entered, a share link opened) may change
    # what any page shows; so may the admin's own pages.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def _is_keepable(response):
    if response.status_code not in CACHED_STATUSES or response.cookies:
        return False
    if getattr(response, "streaming", False):
        return False
    if "public" not in cache_control_of(response) or is_private(response):
        return False
    # "Vary: Cookie" is left alone: a page that reads the session (the editors' toolbar asks
    # who is logged in) varies by it, and requests with a session never reach the cache.
    return not has_vary_header(response, "*")


def _vary_only_by_encoding(response):
    """A kept response is the one every request for its address gets: its language is in the
    address, not in Accept-Language, and it is made for no session. Saying it varies by those
    would make the caches in front keep a copy per browser language."""
    vary = [
        part.strip()
        for part in response.get("Vary", "").split(",")
        if part.strip() and part.strip().lower() not in {"accept-language", "cookie"}
    ]
    del response["Vary"]
    patch_vary_headers(response, [*vary, "Accept-Encoding"])


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_be_kept(request):
            return make_private(self.get_response(request))
        # Varnish marks what it fetches with X-Varnish, and keeps the answer until the next
        # purge: it gets the page as the shared cache has it now, never a copy this process
        # kept from before another instance's purge (store.exact_versions). Anyone sending
        # the header only costs a read of the shared cache.
        if "X-Varnish" in request.headers:
            with store.exact_versions():
                return self._serve(request)
        return self._serve(request)

    def _serve(self, request):
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: Django answers it further in
            return make_private(self.get_response(request))
        # PAGE_CACHE_ENABLED turns off the app's own cache only: the keys still go out, for
        # the caches in front.
        use_store = settings.PAGE_CACHE_ENABLED
        name = store.entry_name(host, request.get_full_path())
        if use_store and (entry := store.lookup(name)) is not None:
            return self._from_entry(request, entry)

        started = time.time_ns()
        with collecting() as keys, store.rendering(started):
            response = self.get_response(request)
        if not _is_keepable(response):
            return make_private(response)

        keys.add(SITE)
        # Sorted, so that the same page carries the same header every time.
        keys = sorted(keys)
        response["xkey"] = response["Surrogate-Key"] = " ".join(keys)
        response["Cache-Tag"] = ",".join(keys)
        if not response.has_header("ETag"):
            set_response_etag(response)
        _vary_only_by_encoding(response)
        if use_store:
            entry = {
                "status": response.status_code,
                "headers": [
                    (header, value)
                    for header, value in response.items()
                    if header.lower() not in UNKEPT_HEADERS
                ],
                "content": response.content,
            }
            store.store(name, entry, keys, started)
            response["X-Cache"] = "miss"
        return self._answer(request, response)

    def _from_entry(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Cache"] = "hit"
        return self._answer(request, response)

    @staticmethod
    def _answer(request, response):
        """``response``, or a 304 where the browser's copy has its ETag (Django's rules)."""
        answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
        if answer is not response and "X-Cache" in response:
            answer["X-Cache"] = response["X-Cache"]
        return answer
