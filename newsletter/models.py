"""Join us: subscriptions to the organisation's newsletter, with double opt-in.

A visitor's signup is stored as a pending subscription and a confirmation email is owed; the
subscription is confirmed only when its owner follows the signed link in that email and presses
the button. One row per email address (normalised to lower case), whatever happens to it:
signing up again, confirming twice or unsubscribing never adds a row.

Emails are an outbox on the row itself (``email_due``, ``email_due_at``, ``email_attempts``):
the row that owes an email is saved first, the email is sent after the transaction commits,
and a failed send is retried later by ``send_pending_confirmations`` (see ``emails.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from topics.models import TopicPage


class SubscriptionQuerySet(models.QuerySet):
    def with_topics(self):
        """Each subscription with its source page and its topics in two queries in all, for the
        admin listing and its spreadsheet export."""
        return self.select_related("source_page").prefetch_related(
            Prefetch("topics", queryset=TopicPage.objects.only("pk", "title").order_by("title"))
        )

    def sign_up(self, *, email, topics, source_page, consent_version, language=""):
        """Record a signup from the form; returns the subscription and whether a confirmation
        email is now owed (the caller sends it once the transaction commits).

        A new or unsubscribed address becomes pending and is sent a confirmation; a pending one
        takes the new topics and is sent the confirmation again. A confirmed subscription is
        left as it is: a form anyone can fill in with anyone's address must not change what
        its owner confirmed, and the visitor is told the same thing either way.
        """
        now = timezone.now()
        subscription, _created = self.select_for_update().get_or_create(
            email=normalise_email(email)
        )
        if subscription.status == Subscription.Status.CONFIRMED:
            return subscription, False
        if subscription.status == Subscription.Status.UNSUBSCRIBED:
            subscription.confirmed_at = None
        subscription.status = Subscription.Status.PENDING
        subscription.source_page = source_page
        subscription.language = language
        subscription.consent_version = consent_version
        subscription.consent_given_at = now
        subscription.owe(Subscription.Email.CONFIRMATION, now)
        subscription.save()
        subscription.topics.set(topics)
        return subscription, True

    def emails_due(self, now=None):
        """Subscriptions that owe an email whose (next) attempt is due."""
        return self.exclude(email_due="").filter(email_due_at__lte=now or timezone.now())


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Email(models.TextChoices):
        NONE = "", _("None")
        CONFIRMATION = "confirmation", _("Confirmation request")
        WELCOME = "welcome", _("Welcome")

    email = models.EmailField(_("email address"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PENDING, db_index=True
    )
    topics = models.ManyToManyField(
        TopicPage, verbose_name=_("topics"), blank=True, related_name="+"
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("signed up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the pages and emails the subscriber reads."),
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=32,
        blank=True,
        help_text=_("Which wording of the consent text the person agreed to."),
    )
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation email last sent at"), null=True, blank=True
    )
    email_due = models.CharField(
        _("email to send"), max_length=12, choices=Email, default=Email.NONE, blank=True
    )
    email_due_at = models.DateTimeField(_("next sending attempt"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("failed sending attempts"), default=0)
    note = models.CharField(_("note"), max_length=255, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def topic_names(self):
        """The topics' titles, for the admin listing and the export (prefetched there)."""
        return "; ".join(topic.title for topic in self.topics.all())

    topic_names.short_description = _("topics")

    def owe(self, email, now=None):
        """Queue ``email`` (an ``Email`` value) to be sent from now, after the save."""
        self.email_due = email
        self.email_due_at = now or timezone.now()
        self.email_attempts = 0


def normalise_email(email):
    return (email or "").strip().lower()


class RateLimitWindow(models.Model):
    """How many signups were accepted from one client address (or /64), or for one email
    address, in a window of time that ends at ``ends_at`` (``newsletter.ratelimit``)."""

    key = models.CharField(max_length=64, primary_key=True)  # a keyed hash, never an address
    ends_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("signup rate limit window")

    def __str__(self):
        return f"{self.key}: {self.count} until {self.ends_at:%Y-%m-%d %H:%M}"
