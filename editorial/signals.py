"""Redirects for pages that move to another site.

Wagtail creates a redirect when a page's slug changes or it moves within a site, and on
purpose not when it moves to another site. Here every page keeps its old address on the site
it left too: visitors and search engines following an old link reach the page on its new site.
"""

from django.conf import settings

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.signal_handlers import BatchRedirectCreator
from wagtail.models import Site


def redirect_from_the_site_left_behind(sender, instance, url_path_before, url_path_after, **kw):
    if not getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True):
        return
    if url_path_before == url_path_after:
        return
    roots = Site.get_site_root_paths()
    new_sites = {root.site_id for root in roots if url_path_after.startswith(root.root_path)}
    old_roots = [
        root
        for root in roots
        if root.site_id not in new_sites and url_path_before.startswith(root.root_path)
    ]
    if not old_roots:
        return
    # Like Wagtail's own redirects: an automatic redirect replaces an older automatic one, and
    # never one that an editor made or imported.
    batch = BatchRedirectCreator(max_size=2000, ignore_conflicts=True)
    # The page and every live page below it moved: each kept the part of its path below it.
    pages = instance.get_descendants(inclusive=True).live().defer_streamfields()
    for page in pages.iterator():
        old_url_path = url_path_before + page.url_path[len(url_path_after) :]
        for root in old_roots:
            batch.add(
                old_path=Redirect.normalise_path(old_url_path[len(root.root_path) - 1 :]),
                site_id=root.site_id,
                redirect_page=page,
                is_permanent=True,
                automatically_created=True,
            )
    batch.process()
