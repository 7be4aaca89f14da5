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

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.functions import Cast

from wagtail.models import get_page_models

from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not

from core.locales import locale_codes

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
    """Wagtail's PostgreSQL search, which joins every page of the search to its index entry
    (on the page's id as text, which no index covers) before it keeps those that match: at
    100,000 updates, a scan of every page for each search. Here the pages are first narrowed to
    those whose entry matches, found through the index on ``title || body``
    (``search/migrations/0003``); the search then ranks only them, as before."""

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is None and not isinstance(self.query, (MatchAll, Not, Fuzzy)):
            search_query = self.build_tsquery(self.query, config=config)
            # Pages' entries only: other models' ids need not be numbers.
            page_types = ContentType.objects.get_for_models(*get_page_models()).values()
            matching = (
                IndexEntry.objects.filter(content_type__in=[t.pk for t in page_types])
                .annotate(vector=F("title")._combine(F("body"), "||", False))
                .filter(vector=search_query)
                .annotate(page_id=Cast("object_id", IntegerField()))
                .values("page_id")
            )
            self.queryset = self.queryset.filter(pk__in=matching)
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = MultilingualPostgresIndex
    query_compiler_class = MatchesFirstQueryCompiler

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
