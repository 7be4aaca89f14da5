"""Shared behaviour of the index pages that list updates or stories."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


class ListingPageMixin:
    """Paginates a listing and answers bad input with a 404 that still shows the page.

    ``get_context`` puts ``listing_error`` in the context for a page number or filter value
    that does not exist; ``serve`` then keeps the page (its heading, filters and a message)
    but answers 404, so that crawlers drop the address and visitors see what went wrong.
    """

    per_page = 10

    def paginate(self, request, items):
        """The context for one page of ``items``: ``page_obj`` and ``page_range`` (numbers
        with ellipses), or ``listing_error`` when the requested page number is bad."""
        paginator = Paginator(items, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            return {
                "page_obj": None,
                "listing_error": _("There is no such page in this listing. Go to the first page."),
            }
        return {
            "page_obj": page_obj,
            "page_range": paginator.get_elided_page_range(page_obj.number),
            "listing_error": None,
        }

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("listing_error"):
            response.status_code = 404
        return response
