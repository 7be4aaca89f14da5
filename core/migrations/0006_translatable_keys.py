"""Every existing row becomes the default language's (English) version of itself, with a
translation key of its own, before the keys become required."""

from django.db import migrations

from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("core", "0005_translatable_bootstrap")]

    operations = [BootstrapTranslatableModel("core.CountryOrRegion")]
