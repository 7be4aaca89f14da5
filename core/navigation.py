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


def section_of_type(request, model):
    """The first top-level section of the given page type, or None."""
    content_type = ContentType.objects.get_for_model(model)
    return next(
        (page for page in site_sections(request) if page.content_type_id == content_type.pk),
        None,
    )
