"""Scheduled publishing: a page approved with a go-live date in the future goes live when
``publish_scheduled`` runs after that date, and a page past its expiry date is taken down."""

import datetime
import os
import signal
import subprocess
import sys
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

import pytest

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


def test_the_loop_runs_publish_scheduled(tree):
    update = tree.add_update("Published by the loop", [tree.migrants], live=False)
    revision = schedule(update, timezone.now() + datetime.timedelta(hours=1))
    let_the_time_come(revision)
    out = StringIO()

    call_command("publish_scheduled_loop", "--max-runs", "1", stdout=out)

    update.refresh_from_db()
    assert update.live
    assert "every 60 seconds" in out.getvalue()


def test_the_loop_refuses_a_nonsense_interval(tree):
    err = StringIO()
    call_command("publish_scheduled_loop", "--interval", "0", stdout=StringIO(), stderr=err)
    assert "at least 1 second" in err.getvalue()


def test_the_loop_gives_back_the_signal_handlers_it_borrowed(tree):
    before = signal.getsignal(signal.SIGINT)

    call_command("publish_scheduled_loop", "--max-runs", "1", stdout=StringIO())

    assert signal.getsignal(signal.SIGINT) is before


def test_the_loop_stops_cleanly_on_sigterm(tmp_path):
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "ishr_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "publish_scheduled_loop"],
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
