"""Rate limits on the shared cache, and the client's address they are counted by.

A counter per key and time window lives in the ``default`` cache (Redis in production, shared
by every worker). ``cache.add`` starts a window only if none is open and ``cache.incr`` counts
atomically, so that concurrent requests cannot both slip under the limit. Keys hold a keyed
hash, never an address: the cache stores no personal data in clear.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def _key(scope, value):
    digest = salted_hmac(f"newsletter.ratelimit.{scope}", value, algorithm="sha256").hexdigest()[
        :32
    ]
    return f"newsletter:ratelimit:{scope}:{digest}"


def hit(scope, value, limit, window):
    """Count one more attempt for ``value`` in ``scope``; True while within ``limit``
    attempts per ``window`` seconds. If the cache is unreachable, let the attempt through:
    a newsletter form that stops working with the cache is worse than a missed limit."""
    key = _key(scope, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add and incr: this opens a new one
        cache.add(key, 1, timeout=window)
        count = 1
    return count is None or count <= limit


def within_ip_limit(ip):
    limit, window = settings.NEWSLETTER_RATE_LIMIT_PER_IP
    return hit("ip", ip, limit, window)


def within_email_limit(email):
    limit, window = settings.NEWSLETTER_RATE_LIMIT_PER_EMAIL
    return hit("email", email, limit, window)


def client_ip(request):
    """The visitor's address: ``REMOTE_ADDR``, unless the site sits behind
    ``NEWSLETTER_TRUSTED_PROXY_COUNT`` proxies that each append the address they were reached
    from to ``X-Forwarded-For``; the entry the nearest of them saw is then the client's. A
    visitor can write anything in that header, so entries to the left of it are not used."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NEWSLETTER_TRUSTED_PROXY_COUNT
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
