"""The site's languages: which page tree a request reads, and the links between a page and its
translations (the language switcher, ``hreflang`` alternates, the sitemap).

Each language has its own tree under Wagtail's root: the English home is the site's root page,
the French and Spanish homes are its translations, and the language in the address (``/fr/``,
``/es/``, none for English) picks the tree, as Wagtail's routing does.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Page, Site

from pagecache.keys import SITE, page_key
from pagecache.store import remember

from .locales import language_of
from .query import in_private_section

# The query parameter the switcher adds when it leads to a language's home because the page
# the visitor was reading has no translation in that language.
UNTRANSLATED = "untranslated"


def activate_language_of(page, request):
    """Read ``page`` in its own language for the rest of the request: its interface strings,
    dates, ``<html lang>`` and Content-Language, whatever the address or the admin's
    language (a preview, a share link)."""
    language = language_of(page)
    translation.activate(language)
    request.LANGUAGE_CODE = language


def content_languages():
    """The site's languages as (code, name) pairs, English first."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def localized_root(request):
    """The site's home page in the request's language, as Wagtail's cached site root paths
    give it (no query): a ``SiteRootPath`` (``root_path``, ``language_code``, ...), the English
    home page's when that language has none, or None without a site."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    paths = {
        path.language_code: path for path in Site.get_site_root_paths() if path.site_id == site.pk
    }
    return paths.get(translation.get_language()) or paths.get(settings.LANGUAGE_CODE)


def live_translations(page, request=None):
    """The live, public translations of ``page`` (itself included), by language code; looked
    up once per request (the switcher and the ``hreflang`` links both ask)."""
    memo = getattr(request, "_ishr_translations", None)
    if memo is not None and page.pk in memo:
        return memo[page.pk]

    def find():
        pages = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .exclude(in_private_section())
        )
        return {language_of(translated): translated for translated in pages}

    # Kept until one of them is published, unpublished or moved (they share their key), or
    # who may see them changes (the site's key).
    translations = remember(f"translations:{page.translation_key}", [page_key(page), SITE], find)
    if request is not None:
        request._ishr_translations = {**(memo or {}), page.pk: translations}
    return translations


def link_target(page):
    """Where a link to ``page`` leads, the one rule for links in pages (calls to action,
    rich text): its live, public version in the reader's language, else in its own language;
    None when it was deleted, unpublished or made private, or is not yet published (a draft, a
    scheduled page), so that a visitor is never sent to a page they cannot open nor shown its
    address. The response depends on its versions (``live_translations``): one going live or
    coming down purges the pages that link to it."""
    if page is None:
        return None
    versions = live_translations(page)
    return versions.get(translation.get_language()) or versions.get(language_of(page))


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language
    url: str
    current: bool


def language_links(request, page=None, params=None, *, homes=False):
    """One link per language, for the switcher: to the translation of ``page``, or to that
    language's home when there is none; without a page (search, the signup form), to the same
    address in that language. ``params`` (a listing's filters, a search's words) go along to
    the pages that have a translation: a listing in another language takes its filters' values
    (a topic's slug in any language, see ``core.filters.Choice.aliases``). ``homes``: to
    each language's home page (from a page not found, whose address has no translation)."""
    current = translation.get_language()
    translations = live_translations(page, request) if page is not None and page.pk else None
    links = []
    for code, _name in content_languages():
        name = translation.get_language_info(code)["name_local"]
        with translation.override(code):
            home = reverse("wagtail_serve", args=[""])
        if homes:
            url = home
        elif translations is not None and code not in translations:
            url = f"{home}?{urlencode({UNTRANSLATED: current})}"
        else:
            if translations is None:
                url = translate_url(request.path, code)
            else:
                url = translations[code].get_url(request)
            if params:
                url = f"{url}?{urlencode(params)}"
        links.append(LanguageLink(code, name, url, code == current))
    return links


def alternates(request, page):
    """(language code, full address) of each live, public translation of ``page``, itself
    included, with ``x-default`` for the English one: empty when it has none."""
    return alternates_of(live_translations(page, request), request)


def alternates_of(translations, request):
    """The same, for a page whose live, public ``translations`` (by language code) are known."""
    if len(translations) < 2:
        return []
    links = [
        (code, translations[code].get_full_url(request))
        for code, _name in content_languages()
        if code in translations
    ]
    if settings.LANGUAGE_CODE in translations:
        links.append(("x-default", translations[settings.LANGUAGE_CODE].get_full_url(request)))
    return links


def view_alternates(request):
    """(language code, full address) of a view's own address in each language (the Join us
    form, the same at /join-us/, /fr/join-us/ and /es/join-us/), with ``x-default`` for the
    English one."""
    links = [
        (code, request.build_absolute_uri(translate_url(request.path, code)))
        for code, _name in content_languages()
    ]
    links.append(("x-default", dict(links)[settings.LANGUAGE_CODE]))
    return links
