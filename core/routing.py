"""Finding the page an address asks for in one query instead of two per level of the tree.

Wagtail routes a request from the site's root page down, one query for each child looked up and
one for its specific type, after looking up the site and the active locale: about seven queries
for a topic page before anything is rendered. Here:

- the site of a request is kept between requests (``pagecache.store.remember``) until a site,
  locale or setting changes;
- which page an address led to last time (its id, type and url path) is kept in the cache once
  the page has answered it, and the page is fetched from its own table in one query, with what
  it shows above the fold (``BasePage.serving_related``). The entry proves itself: it is used
  only if that page still has the same url path, so a page moved, renamed, deleted or replaced
  is routed by Wagtail again; the rest of the address (a feed) is routed by the page itself,
  and whether it is live is checked there, as Wagtail does. An address that does not answer
  200 is not kept: a visitor's made-up addresses must not fill the cache.

Then Wagtail's own ``serve`` view runs as usual (its hooks: view restrictions, the page's own
``serve``), given the route through the attributes it caches its work in
(``request._wagtail_site``, ``request._wagtail_route_for_request``).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from pagecache.keys import SITE
from pagecache.store import digest, remember

from .i18n import localized_root

ROUTE_PREFIX = "ishr:route:"
ROUTE_SECONDS = 7 * 24 * 3600


def site_for_request(request):
    """The request's site, kept between requests by host and port (Wagtail looks it up in a
    query on each one); cached on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = remember(
            f"site:{hostname}:{port}", [SITE], lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


class RoutingMiddleware:
    """Gives every request its site from the kept copy (``site_for_request``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)


def _route_name(site, root_path, components):
    return f"{ROUTE_PREFIX}{site.pk}:{root_path}:{digest(components)}"


def _depth_below(root_path, url_path):
    """How many address components lead from the root page (at ``root_path``) to
    ``url_path``."""
    return url_path.count("/") - root_path.count("/")


def _kept_route(request, entry, components):
    """The route through the page of ``entry``, or None if it no longer lies there."""
    model = ContentType.objects.get_for_id(entry["content_type"]).model_class()
    if model is None:
        return None
    pages = model.objects.filter(pk=entry["page"])
    if related := getattr(model, "serving_related", ()):
        pages = pages.select_related(*related)
    page = pages.first()
    if page is None or page.url_path != entry["url_path"]:
        return None
    # The rest of the address (a feed) is the page's to route; whether it is live too.
    return page.route(request, components[entry["depth"] :])


def route(request, path):
    """Wagtail's route for ``path`` (a ``RouteResult``, or None for "not found"), and what to
    keep of it if the page answers (the cache's name and entry), or None."""
    site = site_for_request(request)
    root = localized_root(request) if site is not None else None
    if root is None:
        return Page.route_for_request(request, path), None
    components = [component for component in path.split("/") if component]
    name = _route_name(site, root.root_path, components)
    entry = cache.get(name)
    if entry is not None:
        try:
            result = _kept_route(request, entry, components)
        except Http404:
            return None, None
        if result is not None:
            return result, None
    result = Page.route_for_request(request, path)
    if result is None or not result[0].url_path.startswith(root.root_path):
        return result, None
    page = result[0]
    entry = {
        "page": page.pk,
        "content_type": page.content_type_id,
        "url_path": page.url_path,
        "depth": _depth_below(root.root_path, page.url_path),
    }
    return result, (name, entry)


def serve(request, path):
    """Wagtail's ``serve`` view, routed as above. A route is kept once its page has answered
    it (200): an address made up by a visitor (a feed of no topic) must not fill the cache."""
    kept = None
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request, kept = route(request, path)
    response = wagtail_views.serve(request, path)
    if kept is not None and response.status_code == 200:
        cache.set(*kept, ROUTE_SECONDS)
    return response
