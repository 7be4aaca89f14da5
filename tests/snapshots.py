"""Database snapshots for fixtures that are slow to build and the same for every test: build once
per test process, then write back in milliseconds for each test that asks.

``Snapshot.build(make)`` runs ``make()`` in a transaction, reads every table it changed, and
rolls back; ``snapshot.restore()`` writes those tables back as ``make()`` left them.
``restore_or_build(key, build)`` does both for a fixture, and hands out fresh objects; with
``kept=True`` the snapshot, and the media files the build wrote, are also kept on disk
(``tests/kept.py``) for the other workers and the next runs, until the code changes. A test's
changes are undone after it (rolled back, or the database flushed for ``transactional_db`` and
``live_server`` tests, which need ``serialized_rollback=True`` so that the root page and default
site made by migrations come back), so each test starts from the migrated database and restores
what it needs on top.
"""

import datetime
import platform
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, router, transaction
from django.db.models import Model

from wagtail.models import Site

from tests import kept


@dataclass(frozen=True)
class Table:
    model: type
    name: str
    columns: tuple
    pk: str

    def read(self):
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(map(quote, self.columns))} FROM {quote(self.name)} "
                f"ORDER BY {quote(self.pk)}"
            )
            return cursor.fetchall()


def managed_tables():
    """Every table Django creates for the installed models, many-to-many ones included, in the
    order their models are registered: a table filled by a trigger (SQLite's full-text search
    index, from Wagtail's search entries) comes after the table that fills it."""
    tables = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.can_migrate(connection) and router.allow_migrate_model(connection.alias, model):
            columns = tuple(field.column for field in meta.local_concrete_fields)
            tables.append(Table(model, meta.db_table, columns, meta.pk.column))
    return tables


def content_types():
    """The content types as they are now: a flushed database (a transactional test without
    ``serialized_rollback``) gets them back under new ids, which older snapshots' rows do not
    point to."""
    return tuple(ContentType.objects.order_by("pk").values_list("pk", "app_label", "model"))


def media_files():
    """The files in the media folder, by their names in storage."""
    media = Path(settings.MEDIA_ROOT)
    return {path.relative_to(media) for path in media.rglob("*") if path.is_file()}


@dataclass(frozen=True)
class Snapshot:
    """The rows of the tables a build changed, what the build returned (``result``), the
    content types it was built on; for a kept snapshot, the media files the build wrote
    (``files``) and the kept folder holding their copies (``folder``)."""

    tables: tuple
    result: object
    content_types: tuple = ()
    files: tuple = ()
    folder: Path | None = None

    @classmethod
    def build(cls, make):
        tables = managed_tables()
        built_on = content_types()
        with transaction.atomic():
            before = {table: table.read() for table in tables}
            result = make()
            changed = tuple(
                (table, rows) for table in tables if (rows := table.read()) != before[table]
            )
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()
        return cls(changed, result, built_on)

    def fits(self):
        """Whether the snapshot can be written back: the content types have not changed."""
        return content_types() == self.content_types

    def restore(self):
        """Write the tables back as the build left them, in a transaction of its own (committed
        when the test has none)."""
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, rows in self.tables:
                cursor.execute(f"DELETE FROM {quote(table.name)}")
                if rows:
                    columns = ", ".join(map(quote, table.columns))
                    values = ", ".join(["%s"] * len(table.columns))
                    cursor.executemany(
                        f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({values})", rows
                    )
            # Rows come back with their ids: the next id a sequence gives (on PostgreSQL) must
            # follow them.
            models = [table.model for table, _ in self.tables]
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        # Wagtail caches the sites' root paths, and clears them when a site is saved: these
        # rows were written without saving anything.
        Site.clear_site_root_paths_cache()
        self.put_back_files()
        return self.result

    def put_back_files(self):
        """Link the kept media files the rows name into this process's media folder, where
        they are missing (a new process, or a test deleted one)."""
        for name in self.files:
            kept.put_back(self.folder, name)

    def keep(self, path, files):
        """Write the snapshot, and copies of ``files`` from the media folder, to the folder
        ``path``; return the snapshot as ``load`` will read it."""
        state = {
            "tables": [(table.name, rows) for table, rows in self.tables],
            "result": self.result,
            "content_types": self.content_types,
            "files": sorted(str(name) for name in files),
        }
        kept.keep_folder(path, state, files)
        return Snapshot.load(path)

    @classmethod
    def load(cls, path):
        """The snapshot kept in the folder ``path``, or None if there is none."""
        state = kept.load(path / kept.STATE)
        if state is None:
            return None
        tables = {table.name: table for table in managed_tables()}
        return cls(
            tuple((tables[name], rows) for name, rows in state["tables"]),
            state["result"],
            state["content_types"],
            tuple(state["files"]),
            path,
        )


@dataclass(frozen=True)
class Ref:
    """A model instance in a snapshot's result, fetched anew after each restore."""

    model: type
    pk: object


def freeze(value):
    """``value`` with its model instances replaced by ``Ref``s (inside namespaces, dicts,
    lists and tuples), so that each restore hands out fresh objects."""
    if isinstance(value, Model):
        return Ref(type(value), value.pk)
    if isinstance(value, SimpleNamespace):
        return (type(value), {name: freeze(item) for name, item in vars(value).items()})
    if isinstance(value, dict):
        return {name: freeze(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(freeze(item) for item in value)
    return value


def thaw(value):
    if isinstance(value, Ref):
        return value.model.objects.get(pk=value.pk)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], type):
        namespace, attributes = value
        if issubclass(namespace, SimpleNamespace):
            return namespace(**{name: thaw(item) for name, item in attributes.items()})
    if isinstance(value, dict):
        return {name: thaw(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(thaw(item) for item in value)
    return value


_snapshots = {}


def restore_or_build(key, build, *, kept=False):
    """What ``build()`` makes and returns, built into a snapshot the first time this process
    asks for ``key`` and written back every time after: for a fixture, on top of the fixtures
    it depends on (restored before it). Model instances in the result are fetched anew.

    ``kept=True`` is for a build that stands on the migrated database alone: the snapshot is
    kept on disk, built by one worker while the others wait, and read by them and by the next
    runs until the code changes (``kept_name``)."""
    if key not in _snapshots or not _snapshots[key].fits():
        _snapshots[key] = kept_snapshot(key, build) if kept else build_snapshot(build)
    return thaw(_snapshots[key].restore())


def build_snapshot(build):
    return Snapshot.build(lambda: freeze(build()))


def kept_name(key):
    """The kept copy's name: the key and the database (one copy for each), and a fingerprint
    of what decides the snapshot: the migrated database, the project's code and content, the
    locked dependencies, Python and the day (the rows carry the time they were saved)."""
    fingerprint = kept.digest(
        kept.migrations_fingerprint(),
        platform.python_version(),
        datetime.date.today().isoformat(),
        files=kept.source_files(),
    )
    return f"snapshot-{key.replace(' ', '-')}-{connection.vendor}", fingerprint


def kept_snapshot(key, build):
    stem, fingerprint = kept_name(key)
    path = kept.folder() / f"{stem}-{fingerprint}"
    with kept.locked(stem):
        snapshot = Snapshot.load(path)
        if snapshot is not None and snapshot.fits():
            # Now, while no other run can replace the kept copy.
            snapshot.put_back_files()
            return snapshot
        before = media_files()
        snapshot = build_snapshot(build)
        snapshot = snapshot.keep(path, media_files() - before)
        kept.replace_older(path, stem)
        return snapshot
