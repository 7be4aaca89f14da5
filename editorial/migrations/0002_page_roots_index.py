"""An index on the tree's roots: Wagtail finds the root page (``depth = 1``, by path) on many
admin pages, the dashboard's included, and without it reads every page to find it."""

from django.db import migrations

INDEX = "editorial_page_roots"


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_recent_drafts_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE depth = 1",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
