"""The site's top-level sections, looked up once per request."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Site

from .query import in_private_section


def site_sections(request):
    """The live, public children of the request's site root page, in tree order.

    Cached on the request: the header, the footer and the links to section listings all use
    the same list."""
    if request is None:
        return []
    if not hasattr(request, "_ishr_site_sections"):
        site = Site.find_for_request(request)
        request._ishr_site_sections = (
            list(site.root_page.get_children().live().exclude(in_private_section()))
            if site
            else []
        )
    return request._ishr_site_sections


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
