"""Page queries shared by the listings."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction
from wagtail.permissions import policy_registry
from wagtail.query import PageQuerySet


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


class ListingPageQuerySet(PageQuerySet):
    def public(self):
        return self.exclude(in_private_section())


def editable_by(queryset, user):
    """The pages of ``queryset`` that ``user`` may edit, as Wagtail's page permissions say:
    the pages whose drafts, previews and revisions they may see."""
    policy = policy_registry.get_by_type(Page)
    pages = policy.instances_user_has_any_permission_for(user, ["change", "publish"])
    return queryset.filter(pk__in=pages.values("pk"))
