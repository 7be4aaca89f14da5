"""Run Wagtail's ``publish_scheduled`` every minute, for hosts without cron.

Pages approved with a go-live date in the future are published, and pages whose expiry date
has passed are unpublished, within a minute of the time the editor set. Run it as one extra
long-lived process next to the web server (``make run`` does). Each tick also sends the
newsletter emails still owed (``send_pending_confirmations``). A failed run is logged and
retried on the next tick; SIGTERM or Ctrl+C stop the loop between runs.
"""

import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = _("Publish and unpublish scheduled pages every minute (or every --interval seconds).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help=_("Seconds between runs (default 60)."),
        )
        parser.add_argument(
            "--max-runs",
            type=int,
            default=None,
            help=_("Stop after this many runs (default: run until stopped)."),
        )

    def handle(self, *args, interval, max_runs, **options):
        if interval < 1:
            self.stderr.write(_("--interval must be at least 1 second."))
            return
        stopping = threading.Event()
        signals = (signal.SIGTERM, signal.SIGINT)
        previous = {
            signum: signal.signal(signum, lambda *_args: stopping.set()) for signum in signals
        }
        try:
            self.run(stopping, interval, max_runs)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def run(self, stopping, interval, max_runs):
        self.stdout.write(
            _("Publishing scheduled pages every %(interval)s seconds.") % {"interval": interval}
        )
        runs = 0
        while not stopping.is_set():
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception:  # keep the schedule running through a database hiccup
                logger.exception("Publishing scheduled pages failed; trying again next time.")
            try:  # newsletter emails whose first attempt failed (newsletter app)
                call_command("send_pending_confirmations", stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("Sending newsletter emails failed; trying again next time.")
            runs += 1
            if max_runs is not None and runs >= max_runs:
                break
            stopping.wait(interval)
            # Like the end of a request: drop a connection that broke or is past its age.
            close_old_connections()
