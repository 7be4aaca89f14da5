"""The site's other content languages, French and Spanish, as Wagtail locales: English, the
default, is created by Wagtail's own migrations."""

from django.db import migrations

LANGUAGES = ["fr", "es"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language in LANGUAGES:
        Locale.objects.get_or_create(language_code=language)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_sitesettings"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
