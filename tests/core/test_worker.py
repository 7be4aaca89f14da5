"""The background worker (``manage.py run_worker``) outlives a database outage."""

import time
from io import StringIO

from django.core.management import call_command
from django.db import OperationalError, connection

import pytest
from django_tasks_db.models import DBTaskResult

from newsletter.tasks import forget_closed_rate_limits


class DatabaseDown:
    """Every query refused for ``seconds``, as by a database that is restarting."""

    def __init__(self, seconds):
        self.until = time.monotonic() + seconds
        self.refused = 0

    def __call__(self, execute, sql, params, many, context):
        if time.monotonic() < self.until:
            self.refused += 1
            raise OperationalError("connection refused (the database is restarting)")
        return execute(sql, params, many, context)


# The worker commits as it goes: the test's database must see it as another process would.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_waits_out_a_database_outage_then_runs_what_was_queued(database_queue, caplog):
    queued = forget_closed_rate_limits.enqueue()
    outage = DatabaseDown(seconds=1)

    with connection.execute_wrapper(outage):
        call_command("run_worker", "--batch", stdout=StringIO())

    assert outage.refused > 1  # it tried more than once, and did not stop at the first
    assert DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL"
    assert "The database is unavailable" in caplog.text
