"""Migrate the SQLite test database once per version of the migrations, not once per test process.

Running Wagtail's and the project's ~190 migrations takes every pytest-xdist worker several
seconds, and their result is the same until a migration (or a ``post_migrate`` handler, such as
the one that sets up the editorial groups) changes. So the first run keeps a copy of the
migrated in-memory database (in ``tests/kept.py``'s folder), named by a fingerprint of every
migration file and every ``post_migrate`` handler's source file; later runs, and the other
workers of the same run, copy it in with SQLite's backup API instead of migrating. Everything
else about creating the test database (serialising it, the cache table) is Django's own.

Tests with ``serialized_rollback=True`` (the browser tests) get the migrated database back the
same way, from a copy kept in memory, instead of Django writing back its serialised rows one by
one; this also brings back what a flush leaves alone, such as SQLite's full-text search tables.
PostgreSQL, and file-based SQLite, are migrated and written back as usual.
"""

import sqlite3
from unittest import mock

from django.core import management
from django.core.management import call_command
from django.db import connections

import pytest

from tests import kept


def is_in_memory(connection):
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def migrate_from_template(*args, **kwargs):
    """``call_command`` as Django's test database creation calls it, with ``migrate`` for an
    in-memory SQLite database answered from the kept copy when there is one."""
    name = args[0] if args else None
    connection = connections[kwargs.get("database", "default")]
    if name != "migrate" or not is_in_memory(connection):
        return call_command(*args, **kwargs)
    connection.ensure_connection()
    # One worker migrates while the others wait for its copy.
    with kept.locked("migrated"):
        template = kept.folder() / f"migrated-{kept.migrations_fingerprint()}.sqlite3"
        if template.exists():
            source = sqlite3.connect(template)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            restore_migrated_state_by_backup(connection)
            return None
        result = call_command(*args, **kwargs)
        restore_migrated_state_by_backup(connection)
        partial = template.with_suffix(".part")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        partial.replace(template)
        kept.replace_older(template, "migrated")
        return result


def restore_migrated_state_by_backup(connection):
    """Keep a copy of the just-migrated database in memory, and make ``serialized_rollback``
    write it back with SQLite's backup API: the rows Django serialised after migrating are
    those of this copy."""
    migrated = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(migrated)

    def restore(_serialized_rows):
        migrated.backup(connection.connection)

    connection.creation.deserialize_db_from_string = restore


@pytest.fixture(scope="session")
def migrated_sqlite_template():
    # Django's test database creation imports call_command when it runs.
    with mock.patch.object(management, "call_command", migrate_from_template):
        yield
