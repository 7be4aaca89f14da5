"""On SQLite, the search's full-text table stems words with the Porter stemmer and ignores
accents, so that a plural finds the singular ("refugees", "refugee"; "défenseurs",
"défenseur") and "Cote" finds "Côte". The table is rebuilt with what it holds. PostgreSQL
stems each language with its own configuration (``search.backends``)."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"
TOKENIZER = "porter unicode61 remove_diacritics 2"


def stemmed_table(apps, schema_editor):
    rebuild(schema_editor, f", tokenize='{TOKENIZER}'")


def plain_table(apps, schema_editor):
    rebuild(schema_editor, "")


def rebuild(schema_editor, options):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [TABLE])
        if cursor.fetchone() is None:  # no FTS5 in this SQLite: the search uses LIKE
            return
        # The index table's triggers that keep the full-text table in step name it: they are
        # set aside while it is replaced, then put back as they were.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE %s",
            [f"%{TABLE}%"],
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.execute(
            f"CREATE VIRTUAL TABLE {TABLE}_new USING fts5(autocomplete, body, title{options})"
        )
        cursor.execute(
            f"INSERT INTO {TABLE}_new (rowid, autocomplete, body, title) "
            f"SELECT rowid, autocomplete, body, title FROM {TABLE}"
        )
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(f"ALTER TABLE {TABLE}_new RENAME TO {TABLE}")
        for _name, sql in triggers:
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(stemmed_table, plain_table)]
