"""Rate limits on signups, and the client's address they are counted by.

Only accepted signups count: a visitor is turned away once their address (or the email address
they give) has had its limit of accepted signups in the current window, so that mistakes a
person corrects never do. The counts live in the database (``RateLimitWindow``), which every
worker and instance of the site shares, with or without Redis; a count is one UPDATE, so that
concurrent signups cannot both slip under the limit. Keys are keyed hashes, never an address:
no personal data is stored in clear. IPv6 clients are counted per /64, the block a single
connection commonly holds.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.clients import client_block

from .models import RateLimitWindow


def _key(scope, value):
    digest = salted_hmac(f"newsletter.ratelimit.{scope}", value, algorithm="sha256")
    return f"{scope}:{digest.hexdigest()[:40]}"


def _ip_window(ip):
    """(key, limit, window seconds) of the client's address."""
    return _key("ip", client_block(ip)), *settings.NEWSLETTER_RATE_LIMIT_PER_IP


def _email_window(email):
    """(key, limit, window seconds) of the email address."""
    return _key("email", email), *settings.NEWSLETTER_RATE_LIMIT_PER_EMAIL


def _allowed(window):
    """Whether the window's key has had fewer accepted signups than its limit so far."""
    key, limit, _seconds = window
    counts = RateLimitWindow.objects.filter(key=key, ends_at__gt=timezone.now())
    return next(iter(counts.values_list("count", flat=True)), 0) < limit


def ip_allowed(ip):
    """Whether the client's address may sign someone up now."""
    return _allowed(_ip_window(ip))


def email_allowed(email):
    """Whether this email address may be signed up now."""
    return _allowed(_email_window(email))


def count_signup(ip, email):
    """Count one accepted signup from ``ip`` for ``email``."""
    now = timezone.now()
    for key, _limit, window in (_ip_window(ip), _email_window(email)):
        with transaction.atomic():
            windows = RateLimitWindow.objects.filter(key=key)
            if windows.filter(ends_at__gt=now).update(count=F("count") + 1):
                continue
            ends_at = now + datetime.timedelta(seconds=window)
            # No open window: the closed one starts again, or a first one is made.
            if windows.update(ends_at=ends_at, count=1):
                continue
            try:
                with transaction.atomic():
                    RateLimitWindow.objects.create(key=key, ends_at=ends_at, count=1)
            except IntegrityError:  # made meanwhile by a concurrent signup
                windows.update(count=F("count") + 1)


def forget_closed_windows():
    RateLimitWindow.objects.filter(ends_at__lte=timezone.now()).delete()
