"""What a listing page shows for one request, as one typed value.

A listing page (``core.pages.ListingIndexPage``) turns the request's filters and page number
into a ``Listing``; its template, its canonical address, its feeds and its 404 for bad input all
read that one value, so that none of them depends on loose context keys.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _

NO_SUCH_PAGE = _("There is no such page in this listing. Go to the first page.")


@dataclass(frozen=True)
class AppliedFilter:
    """A filter the listing is narrowed by, and the listing's address without it."""

    label: str
    value: str
    remove_url: str


@dataclass(frozen=True)
class Listing:
    """One page of a listing: its items, the filters applied and their parameters, its heading,
    and the error that bad input (an unknown filter value, a page number that does not exist)
    gives instead of items."""

    url: str
    heading: str
    form: object
    error: str = ""
    page_obj: object = None
    page_range: tuple = ()
    applied: tuple[AppliedFilter, ...] = ()
    params: dict = field(default_factory=dict)
    chosen: dict = field(default_factory=dict)
    count_text: str = ""

    @property
    def items(self):
        return self.page_obj.object_list if self.page_obj is not None else []

    @property
    def query(self):
        """The applied filters as a query string, which the page links carry over."""
        return urlencode(self.params)

    @property
    def canonical_params(self):
        """The parameters of the listing's canonical address: its filters, then the page
        number when above 1; none when the listing answers with an error."""
        if self.error:
            return {}
        params = dict(self.params)
        if self.page_obj is not None and self.page_obj.number > 1:
            params["page"] = self.page_obj.number
        return params

    def chosen_object(self, name):
        """The object of the applied filter ``name`` (the topic of ``?topic=``), or None."""
        choice = self.chosen.get(name)
        return choice.obj if choice is not None else None


def with_params(url, params):
    """``url`` with ``params`` as its query string, if there are any."""
    return f"{url}?{urlencode(params)}" if params else url


def paginate(items, number, per_page, count=None):
    """``(page_obj, page_range)`` for page ``number`` of ``items``, the range with ellipses;
    ``(None, ())`` for a page number that does not exist. ``count``, if known, saves counting
    the items."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    try:
        page_obj = paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        return None, ()
    return page_obj, tuple(paginator.get_elided_page_range(page_obj.number))
