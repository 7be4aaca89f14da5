"""The sitemap: the live, public pages of every language's tree of the request's site, each
with its translations as ``hreflang`` alternates, in pages of ``limit`` addresses listed by a
sitemap index (``/sitemap.xml``), so that no page of it grows with the site."""

from collections import defaultdict

from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pagecache.keys import TREE
from pagecache.store import remember

from .locales import language_of


class MultilingualSitemap(Sitemap):
    # Search engines take up to 50,000; smaller pages each answer in a bounded time.
    limit = 5_000

    @cached_property
    def paginator(self):
        """Django's paginator, its count kept until a page is published, unpublished, moved or
        deleted (the index asks how many sitemap pages there are)."""
        paginator = super().paginator
        site = self.get_wagtail_site()
        paginator.count = remember(f"sitemap-count:{site.pk}", [TREE], self.items().count)
        return paginator

    def get_latest_lastmod(self):
        """None: the index lists the sitemap pages without a date (Django would read every
        page of the site to find the latest)."""
        return None

    def items(self):
        """The pages below the site's home page and below its translations, in tree order."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for home in homes:
            in_a_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Each page's entries, its translations learnt from the other pages of the same
        sitemap page (``sitemap_translations``) rather than by a query each: a sitemap page
        holds up to 50,000 addresses, so all of a small site's languages are together."""
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(dict)
        for item in pages:
            by_key[item.translation_key][language_of(item)] = item
        urls = []
        for item in pages:
            item.sitemap_translations = by_key[item.translation_key]
            urls.extend(item.get_sitemap_urls(self.request))
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
