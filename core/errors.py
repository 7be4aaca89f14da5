"""The server error view: the site's 500 page, rendered without touching the database.

Django's ``handler500`` runs when something has already gone wrong, often the database
itself. So this view renders ``500.html`` with a plain context: no request, hence none of
the context processors (the navigation and Wagtail's settings both query), and the section
links are fixed addresses rather than pages looked up in the tree.

When what failed is the connection to the database (restarted, or out of connections), the
answer is a 503 with ``Retry-After``: the site is unavailable for a moment, which browsers,
crawlers and the caches in front take as such, and the next request connects again."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from pagecache.keys import TREE, depend_on
from pagecache.responses import cacheable

logger = logging.getLogger(__name__)

# The slugs of the demo content's and the live site's top-level sections.
SECTIONS = [
    {"title": _("Our priorities"), "url": "/topics/"},
    {"title": _("Latest updates"), "url": "/latest-updates/"},
    {"title": _("Defenders' stories"), "url": "/defenders-stories/"},
]

FALLBACK = "<!DOCTYPE html><title>Server error</title><h1>Server error (500)</h1>"
# The database's connection failed (refused, lost): the site is unavailable for a moment.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def page_not_found(request, exception, template_name="404.html"):
    """Django's 404 view, its answer kept in the page cache until what pages exist changes."""
    depend_on(TREE)
    return cacheable(defaults.page_not_found(request, exception, template_name))


@requires_csrf_token
def server_error(request, template_name="500.html"):
    unavailable = isinstance(sys.exc_info()[1], UNAVAILABLE_ERRORS)
    body = error_page(template_name, unavailable=unavailable)
    if unavailable:
        return HttpResponse(body, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return HttpResponse(body, status=500)


def error_page(template_name="500.html", *, unavailable=False):
    """The error page's HTML, in the active language: "back in a moment" if ``unavailable``.
    Also what Varnish answers with when no instance of the app can (deploy/prod.sh)."""
    try:
        # The sections' fixed addresses are the English pages': in another language the page
        # offers that language's home, search and Join us instead.
        in_english = translation.get_language() == settings.LANGUAGE_CODE
        context = {
            "sections": SECTIONS if in_english else [],
            "join_us_url": reverse("newsletter:signup"),
            "unavailable": unavailable,
        }
        return loader.get_template(template_name).render(context)
    except Exception:
        # The error page must not fail in turn: log why, and answer with a bare page.
        logger.exception("The server error page could not be rendered.")
        return FALLBACK
