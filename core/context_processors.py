from django.utils.functional import SimpleLazyObject

from .navigation import site_sections


def navigation(request):
    """The header's and footer's sections: top-level pages marked "show in menus".

    Lazy, so that a response that shows no navigation runs no query for it."""
    return {
        "menu_sections": SimpleLazyObject(
            lambda: [page for page in site_sections(request) if page.show_in_menus]
        )
    }
