"""Redirects for pages that move to another site.

Wagtail creates a redirect when a page's slug changes or it moves within a site, and on
purpose not when it moves to another site. Here every page keeps its old address on the site
it left too: visitors and search engines following an old link reach the page on its new site.
"""

from django.conf import settings

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site


def redirect_from_the_site_left_behind(sender, instance, url_path_before, url_path_after, **kw):
    if not getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True):
        return
    if url_path_before == url_path_after:
        return
    new_sites = {root.site_id for root in instance._get_relevant_site_root_paths()}
    old_roots = [
        root
        for root in Site.get_site_root_paths()
        if root.site_id not in new_sites and url_path_before.startswith(root.root_path)
    ]
    if not old_roots:
        return
    # The page and every page below it moved: each kept the part of its path below the page.
    for page in instance.get_descendants(inclusive=True).specific():
        old_url_path = url_path_before + page.url_path[len(url_path_after) :]
        for root in old_roots:
            Redirect.objects.update_or_create(
                old_path=Redirect.normalise_path(old_url_path[len(root.root_path) - 1 :]),
                site_id=root.site_id,
                defaults={
                    "redirect_page": page,
                    "redirect_link": "",
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )
