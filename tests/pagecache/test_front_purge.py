"""The caches in front (Varnish) are purged as the change is committed, then by the worker
twice: at once (a Varnish that missed the first gets it), and again a moment later
(PAGE_CACHE_LOCAL_SECONDS), for a page Varnish was fetching as the change committed."""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from pagecache.purge import purge_now

pytestmark = pytest.mark.django_db


def test_the_fronts_are_purged_at_once_and_again_a_moment_later(database_queue, settings):
    settings.PAGE_CACHE_VARNISH_URLS = ["http://127.0.0.1:9/"]
    settings.PAGE_CACHE_LOCAL_SECONDS = 0.5
    before = timezone.now()

    purge_now({"p:one", "p:two"})

    queued = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [task.task_path for task in queued] == ["pagecache.purge.purge_fronts"] * 2
    assert [task.args_kwargs["args"] for task in queued] == [[["p:one", "p:two"]]] * 2
    at_once, again = queued
    assert list(DBTaskResult.objects.ready()) == [at_once]
    assert again.run_after >= before + timedelta(seconds=0.5)
    assert again.run_after <= timezone.now() + timedelta(seconds=0.5)


def test_without_fronts_nothing_is_queued(database_queue, settings):
    settings.PAGE_CACHE_VARNISH_URLS = []

    purge_now({"p:one"})

    assert not DBTaskResult.objects.exists()


def test_the_first_purge_is_sent_while_the_publish_answers(database_queue, settings):
    """No wait for the worker: the front drops the page as the change is committed."""
    received = []

    class Front(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the method's name)
            received.append(self.headers["xkey-purge"])
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Front)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.PAGE_CACHE_VARNISH_URLS = [f"http://127.0.0.1:{server.server_port}/"]
        purge_now({"p:two", "p:one"})
    finally:
        server.shutdown()

    assert received == ["p:one p:two"]
    assert DBTaskResult.objects.count() == 2, "and again by the worker, twice"
