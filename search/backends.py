"""The site's search backend: Wagtail's database search, with each language's stemming on
PostgreSQL.

PostgreSQL indexes every page (and translatable snippet) with its own language's text search
configuration, and searches with the visitor's, so that "refugees" finds "refugee",
"défenseurs" finds "défenseur" and "defensores" finds "defensora". SQLite's full-text index
(``search/migrations/0001``) has only the English Porter stemmer and folds accents: on a site
run on embedded defaults a plural in -s finds its singular in all three languages, but not
other forms (French and Spanish feminines, plurals in -x or -es), which PostgreSQL finds."""

import copy
import functools
import hashlib
from collections import Counter, OrderedDict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Exists, F, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.db.models.sql.where import WhereNode

from wagtail.models import get_page_models

from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not

from core.locales import locale_codes
from pagecache.keys import SITE, TREE
from pagecache.store import remember

# PostgreSQL's text search configuration of each language; other languages use "simple".
TEXT_SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}


@functools.cache
def _unaccented_configurations():
    """The names of the configurations that fold accents too (``search/migrations/0002``)
    that this database has."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'ishr_%%'")
        return {name for (name,) in cursor.fetchall()}


def text_search_config(language):
    """The configuration that indexes and searches ``language``: its stemming, and accents
    folded where the database has the project's configurations."""
    base = TEXT_SEARCH_CONFIGS.get(language, "simple")
    return f"ishr_{base}" if f"ishr_{base}" in _unaccented_configurations() else base


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index ``objs`` language by language, each with its language's configuration."""
        by_language = {}
        codes = locale_codes()
        for obj in objs:
            language = codes.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
            by_language.setdefault(language, []).append(obj)
        for language, group in by_language.items():
            PostgresIndex(self.backend.for_language(language)).add_items(model, group)


class MatchesFirstQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's PostgreSQL search ranks every page that matches, and finds them by joining
    every page of the search to its index entry: at 100,000 updates, a word half the site has
    took a third of a second. Here the search ranks only the newest matches, at most the
    backend's ``max_ranked`` and one more (which tells that there are more), found first:

    - when few entries match (``few_matches`` at most, in every language), the matching
      entries are read through the index on ``title || body`` (``search/migrations/0003``),
      and their pages newest first;
    - otherwise the pages are walked newest first (``search/migrations/0004``), each looked
      up in the index entries by its id, until enough match: a few hundred lookups for a
      word many pages have.

    The search then ranks them as Wagtail's does, fetched by their ids alone."""

    few_matches = 1000
    # The newest matches, when a wider search of the same words found them all already.
    known_matches = None

    @property
    def ranks_newest(self):
        """Whether this search ranks its newest matches only: a search of the whole index
        entries for words, not of some fields, nor of everything."""
        return self.fields is None and not isinstance(self.query, (MatchAll, Not, Fuzzy))

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.ranks_newest:
            whole, newest = self.queryset, self.newest_matches(config, backend.max_ranked)
            # The newest matches passed every filter of the search already: asked for by id
            # alone, the database fetches each one by its primary key.
            self.queryset = whole.all()
            self.queryset.query.where = WhereNode()
            self.queryset = self.queryset.filter(pk__in=[pk for pk, _type in newest])
            try:
                return super().search(config, start, stop, score_field, backend)
            finally:
                self.queryset = whole
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def newest_matches(self, config, limit):
        """The newest pages of the search that match, at most ``limit`` and one more, as
        (id, content type id) pairs; found once for the results and for their counts by type
        (``NewestMatchesResults``), and kept until a page is published, unpublished, moved
        or deleted (``pagecache.keys.TREE``) or the site changes (view restrictions among
        others): a word many people search for is looked up once."""
        if self.known_matches is not None:
            return self.known_matches
        if config not in self._newest:
            matching = IndexEntry.objects.alias(
                vector=F("title")._combine(F("body"), "||", False)
            ).filter(vector=self.build_tsquery(self.query, config=config))
            entry = matching.filter(
                content_type_id=OuterRef("content_type_id"),
                object_id=Cast(OuterRef("pk"), CharField(max_length=50)),
            )
            walk = self.queryset.filter(Exists(entry))
            sql, params = walk.values("pk").query.sql_with_params()
            digest = hashlib.sha256(repr((sql, params, limit)).encode()).hexdigest()

            def newest(pages, *fields):
                pages = pages.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
                return list(pages.values_list("pk", "content_type_id", *fields)[: limit + 1])

            def find():
                # The pages of the first entries that match, if no more than few_matches do
                # (then they are all the matches), told by counting those entries alongside:
                # one query, and one more to count them when none of their pages is searched.
                few = matching.filter(content_type_id__in=page_content_type_ids())[
                    : self.few_matches + 1
                ]
                pages = self.queryset.filter(
                    pk__in=few.values(page_id=Cast("object_id", IntegerField()))
                ).annotate(
                    matching=Subquery(
                        IndexEntry.objects.filter(pk__in=few.values("pk"))
                        .annotate(count=Func(F("pk"), function="COUNT"))
                        .values("count")
                    )
                )
                found = newest(pages, "matching")
                matches = found[0][2] if found else few.count()
                if matches > self.few_matches:
                    return newest(walk)
                return [(pk, content_type) for pk, content_type, _matching in found]

            self._newest[config] = remember(f"search:{digest}", [TREE, SITE], find, shown=False)
        return self._newest[config]

    @functools.cached_property
    def _newest(self):
        return {}


def ranks_newest(compiler):
    """Whether ``compiler`` ranks only the newest matches. Wagtail's autocomplete (the admin's
    page search) compiles with its own class, which ranks every match as before."""
    return getattr(compiler, "ranks_newest", False)


class NewestMatchesResults(PostgresSearchResults):
    def reuse_matches(self, wider, keep):
        """Take the matches of ``wider``, a search of the same words through more pages, that
        ``keep(id, content type id)`` accepts, if they are all its matches (no more than are
        ranked): this search then looks up none of its own."""
        compiler, theirs = self.query_compiler, wider.query_compiler
        if ranks_newest(compiler) and ranks_newest(theirs):
            limit = self.backend.max_ranked
            matches = theirs.newest_matches(theirs.get_config(wider.backend), limit)
            if len(matches) <= limit:
                compiler.known_matches = [match for match in matches if keep(*match)]

    def facet(self, field_name):
        """The number of results of each page type, counted from the newest matches, which
        are all the results (no query); other facets as Wagtail counts them."""
        compiler = self.query_compiler
        if field_name != "content_type_id" or not ranks_newest(compiler):
            return super().facet(field_name)
        newest = compiler.newest_matches(
            compiler.get_config(self.backend), self.backend.max_ranked
        )
        return OrderedDict(Counter(content_type for _pk, content_type in newest).most_common())


def page_content_type_ids():
    """The content types of every page model (Django keeps them once looked up)."""
    return [t.pk for t in ContentType.objects.get_for_models(*get_page_models()).values()]


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = MultilingualPostgresIndex
    query_compiler_class = MatchesFirstQueryCompiler
    results_class = NewestMatchesResults
    # A search ranks at most this many of its newest matches (``MatchesFirstQueryCompiler``).
    max_ranked = 200

    def __init__(self, params):
        super().__init__(params)
        self.language = settings.LANGUAGE_CODE

    @property
    def config(self):
        return text_search_config(self.language)

    @config.setter
    def config(self, value):
        """PostgreSQL's backend sets one configuration for every page; this one's depends on
        the language."""

    def for_language(self, language):
        """This backend as it searches ``language``'s pages (and indexes them)."""
        backend = copy.copy(self)
        backend.language = language
        return backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)


def search_backend(language):
    """The search backend as it searches pages in ``language``."""
    backend = get_search_backend()
    return backend.for_language(language) if hasattr(backend, "for_language") else backend
