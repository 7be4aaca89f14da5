"""Share links: an unguessable address that shows a page's latest draft without logging in."""

import datetime
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Page

from core.query import in_private_section

MAX_LIFETIME_DAYS = 7
DEFAULT_LIFETIME_DAYS = MAX_LIFETIME_DAYS
TOKEN_BYTES = 32  # 256 bits of randomness, 43 characters once encoded
TOKEN_MAX_LENGTH = 64
OPENING_LOG_INTERVAL = 60 * 60  # seconds between two history entries for one client


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their page: neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="share_links",
        verbose_name=_("page"),
    )
    # The draft shared: the reviewer sees it as it was when the link was made, never a later
    # draft the editor has not chosen to share.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("revision"),
    )
    token = models.CharField(
        _("token"), max_length=TOKEN_MAX_LENGTH, unique=True, default=new_token, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    open_count = models.PositiveIntegerField(_("openings"), default=0)
    last_opened_at = models.DateTimeField(_("last opened at"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self):
        return _("Share link for “%(page)s”") % {"page": self.page.get_admin_display_title()}

    def get_absolute_url(self):
        return reverse("sharing:open", args=[self.token])

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_active(self):
        return not self.is_revoked and not self.is_expired

    @property
    def full_url(self):
        """The address to send: on the page's own site, so it opens on the public host."""
        # The site root paths Wagtail keeps in the cache: no query per link.
        url_parts = self.page.get_url_parts()
        root_url = url_parts[1] if url_parts and url_parts[1] else settings.WAGTAILADMIN_BASE_URL
        return root_url.rstrip("/") + self.get_absolute_url()

    def published_url(self, request):
        """The page's public address once the draft this link shows has been published (that
        revision or a later one is live), else None: the reviewer then reads the live page,
        not a frozen draft with its "Unpublished draft" banner. A page with a view restriction
        on itself or an ancestor keeps showing its draft, so that the link never tells a
        stranger where the private page lives. A live version older than the link's revision
        means the shared changes are still unpublished: the draft, as before."""
        page = self.page
        if not page.live or page.live_revision_id is None:
            return None
        if page.live_revision_id < self.revision_id:  # revisions' ids only grow
            return None
        if Page.objects.filter(pk=page.pk).filter(in_private_section()).exists():
            return None
        return page.get_url(request)

    @staticmethod
    def has_draft(page):
        """True if ``page`` has something to share: a saved draft not yet published."""
        return bool(
            page.latest_revision_id
            and (not page.live or page.has_unpublished_changes)
            and page.is_previewable()
        )

    @classmethod
    def create_for(cls, page, user, days=DEFAULT_LIFETIME_DAYS):
        """Create a link to ``page``'s latest draft for ``days`` days, and log it on the page."""
        if not 1 <= days <= MAX_LIFETIME_DAYS:
            raise ValueError(f"A share link lasts 1 to {MAX_LIFETIME_DAYS} days, not {days}.")
        if not cls.has_draft(page):
            raise ValueError("The page has no unpublished draft to share.")
        now = timezone.now()
        with transaction.atomic():
            link = cls.objects.create(
                page=page,
                revision_id=page.latest_revision_id,
                created_by=user,
                created_at=now,
                expires_at=now + datetime.timedelta(days=days),
            )
            log(page, "sharing.link_created", user=user, data=link.log_data())
        return link

    def revoke(self, user):
        """Withdraw the link at once. Returns False if it was already withdrawn."""
        with transaction.atomic():
            updated = ShareLink.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
                revoked_at=timezone.now(), revoked_by=user
            )
            if not updated:
                return False
            self.refresh_from_db(fields=["revoked_at", "revoked_by"])
            log(self.page, "sharing.link_revoked", user=user, data=self.log_data())
        return True

    def record_opening(self, user=None, client=None):
        """Count one opening, safe against simultaneous openings, and log it in the page's
        history: once an hour per client (``client``: its address), so that a reviewer
        reloading the page, or a mail scanner, does not flood the history."""
        now = timezone.now()
        with transaction.atomic():
            ShareLink.objects.filter(pk=self.pk).update(
                open_count=F("open_count") + 1, last_opened_at=now
            )
            if cache.add(f"sharing:opened:{self.pk}:{client}", True, OPENING_LOG_INTERVAL):
                log(self.page, "sharing.link_opened", user=user, data=self.log_data())
        self.refresh_from_db(fields=["open_count", "last_opened_at"])

    def log_data(self):
        """What the page's history keeps about this link: never the token itself."""
        return {
            "share_link": {
                "id": self.pk,
                "created_by": self.created_by.get_username() if self.created_by else None,
                "expires_at": self.expires_at.isoformat(),
            }
        }
