"""Page queries shared by the listings."""

from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction
from wagtail.permissions import policy_registry
from wagtail.query import PageQuerySet

from pagecache.keys import SITE, TREE
from pagecache.store import remember

from .locales import locale_id_of


def in_private_section():
    """True for a page that has a view restriction on itself or on an ancestor.

    The same rule as Wagtail's ``PageQuerySet.private_q()`` (a restricted page's path is a
    prefix of the page's path), written as a correlated subquery so that it adds no query of
    its own: Wagtail's version first loads every restriction, one query each time it is used.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def translations_in_tree(page):
    """``[(id, tree path)]`` of ``page`` and its translations (of any status), kept until a
    page is published, unpublished, moved or deleted. The listings that use them declare what
    they show themselves."""
    return remember(
        f"translations-in-tree:{page.translation_key}",
        [TREE, SITE],
        shown=False,
        compute=lambda: list(
            Page.objects.filter(translation_key=page.translation_key).values_list("pk", "path")
        ),
    )


def language_rank(language_id, default_id):
    """0 for a page in the wanted language, 1 in the default (English), then by locale."""
    return Case(
        When(locale_id=language_id, then=Value(0)),
        When(locale_id=default_id, then=Value(1)),
        default=F("locale_id") + 2,
    )


class ListingPageQuerySet(PageQuerySet):
    def public(self):
        return self.exclude(in_private_section())

    def below_any_translation_of(self, page, *, children_only=False):
        """The pages below ``page`` or below one of its translations: a section's pages in
        every language's tree. The translations' paths are looked up first (kept between
        requests until one of them is published, moved or deleted), so that the database is
        asked for plain path prefixes, which it estimates and indexes well."""
        condition = Q()
        for _, path in translations_in_tree(page):
            condition |= Q(path__startswith=path)
        pages = self.filter(condition, depth__gt=page.depth)
        return pages.filter(depth=page.depth + 1) if children_only else pages

    def in_language(self, language_id, default_id=None):
        """One version of each page (pages sharing a translation key): the one in the language
        of ``language_id`` (a locale id) where it is live and public, else the English one,
        else the first by locale; so that a listing in French is never emptier than the
        English one. Its cards say when a page is in another language."""
        if default_id is None:
            default_id = locale_id_of(settings.LANGUAGE_CODE)
        rank = language_rank(language_id, default_id)
        better = (
            self.model.objects.live()
            .exclude(in_private_section())
            .annotate(rank=rank)
            .filter(translation_key=OuterRef("translation_key"), rank__lt=OuterRef("rank"))
        )
        return self.annotate(rank=rank).exclude(Exists(better))


def tagged_to_any_translation(model, topic):
    """A lookup for the pages of ``model`` (updates, stories) tagged to ``topic`` or to one of
    its translations, each page once (a French update may be tagged to the English topic).
    The translations' ids are looked up first (``translations_in_tree``), so that the database
    knows how many pages each is tagged to and reads the newest first."""
    topics = model._meta.get_field("topics")
    ids = [pk for pk, _ in translations_in_tree(topic)]
    tags = topics.remote_field.through.objects.filter(
        **{f"{topics.m2m_reverse_field_name()}__in": ids}
    )
    return {"pk__in": tags.values(topics.m2m_field_name())}


def editable_by(queryset, user):
    """The pages of ``queryset`` that ``user`` may edit, as Wagtail's page permissions say:
    the pages whose drafts, previews and revisions they may see."""
    if user.is_active and user.is_superuser:
        return queryset  # all of them, as Wagtail's policy says, without a test on each page
    policy = policy_registry.get_by_type(Page)
    pages = policy.instances_user_has_any_permission_for(user, ["change", "publish"])
    return queryset.filter(pk__in=pages.values("pk"))


def shown_in_admin(queryset, user):
    """The pages of ``queryset`` that ``user`` may see named in the admin's shared views (the
    page chooser, bulk actions' confirmations, reports): those they may edit, as before, and
    the others only when live and public (no view restriction on them or an ancestor), which
    any visitor may read anyway. A restricted editor thus learns nothing of another section's
    drafts and private pages, and can still link to its published pages.

    Each page carries ``admin_title``: its draft title where ``user`` may edit it, else its
    live title, so that a published page's unpublished rewrite stays unseen too
    (``BasePage.get_admin_display_title``)."""
    if user.is_active and user.is_superuser:
        return queryset  # all of them, with their draft titles, as Wagtail shows them
    editable = editable_by(Page.objects.all(), user).values("pk")
    # One lookup on the primary key, which the search backends accept (the chooser searches).
    shown = Page.objects.filter(Q(pk__in=editable) | Q(live=True) & ~in_private_section())
    return queryset.filter(pk__in=shown.values("pk")).annotate(
        admin_title=Case(When(pk__in=editable, then=F("draft_title")), default=F("title"))
    )
