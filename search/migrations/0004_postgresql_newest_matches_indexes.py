"""On PostgreSQL, two indexes on Wagtail's pages for the search's newest matches
(``search.backends.MatchesFirstQueryCompiler``): the pages newest first, which a search for a
word many pages have walks until enough match; and each page's id as text, which Wagtail's
search index names its pages by, so that the few matches of a rarer word find their pages
without reading every page."""

from django.db import migrations

INDEXES = {
    "ishr_page_newest_published": "(first_published_at DESC NULLS LAST, id DESC)",
    "ishr_page_id_as_text": "(((id)::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_postgresql_search_vector_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
