"""Previews for staff and for share links: never cached, never indexed, and showing drafts
where they will appear once published."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP

from wagtail.models import Revision

from .locales import language_of
from .query import editable_by, in_private_section

# A preview looks at most at this many draft pages of one type: older drafts than the newest
# few hundred are abandoned work, and a preview must stay quick.
MAX_DRAFTS_CONSIDERED = 200


def keep_private(response):
    """Mark ``response`` so that no browser, proxy or search engine keeps it."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def framed_by_the_admin(response):
    """A staff preview is the public page, shown in a frame of the admin's editor: the public
    Content Security Policy, but the site itself may frame it. Wagtail renders previews through
    the middleware, whose policy would otherwise forbid any frame; a share link's preview is
    opened on its own and keeps that."""
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
    return response


class PreviewablePageMixin:
    """Every preview response is kept private (see ``keep_private``), and shows the page in its
    own language, whatever the language of the admin or of the share link's address: it is
    rendered here, while that language is active."""

    def serve_preview(self, request, mode_name):
        with translation.override(language_of(self)):
            response = super().serve_preview(request, mode_name)
            if callable(getattr(response, "render", None)):
                response.render()
        if not getattr(request, "share_link", None):
            framed_by_the_admin(response)
        return keep_private(response)


def drafts_shown_to(request):
    """The user whose drafts may be shown in ``request``, or None: in a staff preview, the
    drafts of other pages that the previewing user may edit are shown where they will appear.

    A share link opens a preview too, but it is for someone outside the organisation and must
    show only the page it was made for, never other drafts.
    """
    if not getattr(request, "is_preview", False) or getattr(request, "share_link", None):
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def with_drafts(listing, candidates, *, user, keep, sort_key, limit):
    """``listing`` as it will look once the drafts among ``candidates`` are published.

    ``listing`` is a queryset of live pages; ``candidates`` a queryset of the same page type in
    which drafts are looked for, among the pages ``user`` may edit (the others' drafts are
    none of their business: their live version is shown). A draft whose latest revision
    passes ``keep(content)`` (the revision's content as stored) takes its place in the
    listing, marked with ``preview_state``; a live page with unpublished changes is shown as
    changed, or left out when its changes take it out of the listing. The result is sorted by
    ``sort_key``, newest first, and cut at ``limit``.
    """
    drafts = list(
        editable_by(candidates, user)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(latest_revision=None)
        .exclude(in_private_section())
        .order_by("-latest_revision_created_at")
        .values_list("pk", "live", "latest_revision_id")[:MAX_DRAFTS_CONSIDERED]
    )
    if not drafts:
        return list(listing[:limit])
    revisions = Revision.page_revisions.in_bulk([revision_id for _, _, revision_id in drafts])
    kept = {
        pk: (live, revisions[revision_id])
        for pk, live, revision_id in drafts
        if keep(revisions[revision_id].content)
    }
    pages = candidates.model.objects.in_bulk(kept)
    now = timezone.now()
    versions = []
    for pk, (live, revision) in kept.items():
        version = pages[pk].with_content_json(revision.content)
        if live:
            version.preview_state = "changed"
        elif version.go_live_at and version.go_live_at > now:
            version.preview_state = "scheduled"
        else:
            version.preview_state = "draft"
        versions.append(version)
    published = list(listing.exclude(pk__in=[pk for pk, _, _ in drafts])[:limit])
    return sorted(published + versions, key=sort_key, reverse=True)[:limit]
