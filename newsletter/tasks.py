"""The newsletter's background work, run by the worker (``manage.py run_worker``): the email a
signup or a confirmation owes, and every minute those whose earlier attempt failed."""

from django.tasks import task

from .emails import send_due_email, send_due_emails


@task(backend="background")
def send_email(subscription_pk, base_url):
    """The email subscription ``subscription_pk`` owes, with links to ``base_url``."""
    send_due_email(subscription_pk, base_url=base_url)


@task(backend="background")
def send_pending_emails():
    """Every email whose next attempt is due (1, 2, 4… minutes after a failure)."""
    send_due_emails()
