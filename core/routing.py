"""Finding the page an address asks for in one query instead of two per level of the tree.

Wagtail routes a request from the site's root page down, one query for each child looked up and
one for its specific type, after looking up the site and the active locale: about seven queries
for a topic page before anything is rendered. Here:

- the site of a request is kept between requests (``pagecache.store.remember``) until a site,
  locale or setting changes;
- which page a page's own address led to last time (its id, type and url path) is kept in the
  cache, and the page is fetched from its own table in one query, with what it shows above the
  fold (``BasePage.serving_related``). The entry proves itself: it is used only if that page
  still has the same url path, so a page moved, renamed, deleted or replaced is routed by
  Wagtail again; whether it is live is checked by the page, as Wagtail does. A page's routes
  (feeds) take any value in their address, so they are not kept: a visitor's made-up
  addresses must not fill the cache.

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


def page_address(page, root_path, components):
    """Whether ``components`` (below the root page at ``root_path``) are ``page``'s address."""
    return page.url_path == root_path + "".join(f"{component}/" for component in components)


def _kept_route(request, entry):
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
    return page.route(request, [])  # its own address: whether it is live, as Wagtail checks


def route(request, path):
    """Wagtail's route for ``path`` (a ``RouteResult``, or None for "not found")."""
    site = site_for_request(request)
    root = localized_root(request) if site is not None else None
    if root is None:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    name = _route_name(site, root.root_path, components)
    entry = cache.get(name)
    if entry is not None:
        try:
            result = _kept_route(request, entry)
        except Http404:
            return None
        if result is not None:
            return result
    result = Page.route_for_request(request, path)
    if result is not None and page_address(result[0], root.root_path, components):
        page = result[0]
        entry = {
            "page": page.pk,
            "content_type": page.content_type_id,
            "url_path": page.url_path,
        }
        cache.set(name, entry, ROUTE_SECONDS)
    return result


def serve(request, path):
    """Wagtail's ``serve`` view, routed as above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
