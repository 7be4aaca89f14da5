"""Who a request comes from: the client's address, behind the proxies the site trusts, and the
block of addresses that counts as one client. The newsletter's signup limits and the throttled
sign-ins (core.logins) count by it.

``NEWSLETTER_TRUSTED_PROXY_COUNT`` keeps the name it had when signups were its only use."""

import functools
import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


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
        "Requests come through a proxy (X-Forwarded-For) but NEWSLETTER_TRUSTED_PROXY_COUNT "
        "is 0: every visitor shares the proxy's address, its signup limit and its failed "
        "sign-ins. Set it to the number of proxies in front of the site."
    )
