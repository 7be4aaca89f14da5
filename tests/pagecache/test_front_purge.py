"""The caches in front (Varnish) are purged twice: at once, and again once every process's own
recent copies have been read again (PAGE_CACHE_LOCAL_SECONDS). A Varnish that fetched the page
again in between may have had it from an instance whose own copy was not yet renewed, and would
otherwise keep that stale page until its next purge."""

from datetime import timedelta

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from pagecache.purge import purge_now

pytestmark = pytest.mark.django_db


def test_the_fronts_are_purged_at_once_and_again_after_the_instances_copies_expire(
    database_queue, settings
):
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
