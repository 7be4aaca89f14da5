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
import functools
import ipaddress
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateLimitWindow

logger = logging.getLogger(__name__)


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


def client_block(ip):
    """What the limit counts: the address itself, or for IPv6 its /64."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        if address.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is an IPv4 client
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_ip(request):
    """The visitor's address: ``REMOTE_ADDR``, unless the site sits behind
    ``NEWSLETTER_TRUSTED_PROXY_COUNT`` proxies that each append the address they were reached
    from to ``X-Forwarded-For``; the entry the nearest of them saw is then the client's. A
    visitor can write anything in that header, so entries to the left of it are not used."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NEWSLETTER_TRUSTED_PROXY_COUNT
    if proxies == 0 and "HTTP_X_FORWARDED_FOR" in request.META and _is_local(remote):
        warn_untrusted_proxy()
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def _is_local(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


@functools.cache
def warn_untrusted_proxy():
    """Said once per process: requests come through a proxy on this machine or network, and
    the limits count them all as its address."""
    logger.warning(
        "Signups come through a proxy (X-Forwarded-For) but NEWSLETTER_TRUSTED_PROXY_COUNT "
        "is 0: every visitor shares the proxy's address and its signup limit. Set it to the "
        "number of proxies in front of the site."
    )
