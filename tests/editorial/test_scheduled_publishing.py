"""Scheduled publishing: a page approved with a go-live date in the future goes live when
``publish_scheduled`` runs after that date, and a page past its expiry date is taken down."""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from updates.models import UpdatePage

pytestmark = pytest.mark.django_db


def schedule(update, go_live_at):
    update.go_live_at = go_live_at
    revision = update.save_revision()
    revision.publish()
    return revision


def let_the_time_come(revision):
    """Move the revision's go-live time a minute into the past, as if the time had come."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_a_scheduled_update_waits_then_goes_live_on_its_topic_page(tree, client):
    update = tree.add_update("Scheduled statement", [tree.migrants], live=False)
    revision = schedule(update, timezone.now() + datetime.timedelta(hours=2))

    call_command("publish_scheduled", stdout=StringIO())
    update.refresh_from_db()
    assert not update.live
    assert "Scheduled statement" not in client.get(tree.migrants.url).content.decode()

    let_the_time_come(revision)
    call_command("publish_scheduled", stdout=StringIO())

    update.refresh_from_db()
    assert update.live
    assert "Scheduled statement" in client.get(tree.migrants.url).content.decode()


def test_an_expired_update_is_taken_down(tree, client):
    update = tree.add_update("Time-limited call", [tree.migrants])
    UpdatePage.objects.filter(pk=update.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled", stdout=StringIO())

    update.refresh_from_db()
    assert not update.live and update.expired
    assert "Time-limited call" not in client.get(tree.migrants.url).content.decode()
    assert client.get(update.url).status_code == 404


# The worker ends its loop as a request does, closing the connection it would hold open in a
# transaction: the test commits for real, as the worker's database sees it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_publishes_what_is_scheduled(tree, database_queue):
    update = tree.add_update("Published by the worker", [tree.migrants], live=False)
    revision = schedule(update, timezone.now() + datetime.timedelta(hours=1))
    let_the_time_come(revision)
    out = StringIO()

    call_command("run_worker", "--batch", stdout=out)

    update.refresh_from_db()
    assert update.live
    assert "every 60 seconds" in out.getvalue()
    assert not DBTaskResult.objects.ready().exists()  # every task queued was run


def test_the_worker_refuses_a_nonsense_interval(tree):
    err = StringIO()
    call_command("run_worker", "--every", "0", stdout=StringIO(), stderr=err)
    assert "more than 0 seconds" in err.getvalue()


def database_for_another_process(tmp_path):
    """The test database's address for a process started by the test: a file copy of an
    in-memory SQLite database, or the test database itself on PostgreSQL."""
    connection = connections["default"]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = tmp_path / "db.sqlite3"
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db
def test_the_worker_stops_cleanly_on_sigterm(tmp_path):
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "ishr_site.settings.dev",
        "DATABASE_URL": database_for_another_process(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, "manage.py"]
    process = subprocess.Popen(
        [*manage, "run_worker"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert "every 60 seconds" in process.stdout.readline()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        process.kill()
