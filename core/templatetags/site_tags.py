from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

from ..i18n import UNTRANSLATED, content_languages, language_links
from ..locales import grouped, language_of
from ..navigation import section_of_type

register = template.Library()


@register.simple_tag
def nav_current(section, page):
    """The aria-current value for a header link: "page" on the section itself, "true" on a
    page below it, and nothing elsewhere. Compares tree paths, so it runs no query."""
    if page is None or not hasattr(page, "path"):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def section_url(context, page_type, **params):
    """The address of the site's top-level section of ``page_type`` ("app_label.Model"), with
    ``params`` as its query string, or "" when the site has no live, public such section.

    For example ``{% section_url "updates.UpdateIndexPage" topic=page.slug %}``."""
    request = context.get("request")
    section = section_of_type(request, page_type)
    if section is None:
        return ""
    url = section.get_url(request)
    return f"{url}?{urlencode(params)}" if params else url


@register.filter
def loading_for(position, eager_count):
    """The ``loading`` value for the image of the card at ``position`` (1-based) in a listing:
    the first ``eager_count`` cards are in view when the page opens, so they load at once."""
    return "eager" if int(position) <= int(eager_count) else "lazy"


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in each of the site's languages (see ``core.i18n.language_links``),
    with the listing's filters or the view's ``language_params`` (the search's words)."""
    request = context.get("request")
    if request is None:
        return {"languages": []}
    page = context.get("page")
    page = page if getattr(page, "translation_key", None) else None
    listing = context.get("listing")
    params = listing.params if listing is not None else context.get("language_params")
    # Django's page-not-found view gives its template the address asked for: none of the
    # languages has a page there, so the links lead to their homes.
    not_found = page is None and "request_path" in context
    return {"languages": language_links(request, page, params, homes=not_found)}


# Each language's name as it is written inside a sentence ("traduite en français").
IN_A_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "fr": pgettext_lazy("language name inside a sentence", "French"),
    "es": pgettext_lazy("language name inside a sentence", "Spanish"),
}


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """On the home page the switcher led to, a word that the page the visitor came from has no
    translation in this language yet."""
    request = context.get("request")
    if request is None:
        return {"language": None}
    source = request.GET.get(UNTRANSLATED, "")
    # The language asked for, from the address: the page shown may be in another one, when
    # that language has no home page yet.
    wanted = translation.get_language_from_path(request.path) or settings.LANGUAGE_CODE
    if source not in {code for code, _name in content_languages()} or source == wanted:
        return {"language": None}
    return {"language": IN_A_SENTENCE.get(wanted, wanted)}


@register.filter
def page_language(page):
    """The language code of ``page`` (no query: see ``core.locales``)."""
    return language_of(page)


@register.filter
def language_name(code):
    """The language of ``code``, named in itself ("Français")."""
    return translation.get_language_info(code)["name_local"].capitalize()


register.filter("grouped", grouped)


@register.simple_tag(takes_context=True)
def other_language_searches(context, text):
    """The same search in each of the site's other languages (``core.i18n.language_links``)."""
    request = context.get("request")
    if request is None or not text:
        return []
    return [link for link in language_links(request, None, {"q": text}) if not link.current]


@register.filter
def foreign_language(image):
    """The language of ``image``'s alt text and credit where it is not the page's, else None:
    ``{% picture image … lang=image|foreign_language %}`` marks them only where needed (an
    attribute set to None is left out)."""
    language = getattr(image, "language", "")
    return language if language and language != translation.get_language() else None
