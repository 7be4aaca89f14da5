"""The search page: ``/search/?q=words&type=story&page=2``."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .forms import MAX_QUERY_LENGTH, MAX_WORDS, SearchForm
from .query import (
    RESULT_TYPES,
    RESULT_TYPES_BY_SLUG,
    BestFirst,
    SearchResult,
    count_by_type,
    named_topic,
    search_in,
    search_query,
    searchable_pages,
)

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    """Live, public topics, updates, stories and standard pages of the request's site that
    match every word of ``q``, most relevant first, ten a page, filtered by ``type``.

    Bad input never fails: text is cleaned and cut to MAX_QUERY_LENGTH characters and
    MAX_WORDS words, a page number that does not exist shows the first or last page, and an
    unknown type answers 400 with the form, a message and the types there are. Crawlers are
    asked not to index any of it."""
    form = SearchForm(request.GET)
    valid = form.is_valid()
    text = form.cleaned_data.get("q", "")
    query = search_query(text)
    site = Site.find_for_request(request)
    context = {
        "search_text": text,
        "shortened": getattr(form, "shortened", False),
        "max_query_length": MAX_QUERY_LENGTH,
        "max_words": MAX_WORDS,
        "no_words": bool(text) and query is None,
        "type_error": form.errors.get("type", [None])[0],
        # The language switcher searches the same words in the other languages.
        "language_params": {"q": text} if text else {},
    }

    if query is not None and site is not None:
        language = translation.get_language()
        counts = count_by_type(search_in(searchable_pages(site, language), query, language))
        result_type = RESULT_TYPES_BY_SLUG.get(form.cleaned_data["type"]) if valid else None
        context["type_links"] = type_links(text, counts, result_type, valid=valid)
        if valid:
            context.update(results_page(request, site, query, text, result_type, counts))

    response = TemplateResponse(
        request, "search/search.html", context, status=200 if valid else 400
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def results_page(request, site, query, text, result_type, counts):
    """The requested page of results, with what the pagination links need."""
    language = translation.get_language()
    pages = searchable_pages(site, language, result_type)
    best = (
        named_topic(pages, text) if result_type in (None, RESULT_TYPES_BY_SLUG["topic"]) else None
    )
    if best is None:
        results = search_in(pages, query, language)
    else:
        results = BestFirst(best, search_in(pages.exclude(pk=best.pk), query, language))
    paginator = Paginator(results, RESULTS_PER_PAGE)
    # The counts by type already say how many results there are: no second count query.
    paginator.count = counts[result_type.slug] if result_type else sum(counts.values())
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "searched": True,
        "result_type": result_type,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "results": [SearchResult.of(page) for page in page_obj.object_list],
        "query": search_params(text, result_type),
        "all_types_query": search_params(text),
    }


def type_links(text, counts, current, *, valid):
    """Links to all results and to each type that has some (or is the one shown), with their
    counts; ``current`` marks the one shown, none when the requested type is unknown."""
    links = [
        {
            "label": _("All results"),
            "count": sum(counts.values()),
            "url": "?" + search_params(text),
            "current": valid and current is None,
        }
    ]
    links += [
        {
            "label": result_type.plural_label,
            "count": counts[result_type.slug],
            "url": "?" + search_params(text, result_type),
            "current": result_type == current,
        }
        for result_type in RESULT_TYPES
        if counts[result_type.slug] or result_type == current
    ]
    return links


def search_params(text, result_type=None):
    params = {"q": text}
    if result_type:
        params["type"] = result_type.slug
    return urlencode(params)
