"""An index on when each page was last edited: the dashboard's drafts of the last 30 days are
found through it instead of by reading every page (Wagtail's page table has none)."""

from django.db import migrations

INDEX = "editorial_page_last_edited"


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (latest_revision_created_at)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
