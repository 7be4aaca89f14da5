"""On PostgreSQL, text search configurations that also ignore accents (``ishr_french``:
French stemming after ``unaccent``), so that "defenseur" finds "défenseur" as it does on
SQLite. ``unaccent`` is a trusted extension: a database owner may create it. Where it cannot be
created, the search uses PostgreSQL's own configurations (``search.backends``). Pages indexed
before this migration are indexed again by ``manage.py update_index``."""

import logging

from django.db import DatabaseError, migrations, transaction

BASES = ["english", "french", "spanish"]

logger = logging.getLogger(__name__)


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            for base in BASES:
                cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS ishr_{base}")
                cursor.execute(
                    f"CREATE TEXT SEARCH CONFIGURATION ishr_{base} (COPY = pg_catalog.{base})"
                )
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION ishr_{base} "
                    f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
                )
    except DatabaseError as error:
        logger.warning("Search without accent folding: %s", error)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for base in BASES:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS ishr_{base}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_stemmed_sqlite_index")]

    operations = [migrations.RunPython(create, drop)]
