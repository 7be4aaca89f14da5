from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.decorators.csp import csp_override

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemaps
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core import logins
from core.routing import serve
from core.sitemaps import MultilingualSitemap
from editorial.visibility import admin_urlpatterns as restricted_admin_urlpatterns
from pagecache.keys import TREE
from pagecache.responses import cache_public

from .robots import RobotsTxtView

SITEMAPS = {"pages": MultilingualSitemap}
# The admin: first two of its views that name pages, replaced so that an editor restricted to
# one section sees nothing of the others' drafts and private pages (``editorial/visibility.py``),
# then Wagtail's own; all with the admin's Content Security Policy (settings.ADMIN_CSP).
admin_urlpatterns = decorate_urlpatterns(
    [*restricted_admin_urlpatterns, *wagtailadmin_urls.urlpatterns],
    csp_override(settings.ADMIN_CSP),
)

urlpatterns = [
    path("admin/", include(admin_urlpatterns)),
    # A collection's password form, throttled like a login (core.logins), before Wagtail's.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        logins.authenticate_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("share/", include("sharing.urls")),
    path(
        "sitemap.xml",
        cache_public(sitemaps.index, TREE),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public(sitemaps.sitemap, TREE),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", cache_public(RobotsTxtView.as_view()), name="robots_txt"),
]

# The 500 page renders without the database, which may be what failed.
handler500 = "core.errors.server_error"
# "Not found" answers are cached until a page is published, moved or redirected.
handler404 = "core.errors.page_not_found"

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What visitors read, in their language: English at the root, /fr/ and /es/ for the others.
urlpatterns += i18n_patterns(
    path("join-us/", include("newsletter.urls")),
    path("search/", include("search.urls")),
    # A protected page's password form, throttled like a login (core.logins); Wagtail's other
    # addresses (its login form for private pages), then its pages, found by
    # ``core.routing`` (Wagtail's serve view, in fewer queries).
    path(
        "_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/",
        logins.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include([url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
    prefix_default_language=False,
)
