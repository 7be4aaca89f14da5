"""Join us: the signup form, the confirmation and unsubscribe pages.

Links in emails only ever open a page with a button: a GET never changes anything (mail
scanners and link previews follow links), the button POSTs with a CSRF token. The one
exception is the RFC 8058 one-click unsubscribe, which mail programs POST without a token.
The signup form carries no token either: it is on pages every visitor is given from a cache,
and the signup view checks where the browser says the form was sent from instead.
"""

import functools

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Site

from core.clients import client_ip
from pagecache.keys import TOPICS, depend_on
from pagecache.responses import cacheable

from . import ratelimit, tasks, tokens
from .forms import CONSENT_VERSION, SignupForm
from .models import Subscription

INVALID_LINK_STATUS = 400
EXPIRED_LINK_STATUS = 410


@csrf_exempt  # the form is on cached pages, which carry no CSRF token: see sent_from_this_site
@require_http_methods(["GET", "POST"])
def signup(request):
    """The Join us form: shown on its own on GET, and the target of every page's form.

    Whatever happens to a well-formed signup, the visitor is sent to the same "check your
    email" page: a script that fills in the hidden field or answers too fast, a repeated
    signup, an address already confirmed or signed up too often today. Only the visitor's
    own mistakes (shown on the form) and too many accepted signups from one connection (429,
    with what was typed) differ.
    """
    site = Site.find_for_request(request)
    if request.method != "POST":
        # The same for every visitor: it offers the topics and links to the privacy notice.
        depend_on(TOPICS)
        return cacheable(render_form(request, SignupForm(site=site)))
    if not sent_from_this_site(request):
        # To be sent from this site's own form.
        return shown_again(request, site, request.POST, 403, "refused")
    ip = client_ip(request)
    if not ratelimit.ip_allowed(ip):
        response = shown_again(request, site, request.POST, 429, "rate_limited")
        response["Retry-After"] = str(settings.NEWSLETTER_RATE_LIMIT_PER_IP[1])
        return response
    form = SignupForm(request.POST, site=site)
    if form.looks_automated():
        return redirect("newsletter:thanks")
    if form.expired():
        # With a new time stamp, to be sent once more.
        data = request.POST.copy()
        data["started"] = tokens.make_form_started()
        return shown_again(request, site, data, 400, "expired")
    if not form.is_valid():
        return render_form(request, form, status=400)
    email = form.cleaned_data["email"]
    if ratelimit.email_allowed(email):
        with transaction.atomic():
            ratelimit.count_signup(ip, email)
            subscription, owes_email = Subscription.objects.sign_up(
                email=form.cleaned_data["email"],
                topics=form.cleaned_data["topics"],
                source_page=form.cleaned_data["source_page"],
                consent_version=CONSENT_VERSION,
                language=language_of(request),
            )
            if owes_email:
                send_after_commit(request, subscription)
    return redirect("newsletter:thanks")


def sent_from_this_site(request):
    """Whether a signup was sent from one of this site's pages, as browsers tell: in the
    ``Sec-Fetch-Site`` header, or else in ``Origin`` (which every browser sends with a form it
    posts). This replaces Django's CSRF token, which the form on cached pages cannot carry: a
    page elsewhere cannot make visitors' browsers sign addresses up. A request with neither
    header was not sent by a browser, so no visitor was tricked into sending it; the other
    protections (the hidden field, the limits, the confirmation email) apply to it as to all."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return origin == f"{request.scheme}://{request.get_host()}" or origin in set(
        settings.CSRF_TRUSTED_ORIGINS
    )


def render_form(request, form, status=200, refusal=None):
    """The form page; ``refusal`` says why a signup was not kept ("refused", "rate_limited",
    "expired"), above the form."""
    context = {
        "form": form,
        "refusal": refusal,
        # The form as first shown is the same page in every language, for search engines.
        "same_in_every_language": status == 200 and not form.is_bound,
    }
    return TemplateResponse(request, "newsletter/signup.html", context, status=status)


def shown_again(request, site, data, status, refusal):
    """A signup not kept, for ``refusal``: the form with what was typed (``data``), and with
    its mistakes marked, to be sent again."""
    form = SignupForm(data, site=site)
    form.full_clean()
    return render_form(request, form, status=status, refusal=refusal)


def language_of(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def send_after_commit(request, subscription):
    """Hand the email to the background worker once the subscription is stored: the visitor
    never waits for the mail server, and no answer takes longer for a known address."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    transaction.on_commit(
        functools.partial(tasks.send_email.enqueue, subscription.pk, base_url), robust=True
    )


@require_GET
def thanks(request):
    return TemplateResponse(request, "newsletter/thanks.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A confirmation link: a page with a button on GET, the confirmation on POST."""
    try:
        subscription = tokens.subscription_to_confirm(Subscription.objects.all(), token)
    except tokens.ExpiredToken:
        return link_problem(request, expired=True)
    except tokens.InvalidToken:
        return link_problem(request, expired=False)
    if subscription.status == Subscription.Status.UNSUBSCRIBED:
        # An older confirmation link, followed after unsubscribing: it must not undo that.
        return link_problem(request, expired=True)
    if request.method == "POST":
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
            if subscription.status == Subscription.Status.PENDING:
                subscription.status = Subscription.Status.CONFIRMED
                subscription.confirmed_at = timezone.now()
                subscription.owe(Subscription.Email.WELCOME, subscription.confirmed_at)
                subscription.save()
                send_after_commit(request, subscription)
        return redirect("newsletter:confirmed")
    return TemplateResponse(
        request,
        "newsletter/confirm.html",
        {"already_confirmed": subscription.status == Subscription.Status.CONFIRMED},
    )


@require_GET
def confirmed(request):
    return TemplateResponse(request, "newsletter/confirmed.html")


def link_problem(request, *, expired):
    return TemplateResponse(
        request,
        "newsletter/link_problem.html",
        {"expired": expired},
        status=EXPIRED_LINK_STATUS if expired else INVALID_LINK_STATUS,
    )


def unsubscribe_now(subscription):
    """Unsubscribe ``subscription`` (None: nothing to do); repeated calls change nothing."""
    if subscription is None:
        return
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
        if subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED:
            return
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.email_due = Subscription.Email.NONE  # nothing more is sent
        subscription.email_due_at = None
        subscription.save()
        # What they were interested in is no longer needed.
        subscription.topics.clear()


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every email: a page with a button on GET, the unsubscription on POST."""
    try:
        subscription = tokens.subscription_to_unsubscribe(Subscription.objects.all(), token)
    except tokens.InvalidToken:
        return link_problem(request, expired=False)
    if request.method == "POST":
        unsubscribe_now(subscription)
        return redirect("newsletter:unsubscribed")
    already = subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED
    return TemplateResponse(
        request, "newsletter/unsubscribe.html", {"token": token, "already_unsubscribed": already}
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_one_click(request, token):
    """RFC 8058 one-click unsubscribe, the address in the ``List-Unsubscribe`` header: mail
    programs POST ``List-Unsubscribe=One-Click`` here, without cookies or a CSRF token. The
    signed link is the authority, as for the button. A GET (a mail program without one-click
    support opening the address in a browser) shows the page with the button."""
    if request.method != "POST":
        return unsubscribe(request, token)
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return HttpResponseBadRequest(
            _("Expected List-Unsubscribe=One-Click."), content_type="text/plain; charset=utf-8"
        )
    try:
        subscription = tokens.subscription_to_unsubscribe(Subscription.objects.all(), token)
    except tokens.InvalidToken:
        return HttpResponseBadRequest(
            _("This unsubscribe link is not valid."), content_type="text/plain; charset=utf-8"
        )
    unsubscribe_now(subscription)
    return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")


@require_GET
def unsubscribed(request):
    return TemplateResponse(request, "newsletter/unsubscribed.html")
