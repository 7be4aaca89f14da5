"""The emails to subscribers, and their delivery with retries.

A subscription that owes an email says so on its row (``Subscription.owe``), saved in the same
transaction as the signup or confirmation. Once that transaction commits, the background
worker sends it (``send_due_email``); if the mail server fails, the row keeps owing it and the
worker's periodic ``send_pending_emails`` (every minute; ``send_pending_confirmations`` by
hand) tries again after ``retry_delay``, up to ``NEWSLETTER_EMAIL_MAX_ATTEMPTS`` attempts.
Each attempt first moves the next attempt time forward in one conditional UPDATE, which claims
the email: two processes never both send it, and a process that dies mid-send leaves it to be
retried. The tasks themselves are not retried by the queue: the row is what is owed.
"""

import datetime
import email.policy
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import tokens
from .models import Subscription

logger = logging.getLogger(__name__)

SUBJECTS = {
    Subscription.Email.CONFIRMATION: lambda: _("Please confirm your subscription to ISHR news"),
    Subscription.Email.WELCOME: lambda: _("Welcome to ISHR news"),
}


class WholeListHeadersPolicy(email.policy.EmailPolicy):
    """A policy that writes the ``List-*`` headers on one line, as they are.

    Python folds a header longer than 78 characters at its spaces, and one without spaces
    (a ``List-Unsubscribe`` URL with its signed token) into RFC 2047 encoded words, which mail
    programs do not decode in that header: one-click unsubscribe would not work. Our values
    are ASCII and far below RFC 5322's limit of 998 characters a line."""

    whole = ("list-unsubscribe", "list-unsubscribe-post")

    def fold(self, name, value):
        if name.lower() in self.whole and str(value).isascii():
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name, value):
        if name.lower() in self.whole and str(value).isascii():
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


class NewsletterEmail(EmailMessage):
    def message(self, *, policy=email.policy.default):
        # The same policy (SMTP line endings and all), but with the List-* headers whole.
        return super().message(policy=WholeListHeadersPolicy(**vars(policy)))


def retry_delay(attempts):
    """How long to wait after the ``attempts``-th failed attempt: NEWSLETTER_EMAIL_RETRY_SECONDS
    (a minute), then twice as long each time, at most six hours."""
    first = settings.NEWSLETTER_EMAIL_RETRY_SECONDS
    return datetime.timedelta(seconds=min(first * 2 ** max(attempts - 1, 0), 6 * 3600))


def default_base_url():
    """The site's address for links in emails sent outside a request."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def unsubscribe_urls(subscription, base_url):
    token = tokens.make_unsubscribe_token(subscription)
    return (
        base_url + reverse("newsletter:unsubscribe", args=[token]),
        base_url + reverse("newsletter:unsubscribe_one_click", args=[token]),
    )


def build_message(subscription, base_url):
    """The email ``subscription`` owes, in the language the subscriber signed up in, its links
    made absolute with ``base_url`` and leading to the pages in that language."""
    with translation.override(subscription.language or settings.LANGUAGE_CODE):
        return _build_message(subscription, base_url)


def _build_message(subscription, base_url):
    kind = subscription.email_due
    unsubscribe_url, one_click_url = unsubscribe_urls(subscription, base_url)
    context = {
        "subscription": subscription,
        "site_url": base_url + reverse("wagtail_serve", args=[""]),
        "unsubscribe_url": unsubscribe_url,
        "confirmation_days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
    }
    if kind == Subscription.Email.CONFIRMATION:
        context["confirm_url"] = base_url + reverse(
            "newsletter:confirm", args=[tokens.make_confirm_token(subscription)]
        )
    subject = SUBJECTS[kind]()
    body = render_to_string(f"newsletter/emails/{kind}.txt", context)
    return NewsletterEmail(
        subject,
        body,
        to=[subscription.email],
        headers={
            # RFC 2369 and RFC 8058: mail programs show an unsubscribe button that posts here.
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_due_email(pk, base_url=None):
    """Send the email subscription ``pk`` owes, if its attempt is due; True if it was sent.
    Never raises: a failure is logged and left for a later attempt."""
    now = timezone.now()
    subscription = (
        Subscription.objects.emails_due(now)
        .filter(pk=pk, email_attempts__lt=settings.NEWSLETTER_EMAIL_MAX_ATTEMPTS)
        .first()
    )
    if subscription is None:
        return False
    attempts = subscription.email_attempts + 1
    claimed = Subscription.objects.filter(
        pk=pk,
        email_due=subscription.email_due,
        email_due_at=subscription.email_due_at,
        email_attempts=subscription.email_attempts,
    ).update(email_due_at=now + retry_delay(attempts), email_attempts=attempts)
    if not claimed:  # another process is sending it, or the row changed meanwhile
        return False
    try:
        build_message(subscription, base_url or default_base_url()).send()
    except Exception:  # SMTP, network, DNS: every failure is retried the same way
        last = attempts >= settings.NEWSLETTER_EMAIL_MAX_ATTEMPTS
        logger.log(
            logging.ERROR if last else logging.WARNING,
            "Sending the %s email to subscription %s failed (attempt %s of %s)%s.",
            subscription.email_due,
            pk,
            attempts,
            settings.NEWSLETTER_EMAIL_MAX_ATTEMPTS,
            "; giving up" if last else "; it will be retried",
            exc_info=True,
        )
        return False
    sent = {"email_due": Subscription.Email.NONE, "email_due_at": None, "email_attempts": 0}
    if subscription.email_due == Subscription.Email.CONFIRMATION:
        sent["confirmation_sent_at"] = now
    # Unless a new email was queued meanwhile (which resets the attempts), nothing is owed now.
    Subscription.objects.filter(
        pk=pk, email_due=subscription.email_due, email_attempts=attempts
    ).update(**sent)
    return True


def send_due_emails(limit=100):
    """Send every email whose attempt is due, oldest first; returns (sent, failed)."""
    due = (
        Subscription.objects.emails_due()
        .filter(email_attempts__lt=settings.NEWSLETTER_EMAIL_MAX_ATTEMPTS)
        .order_by("email_due_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = failed = 0
    for pk in list(due):
        if send_due_email(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
