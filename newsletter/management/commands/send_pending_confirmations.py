"""Send the newsletter emails still owed: confirmation requests and welcome emails whose first
attempt failed (mail server down, network error) or whose retry is due.

``publish_scheduled_loop`` runs it every minute; it can also run from cron. Each failure waits
longer before the next attempt (1, 2, 4… minutes, at most six hours), up to
``NEWSLETTER_EMAIL_MAX_ATTEMPTS`` attempts.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from newsletter.emails import send_due_emails


class Command(BaseCommand):
    help = _("Send the newsletter confirmation and welcome emails whose sending is due.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=100,
            help=_("Send at most this many emails in one run (default 100)."),
        )

    def handle(self, *args, limit, **options):
        sent, not_sent = send_due_emails(limit=max(limit, 0))
        if sent or not_sent or options["verbosity"] > 1:
            self.stdout.write(
                _("Newsletter emails: %(sent)s sent, %(not_sent)s left for a later attempt.")
                % {"sent": sent, "not_sent": not_sent}
            )
