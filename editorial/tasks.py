"""Scheduled publishing in the background: run every minute by the worker
(``manage.py run_worker``, ``PERIODIC_TASKS``)."""

from django.core.management import call_command
from django.tasks import task


@task(backend="background")
def publish_scheduled_pages():
    """Publish the pages whose go-live time has come and unpublish those that expired
    (Wagtail's ``publish_scheduled``): each fires the page cache's purges."""
    call_command("publish_scheduled", verbosity=0)
