from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def navigation(request):
    """The header's sections: the live, public, in-menu children of the site's home page.

    Lazy, so that pages which do not show the header (feeds, errors) run no query for it."""

    def sections():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(site.root_page.get_children().live().public().in_menu())

    return {"site_sections": SimpleLazyObject(sections)}
