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
    ranked_at_most,
    search_in,
    search_query,
    search_within,
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
        everything = search_in(searchable_pages(site, language), query, language)
        counts = count_by_type(everything)
        total = sum(counts.values())
        # More matches than are ranked: the counts are of the newest matches only, which
        # need not hold every type; every type is offered then, without a count.
        if more_than(total, language):
            counts = dict.fromkeys(counts)
        result_type = RESULT_TYPES_BY_SLUG.get(form.cleaned_data["type"]) if valid else None
        context["type_links"] = type_links(text, counts, result_type, valid=valid)
        if valid:
            count = total if result_type is None else counts[result_type.slug]
            context.update(
                results_page(request, site, query, text, result_type, count, everything)
            )

    response = TemplateResponse(
        request, "search/search.html", context, status=200 if valid else 400
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def more_than(count, language):
    """The number of matches ranked, if ``count`` is more: the search ranked the newest."""
    limit = ranked_at_most(language)
    return limit if limit is not None and count > limit else None


def results_page(request, site, query, text, result_type, count, everything):
    """The requested page of results, with what the pagination links need. ``count`` is
    their number, known from the counts by type (no second count query), or None when the
    search must count them; ``everything`` is the search of every type, which they are
    unless a type or a topic's name narrows them (searched once, counted and shown)."""
    language = translation.get_language()
    pages = searchable_pages(site, language, result_type)
    best = (
        named_topic(pages, text) if result_type in (None, RESULT_TYPES_BY_SLUG["topic"]) else None
    )
    if best is None and result_type is None:
        results = everything
    else:
        content_type_id = result_type.content_type_id if result_type else None
        best_id = best.pk if best else None
        rest = search_within(
            everything,
            pages if best is None else pages.exclude(pk=best_id),
            query,
            language,
            keep=lambda pk, content_type: (
                content_type_id in (None, content_type) and pk != best_id
            ),
        )
        results = rest if best is None else BestFirst(best, rest)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if count is not None:
        paginator.count = count
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "searched": True,
        "more_than": more_than(paginator.count, language),
        "result_type": result_type,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "results": [SearchResult.of(page) for page in page_obj.object_list],
        "query": search_params(text, result_type),
        "all_types_query": search_params(text),
    }


def type_links(text, counts, current, *, valid):
    """Links to all results and to each type that has some (or is the one shown), with their
    counts (every type, and no count, when a count is None); ``current`` marks the one shown,
    none when the requested type is unknown."""
    counted = None not in counts.values()
    links = [
        {
            "label": _("All results"),
            "count": sum(counts.values()) if counted else None,
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
        if counts[result_type.slug] or result_type == current or not counted
    ]
    return links


def search_params(text, result_type=None):
    params = {"q": text}
    if result_type:
        params["type"] = result_type.slug
    return urlencode(params)
