"""Every signup is stored before any email is sent and survives a failing mail server: the
email is queued after the commit for the background worker, and retried by it every minute
(or by ``send_pending_confirmations``)."""

import datetime
import smtplib
from io import StringIO
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from newsletter.emails import retry_delay, send_due_email
from newsletter.models import Subscription
from tests.newsletter.test_signup import form_data, link_in, sign_up

pytestmark = pytest.mark.django_db

LOCMEM_SEND = "django.core.mail.backends.locmem.EmailBackend.send_messages"


def mail_server_down():
    return mock.patch(LOCMEM_SEND, side_effect=smtplib.SMTPConnectError(421, "down"))


def come_back_later(minutes):
    """Make every owed email look as if its next attempt was ``minutes`` ago."""
    Subscription.objects.exclude(email_due="").update(
        email_due_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_no_email_is_sent_before_the_signup_is_committed(client, tree):
    response = client.post("/join-us/", form_data())  # the test's transaction never commits

    assert response.status_code == 302
    assert mail.outbox == []
    subscription = Subscription.objects.get()
    assert subscription.email_due == Subscription.Email.CONFIRMATION


def test_a_failing_mail_server_keeps_the_signup_and_the_visitor_sees_success(
    client, tree, django_capture_on_commit_callbacks, caplog
):
    with mail_server_down():
        response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/join-us/thanks/"
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.email_due == Subscription.Email.CONFIRMATION
    assert subscription.email_attempts == 1
    assert subscription.email_due_at > timezone.now()
    assert subscription.confirmation_sent_at is None
    assert mail.outbox == []
    assert "it will be retried" in caplog.text


def test_the_command_sends_the_email_once_the_mail_server_is_back(
    client, tree, django_capture_on_commit_callbacks
):
    with mail_server_down():
        sign_up(client, django_capture_on_commit_callbacks)

    call_command("send_pending_confirmations", stdout=StringIO())
    assert mail.outbox == [], "not before the retry delay"

    come_back_later(minutes=1)
    out = StringIO()
    call_command("send_pending_confirmations", stdout=out)

    assert len(mail.outbox) == 1
    assert link_in(mail.outbox[0], "confirm").startswith("/join-us/confirm/")
    assert "http://testserver/join-us/confirm/" in mail.outbox[0].body
    assert "1 sent" in out.getvalue()
    subscription = Subscription.objects.get()
    assert subscription.email_due == "" and subscription.email_attempts == 0
    assert subscription.confirmation_sent_at is not None
    call_command("send_pending_confirmations", stdout=StringIO())
    assert len(mail.outbox) == 1, "sent once"


def test_retries_wait_longer_each_time_and_give_up_after_the_last_attempt(
    client, tree, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_EMAIL_MAX_ATTEMPTS = 3
    with mail_server_down():
        sign_up(client, django_capture_on_commit_callbacks)
        for _ in range(4):
            come_back_later(minutes=1)
            call_command("send_pending_confirmations", stdout=StringIO())

    subscription = Subscription.objects.get()
    assert subscription.email_attempts == 3
    assert subscription.email_due == Subscription.Email.CONFIRMATION
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 20)] == [60, 120, 240, 21600]
    come_back_later(minutes=1)
    call_command("send_pending_confirmations", stdout=StringIO())
    assert mail.outbox == []


def test_the_first_retry_waits_as_long_as_the_setting_says_then_twice_as_long_each_time(settings):
    settings.NEWSLETTER_EMAIL_RETRY_SECONDS = 2

    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 20)] == [2, 4, 8, 21600]


def test_a_failed_welcome_email_is_retried_too(client, tree, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    with mail_server_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mail.outbox[0], "confirm"))

    assert response.status_code == 302
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED
    come_back_later(minutes=1)
    call_command("send_pending_confirmations", stdout=StringIO())
    assert mail.outbox[-1].subject == "Welcome to ISHR news"


def test_an_email_is_sent_by_one_process_only(client, tree):
    """The attempt is claimed in one conditional UPDATE: a second sender finds nothing due."""
    client.post("/join-us/", form_data())
    pk = Subscription.objects.get().pk

    assert send_due_email(pk) is True
    assert send_due_email(pk) is False
    assert len(mail.outbox) == 1


# The worker ends its loop as a request does, closing the connection it would hold open in a
# transaction: the test commits for real, as the worker's database sees it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_signup_only_queues_its_email_for_the_worker(
    client, tree, database_queue, django_capture_on_commit_callbacks
):
    """The visitor never waits for the mail server: the request stores the signup and queues
    the email; the background worker sends it."""
    sign_up(client, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert DBTaskResult.objects.ready().count() == 1

    call_command("run_worker", "--batch", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert Subscription.objects.get().email_due == ""


# The worker ends its loop as a request does, closing the connection it would hold open in a
# transaction: the test commits for real, as the worker's database sees it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_tries_again_the_emails_that_failed(
    client, tree, database_queue, django_capture_on_commit_callbacks
):
    with mail_server_down():
        sign_up(client, django_capture_on_commit_callbacks)
        call_command("run_worker", "--batch", stdout=StringIO())
    assert mail.outbox == []
    come_back_later(minutes=5)

    call_command("run_worker", "--batch", stdout=StringIO())

    assert len(mail.outbox) == 1
