"""The background worker: runs the tasks queued on the "background" database queue (newsletter
emails, purges of the caches in front) and, every minute, queues the ``PERIODIC_TASKS``
(scheduled publishing, newsletter emails to try again).

One long-lived process beside the web servers (``make run`` and ``make prod`` start it). Several
may run: each task is claimed by one. SIGTERM or Ctrl+C stop it once the current task is done.
While the database is unavailable (restarting, out of connections) it waits and tries again,
rather than stopping: nobody would start it again.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

BACKEND = "background"
# Seconds between two tries while the database does not answer.
DATABASE_RETRY_SECONDS = 1


def queue_periodic_tasks():
    """Queue each of ``PERIODIC_TASKS`` once; a failure is logged, the others still go."""
    for path in settings.PERIODIC_TASKS:
        try:
            import_string(path).enqueue()
        except Exception:  # a database hiccup: the next tick tries again
            logger.exception("Could not queue %s; trying again next time.", path)
    close_old_connections()


class Command(BaseCommand):
    help = _("Run the background tasks, and queue the periodic ones every minute.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=60,
            help=_("Seconds between two queueings of the periodic tasks (default 60)."),
        )
        parser.add_argument(
            "--poll",
            type=float,
            default=0.2,
            help=_("Seconds to wait for a new task when the queue is empty (default 0.2)."),
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help=_("Queue the periodic tasks once, run every task due, then stop."),
        )

    def handle(self, *args, every, poll, batch, **options):
        if every <= 0 or poll <= 0:
            self.stderr.write(_("--every and --poll must be more than 0 seconds."))
            return
        worker = Worker(
            queue_names=["*"],
            excluded_queue_names=[],
            interval=poll,
            batch=batch,
            backend_name=BACKEND,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
        )
        # SIGTERM and Ctrl+C now let the current task finish, then stop the worker.
        worker.configure_signals()
        self.stdout.write(
            _("Running the background tasks; the periodic ones every %(every)g seconds.")
            % {"every": every}
        )
        queue_periodic_tasks()
        stopping = threading.Event()
        if not batch:
            threading.Thread(target=self.tick, args=(stopping, every), daemon=True).start()
        try:
            self.run_through_outages(worker)
        finally:
            stopping.set()
            worker.reset_signals()

    @staticmethod
    def run_through_outages(worker):
        """Run ``worker`` until it stops, starting it again after each failure of the database.
        A task cut short by the failure stays claimed; the emails it owed are retried anyway
        (``newsletter.emails``), and scheduled pages are found again on the next tick."""
        while True:
            try:
                worker.run()
                return
            except (OperationalError, InterfaceError) as error:
                logger.warning(
                    "The database is unavailable (%s); trying again in %s s.",
                    str(error).strip(),
                    DATABASE_RETRY_SECONDS,
                )
            # A broken connection is dropped, and the next query opens a new one.
            close_old_connections()
            time.sleep(DATABASE_RETRY_SECONDS)

    @staticmethod
    def tick(stopping, every):
        while not stopping.wait(every):
            queue_periodic_tasks()
