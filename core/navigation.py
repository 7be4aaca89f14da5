"""The site's top-level sections, looked up once per request."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from pagecache.keys import SITE
from pagecache.store import remember

from .i18n import localized_root
from .query import in_private_section


def site_sections(request):
    """The live, public children of the site's home page in the request's language, in tree
    order.

    Cached on the request: the header, the footer and the links to section listings all use
    the same list."""
    if request is None:
        return []
    if not hasattr(request, "_ishr_site_sections"):
        root = localized_root(request)
        request._ishr_site_sections = (
            # Kept between requests until the home page or a section changes, or who may see
            # them (the page cache's "site" key).
            remember(
                f"sections:{root.site_id}:{root.language_code}",
                (SITE,),
                lambda: list(
                    Page.objects.filter(
                        # Each language's home may have the same slug, and so the same url_path.
                        locale__language_code=root.language_code,
                        url_path__startswith=root.root_path,
                        depth=depth(root.root_path) + 1,
                    )
                    .live()
                    .exclude(in_private_section())
                    .order_by("path")
                ),
            )
            if root
            else []
        )
    return request._ishr_site_sections


def depth(url_path):
    """The tree depth of the page at ``url_path`` ("/" is Wagtail's root, at depth 1)."""
    return url_path.count("/")


def section_of_type(request, page_type):
    """The first top-level section of ``page_type``, or None: a page model, or its label
    ("updates.UpdateIndexPage") where the caller may not import it (a template in ``core``).
    Django caches content types, so this runs no query of its own."""
    if isinstance(page_type, str):
        app_label, model_name = page_type.lower().split(".", 1)
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    else:
        content_type = ContentType.objects.get_for_model(page_type)
    return next(
        (page for page in site_sections(request) if page.content_type_id == content_type.pk),
        None,
    )
