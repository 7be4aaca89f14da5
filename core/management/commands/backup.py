"""``manage.py backup``: the database and the media folder in one file (``core/backups.py``)."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from django.utils.translation import gettext as _

from core import backups


class Command(BaseCommand):
    help = _(
        "Back up the database and the media folder into one file. It holds the subscribers' "
        "email addresses: it is readable by its owner only; keep it so."
    )
    # A backup must not wait on checks that have nothing to do with it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups",
            help=_("The folder to write the backup into (default: BACKUP_DIR, or backups/)."),
        )

    def handle(self, *args, output_dir, **options):
        try:
            path, manifest = backups.write_backup(connections["default"], output_dir)
        except DatabaseError as error:
            raise CommandError(
                _("Could not read the database: %(error)s") % {"error": error}
            ) from error
        self.stdout.write(
            _("Backed up to %(path)s: %(counts)s.")
            % {"path": path, "counts": backups.describe_counts(manifest["counts"])}
        )
        if not manifest["media"]["included"]:
            self.stdout.write(
                _(
                    "Media are not in this backup: they are in object storage, which needs a "
                    "backup of its own (versioning or replication of the bucket)."
                )
            )
        self.stdout.write(
            _(
                "The backup holds subscribers' email addresses: keep it where only those who "
                "may see them can read it."
            )
        )
