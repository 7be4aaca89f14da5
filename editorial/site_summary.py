"""The dashboard's site summary, with the number of pages kept between visits.

Wagtail counts every page below the editor's root on each visit of the dashboard: a read of the
whole page table (15 ms at 100,000 updates). The count is kept until a page is saved or deleted
(``dashboard.forget_saved_pages``), which is when it can change."""

from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page, Site

from pagecache.store import remember

from .dashboard import PAGES_SAVED


class KeptPagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N Pages" item: the pages below the editor's root (the tree's root, a page
    short, for those who may explore all of it), linking to the site's home page where there
    is one site."""

    def get_context_data(self, parent_context):
        details = get_site_for_user(self.request.user)
        root = details["root_page"]
        count = 0
        if root is not None:
            count = remember(
                f"dashboard:page-count:{root.pk}",
                [PAGES_SAVED],
                lambda: Page.objects.descendant_of(root, inclusive=True).count(),
                shown=False,
            )
            if root.is_root():
                count -= 1
                sites = list(Site.objects.select_related("root_page")[:2])
                if len(sites) == 1:
                    root = sites[0].root_page
        return {"root_page": root, "total_pages": count, "site_name": details["site_name"]}


def keep_the_page_count(request, summary_items):
    summary_items[:] = [
        KeptPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in summary_items
    ]
