"""Every existing row becomes the default language's (English) version of itself, with a
translation key of its own, before the keys become required."""

from django.db import migrations

from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("updates", "0003_translatable_bootstrap"), ("core", "0004_french_and_spanish_locales")]

    operations = [BootstrapTranslatableModel("updates.UpdateType"), BootstrapTranslatableModel("updates.Mechanism")]
