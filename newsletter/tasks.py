"""The newsletter's background work, run by the worker (``manage.py run_worker``): the email a
signup or a confirmation owes; every minute, those whose earlier attempt failed, and the
forgetting of the signup limits' closed windows."""

from django.tasks import task

from .emails import send_due_email, send_due_emails
from .ratelimit import forget_closed_windows


@task(backend="background")
def send_email(subscription_pk, base_url):
    """The email subscription ``subscription_pk`` owes, with links to ``base_url``."""
    send_due_email(subscription_pk, base_url=base_url)


@task(backend="background")
def send_pending_emails():
    """Every email whose next attempt is due (1, 2, 4… minutes after a failure)."""
    send_due_emails()


@task(backend="background")
def forget_closed_rate_limits():
    """Delete the counts of signup limits whose window has closed."""
    forget_closed_windows()
