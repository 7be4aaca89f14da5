"""Throttled sign-ins (django-axes): the admin's login form, the login form of private pages
(/_util/login/) and the password forms of password-protected pages and collections of
documents.

Failed attempts are counted per account and per client address (settings ``AXES_*``), in the
database every worker shares; a success clears the failures of its account only. Once either
has had ``AXES_FAILURE_LIMIT`` failures within ``AXES_COOLOFF_TIME``, every attempt from that
address or for that account is refused with the same page, whether the account exists or not,
and even with the right password. A password form has no account: its restriction stands for
one.
"""

import functools

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.shortcuts import render

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt

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


def throttled_password_form(view, name):
    """``view``, a password form of Wagtail's (a page's or a collection of documents'),
    throttled like a login: its restriction stands for the account, so that a password cannot
    be guessed from many addresses either. The form comes back (200) when the password was
    wrong; a redirect lets the visitor in."""

    @functools.wraps(view)
    def throttled(request, restriction_id, *args, **kwargs):
        credentials = {"username": f"{name}:{restriction_id}"}
        if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
            return too_many_attempts(request)
        response = view(request, restriction_id, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200:
            user_login_failed.send(__name__, credentials=credentials, request=request)
        return response

    return throttled


authenticate_with_password = throttled_password_form(
    wagtail_views.authenticate_with_password, "page-password"
)
authenticate_document_password = throttled_password_form(
    document_views.authenticate_with_password, "document-password"
)


def too_many_attempts(request, original_response=None, credentials=None):
    """The answer to an attempt while sign-ins are paused (``AXES_LOCKOUT_CALLABLE``): 429, and
    nothing that depends on the account."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    response = render(request, "core/too_many_attempts.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return keep_private(response)


def forget_failures_of_account(sender, request, user, **kwargs):
    """A success clears the failures of the account signed in to, from any address, and
    nothing else. (django-axes's own reset on success also clears the client address's
    failures at every account: someone with an account of their own could then sign in
    between guesses at another's and never be paused.)"""
    AccessAttempt.objects.filter(
        username=account(request, {"username": user.get_username()})
    ).delete()


def connect():
    user_logged_in.connect(forget_failures_of_account, dispatch_uid="core.logins.forget")
