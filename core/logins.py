"""Throttled sign-ins (django-axes): the admin's login form, the login form of private pages
(/_util/login/) and the password form of password-protected pages.

Failed attempts are counted per account and per client address (settings ``AXES_*``), in the
database every worker shares. Once either has had ``AXES_FAILURE_LIMIT`` failures within
``AXES_COOLOFF_TIME``, every attempt from that address or for that account is refused with the
same page, whether the account exists or not, and even with the right password. A page's
password form has no account: its restriction stands for one, so that its password cannot be
guessed from many addresses either.
"""

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render

from wagtail import views as wagtail_views

from axes.handlers.proxy import AxesProxyHandler

from .clients import client_block, client_ip
from .preview import keep_private


def client_address(request):
    """What attempts are counted by: the client's address (behind the trusted proxies, as for
    the newsletter's limits), for IPv6 the first address of its /64 (django-axes keeps an
    address, not a network)."""
    return client_block(client_ip(request)).split("/")[0]


def account(request, credentials):
    """The account an attempt names, as counted: the same whatever its case or spaces, so that
    "Editor" and "editor " are not a fresh set of tries."""
    return str((credentials or {}).get("username") or "").strip().casefold()[:255]


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a protected page, throttled like a login."""
    credentials = {"username": f"page-password:{page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return too_many_attempts(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # The form comes back (200) when the password was wrong; a redirect lets the visitor in.
    if request.method == "POST" and response.status_code == 200:
        user_login_failed.send(__name__, credentials=credentials, request=request)
    return response


def too_many_attempts(request, original_response=None, credentials=None):
    """The answer to an attempt while sign-ins are paused (``AXES_LOCKOUT_CALLABLE``): 429, and
    nothing that depends on the account."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    response = render(request, "core/too_many_attempts.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return keep_private(response)
