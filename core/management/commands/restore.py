"""``manage.py restore BACKUP``: the database and the media folder from a file made by
``manage.py backup`` (``core/backups.py``)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from django.utils.translation import gettext as _

from core import backups


class Command(BaseCommand):
    help = _(
        "Restore the database and the media folder from a backup made by manage.py backup, "
        "into an empty database and media folder (or with --replace over what is there)."
    )
    # The database may be empty until the restore: nothing to check before it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("backup", help=_("The backup file (.tar)."))
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("Replace the database and the media folder even if they are not empty."),
        )

    def handle(self, *args, backup, replace, **options):
        try:
            found = backups.restore(
                connections["default"], backup, replace=replace, report=self.stdout.write
            )
        except DatabaseError as error:
            raise CommandError(
                _("Could not restore into the database: %(error)s") % {"error": error}
            ) from error
        self.stdout.write(_("Restored: %(counts)s.") % {"counts": backups.describe_counts(found)})
