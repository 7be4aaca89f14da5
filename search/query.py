"""What the site search looks through, and how a visitor's words become a search query."""

import datetime
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search.query import Or, PlainText

from core.locales import locale_id_of
from core.query import ListingPageQuerySet
from home.models import StandardPage
from stories.models import StoryPage
from topics.models import TopicPage
from updates.models import UpdatePage

from .backends import search_backend

# Letters and digits. Punctuation, quotes, "*", emoji and the like only separate words: they
# never reach the search backend, whose query syntax (SQLite FTS5, PostgreSQL tsquery) they
# could break.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ResultType:
    """A kind of page the search finds, named in the address by ``slug`` (``?type=story``)."""

    slug: str
    model: type[Page]
    label: str
    plural_label: str

    @property
    def content_type_id(self):
        return ContentType.objects.get_for_model(self.model).pk  # cached by Django


RESULT_TYPES = (
    ResultType("topic", TopicPage, _("Topic"), _("Topics")),
    ResultType("update", UpdatePage, _("Update"), _("Updates")),
    ResultType("story", StoryPage, _("Defender’s story"), _("Defenders’ stories")),
    ResultType("page", StandardPage, _("Page"), _("Other pages")),
)
RESULT_TYPES_BY_SLUG = {result_type.slug: result_type for result_type in RESULT_TYPES}


@dataclass(frozen=True)
class SearchResult:
    """One result as the results page shows it: what the page shows in listings (``core.pages``),
    so that a story shows what its card shows, never a protected defender's name."""

    page: Page
    type: ResultType

    @classmethod
    def of(cls, page):
        return cls(page, next(t for t in RESULT_TYPES if isinstance(page, t.model)))

    @property
    def date(self):
        value = self.page.listing_date
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value)
        return value

    @property
    def summary(self):
        return self.page.listing_summary or self.page.search_description


def search_query(text):
    """The search query for ``text``, or None if it holds no word to search for.

    Every word must match; an upper-case OR between words finds pages with either side
    (``Geneva OR Nairobi statement``)."""
    alternatives = [[]]
    for word in WORD.findall(text):
        if word == "OR":
            alternatives.append([])
        else:
            alternatives[-1].append(word)
    subqueries = [PlainText(" ".join(words), operator="and") for words in alternatives if words]
    if not subqueries:
        return None
    return subqueries[0] if len(subqueries) == 1 else Or(subqueries)


def searchable_pages(site, language, result_type=None):
    """The live, public pages of the search's types on ``site``'s tree in ``language`` (or of
    ``result_type`` alone), fetched as specific pages without their StreamFields (one query per
    page type).

    The search backends accept only filters on the fields a model indexes with
    ``index.FilterField``: the project's ``public()`` and the language's tree (below the
    translation of the site's root in that language) are correlated subqueries on no such field,
    so they are applied through the page ids (``id`` is one)."""
    pages = (
        ListingPageQuerySet(Page)
        .public()
        .below_any_translation_of(site.root_page)
        .filter(locale_id=locale_id_of(language))
        .values("pk")
    )
    page_types = [result_type.model] if result_type else [t.model for t in RESULT_TYPES]
    return (
        Page.objects.live().filter(pk__in=pages).type(*page_types).specific().defer_streamfields()
    )


def search_in(pages, query, language):
    """``pages`` matching ``query``, most relevant first, with ``language``'s stemming: on
    PostgreSQL the most relevant of the newest ``ranked_at_most(language)`` and one more."""
    return search_backend(language).search(query, pages)


def search_within(wider, pages, query, language, keep):
    """``pages`` matching ``query``, as ``search_in``; they are some of ``wider``'s (the same
    words searched through more pages), those ``keep(id, content type id)`` accepts, and the
    matches ``wider`` found are reused where the backend can."""
    results = search_in(pages, query, language)
    if hasattr(results, "reuse_matches"):
        results.reuse_matches(wider, keep)
    return results


def ranked_at_most(language):
    """How many matches a search ranks at most, the newest, or None where it ranks them all
    (SQLite); a search that finds more says so (``search.backends``)."""
    return getattr(search_backend(language), "max_ranked", None)


def count_by_type(results):
    """The number of ``results`` of each type, by slug, from one grouped query."""
    counts = results.facet("content_type_id")
    return {t.slug: counts.get(t.content_type_id, 0) for t in RESULT_TYPES}


def named_topic(pages, text):
    """The topic among ``pages`` whose title is ``text`` (whatever its case), or None: the
    results show it first, since the full-text ranking of SQLite cannot favour a page type
    and a long update that repeats a topic's name can outrank the topic."""
    if not WORD.search(text):
        return None
    # Narrowed to the topics' rows first (by their content type, which is indexed): the
    # database would otherwise compare the title of every page of the site.
    topics = TopicPage.objects.filter(
        content_type=ContentType.objects.get_for_model(TopicPage),
        title__iexact=text.strip(),
        pk__in=pages.type(TopicPage).values("pk"),
    )
    return topics.order_by("pk").first()


class BestFirst:
    """Search results with ``best`` (one of them, left out of ``rest``) shown first: a
    sequence the paginator can slice and count."""

    def __init__(self, best, rest):
        self.best, self.rest = best, rest

    def count(self):
        return 1 + self.rest.count()

    def __getitem__(self, items):
        start, stop = items.start or 0, items.stop
        if start == 0:
            return [self.best, *self.rest[0 : stop - 1]]
        return list(self.rest[start - 1 : stop - 1])
