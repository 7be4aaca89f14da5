"""The demo site for the tests that look at it: loaded once per test process, then put back in
a few milliseconds for each test that asks for it.

Loading the demo takes seconds, and a test's changes are undone after it (rolled back, or the
whole database flushed for ``transactional_db`` and ``live_server`` tests). So the first test that
asks builds the demo in a transaction, reads every table the load changed, and rolls back; each
test then gets those tables' rows written back as they were. The pictures' files stay where the
load wrote them: the media folder lasts as long as the process (see the test settings).

Transactional tests need ``serialized_rollback=True`` (as every browser test has): the demo is
built on the root page and default site that migrations create, which a flush removes.
"""

import functools
import io
from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, router, transaction

from wagtail.models import Site

import pytest

from stories.models import StoryPage

# A story whose defender's identity is protected: the demo has none, so one is protected here
# (its text already withholds her country).
PROTECTED_STORY_SLUG = "selam-building-a-collective-narrative-for-migrant-workers"


@pytest.fixture
def demo_site(db):
    """The demo site, as ``load_demo_content`` builds it, with one story's defender protected.

    Works for ``db`` tests and for ``transactional_db`` and ``live_server`` ones alike: the rows
    are written back in a transaction of their own, committed when the test has none."""
    restore_demo_site()


def restore_demo_site():
    """Write the demo's tables back as the load left them; build it first if this process has
    not yet (also for TestCase classes, from ``setUpTestData``)."""
    snapshot = demo_snapshot()
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table, rows in snapshot:
            cursor.execute(f"DELETE FROM {quote(table.name)}")
            if rows:
                columns = ", ".join(map(quote, table.columns))
                values = ", ".join(["%s"] * len(table.columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({values})", rows
                )
        # Rows come back with their ids: the next id a sequence gives (on PostgreSQL) must
        # follow them.
        for sql in connection.ops.sequence_reset_sql(no_style(), [t.model for t, _ in snapshot]):
            cursor.execute(sql)
    # Wagtail caches the sites' root paths, and clears them when a site is saved: these rows
    # were written without saving anything.
    Site.clear_site_root_paths_cache()


@functools.cache
def demo_snapshot():
    """The rows of every table that loading the demo changes, as the load leaves them.

    Built once per process, in a transaction rolled back afterwards. Tables are listed in the
    order their models are registered, so a table filled by a trigger (SQLite's full-text
    search index, from Wagtail's search entries) is written back after the table that fills it,
    and ends up exactly as it was read."""
    tables = managed_tables()
    with transaction.atomic():
        before = {table: read(table) for table in tables}
        load_demo_site()
        snapshot = [(table, rows) for table in tables if (rows := read(table)) != before[table]]
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()
    return snapshot


def load_demo_site():
    """Load the demo content, with one story's defender protected."""
    call_command("load_demo_content", stdout=io.StringIO())
    story = StoryPage.objects.get(slug=PROTECTED_STORY_SLUG)
    story.protect_identity = True
    story.save_revision().publish()


@dataclass(frozen=True)
class Table:
    model: type
    name: str
    columns: tuple
    pk: str


def managed_tables():
    """Every table Django creates for the installed models, many-to-many ones included."""
    tables = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.can_migrate(connection) and router.allow_migrate_model(connection.alias, model):
            columns = tuple(field.column for field in meta.local_concrete_fields)
            tables.append(Table(model, meta.db_table, columns, meta.pk.column))
    return tables


def read(table):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(map(quote, table.columns))} FROM {quote(table.name)} "
            f"ORDER BY {quote(table.pk)}"
        )
        return cursor.fetchall()
