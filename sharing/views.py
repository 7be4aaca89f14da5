"""The public side of a share link: anyone with the address sees the page's shared draft, or
the live page once that draft is published."""

import re
from functools import wraps

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from core.i18n import activate_language_of
from core.preview import keep_private

from .models import TOKEN_MAX_LENGTH, ShareLink

# What secrets.token_urlsafe makes: URL-safe base64 letters.
TOKEN_PATTERN = re.compile(rf"[A-Za-z0-9_-]{{1,{TOKEN_MAX_LENGTH}}}")


def private_and_unindexed(view_func):
    """Every answer, good or bad: never cached, never indexed, and no token in any Referer."""

    @wraps(view_func)
    def wrapped(request, *args, **kwargs):
        response = keep_private(view_func(request, *args, **kwargs))
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


def unavailable(request, reason, status):
    """The site-styled page shown instead of the draft (``reason``: missing, revoked, expired)."""
    return TemplateResponse(
        request, "sharing/link_unavailable.html", {"reason": reason}, status=status
    )


@private_and_unindexed
@require_safe
def open_link(request, token):
    """Show the link's draft of its page, as the editor's preview would; or send the visitor to
    the live page once that draft has been published (``ShareLink.published_url``)."""
    link = None
    if TOKEN_PATTERN.fullmatch(token):  # nothing else is looked up (no NUL byte reaches SQL)
        link = (
            ShareLink.objects.select_related("page", "revision", "created_by")
            .filter(token=token)
            .first()
        )
    if link is None:
        return unavailable(request, "missing", 404)
    # A link's address has no language prefix: its page's language says which to answer in.
    activate_language_of(link.page, request)
    if link.is_revoked:
        return unavailable(request, "revoked", 410)
    if link.is_expired:
        return unavailable(request, "expired", 410)

    # Once published, the live page is what the reviewer should read (not counted as an
    # opening: the history says "Draft opened", and no draft was shown).
    if published_url := link.published_url(request):
        return HttpResponseRedirect(published_url)

    draft = link.revision.as_object()
    if not draft.is_previewable():
        return unavailable(request, "missing", 404)

    if request.method == "GET":  # a HEAD request shows nothing, so it is not an opening
        link.record_opening(
            request.user if request.user.is_authenticated else None,
            client=request.META.get("REMOTE_ADDR"),
        )
    return draft.make_preview_request(
        original_request=request,
        preview_mode=draft.default_preview_mode,
        extra_request_attrs={"share_link": link},
    )
