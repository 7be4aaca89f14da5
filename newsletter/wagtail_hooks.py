from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from topics.models import TopicPage

from .models import Subscription


class SubscriptionPermissionPolicy(ModelPermissionPolicy):
    """Subscribers can be seen, exported and deleted (for an erasure request), never added or
    edited in the admin, not even by superusers: only the person's own confirmation makes a
    subscription, and what they agreed to must stay as they left it."""

    read_only_actions = {"add", "change"}

    def user_has_permission(self, user, action):
        if action in self.read_only_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.read_only_actions]
        if not actions:
            return self.auth_model._default_manager.none()
        return super().users_with_any_permission(actions)


register_permission_policy(Subscription, SubscriptionPermissionPolicy(Subscription))


class SubscriptionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Subscription.Status.choices, empty_label=_("Any status")
    )
    # One box per topic (its default language's version), which finds the subscribers who
    # chose it in any language.
    topics = django_filters.ModelMultipleChoiceFilter(
        label=_("Topics"),
        queryset=TopicPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "title"
        ),
        widget=forms.CheckboxSelectMultiple,
        method="filter_topics",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Signed up"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Subscription
        fields = ["status", "topics", "created_at"]

    def filter_topics(self, queryset, name, topics):
        if not topics:
            return queryset
        keys = [topic.translation_key for topic in topics]
        return queryset.filter(topics__translation_key__in=keys).distinct()


# What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SubscriptionIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        """A text cell that begins like a formula goes out with a leading apostrophe, shown
        as text by spreadsheets: an address such as ``=HYPERLINK(…)@example.org`` is valid,
        and a topic's title is anyone's with an editor's account."""
        value = super().preprocess_field_value(field, value, export_format)
        formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
        if export_format == self.FORMAT_CSV and formula:
            return f"'{value}"
        return value


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    index_view_class = SubscriptionIndexView
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "email",
        "status",
        "topic_names",
        "language",
        "source_page",
        "created_at",
        "confirmed_at",
    ]
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    list_export = [
        "email",
        "get_status_display",
        "topic_names",
        "get_language_display",
        "created_at",
        "consent_given_at",
        "consent_version",
        "confirmed_at",
        "unsubscribed_at",
        "source_page",
    ]
    export_headings = {"get_status_display": _("Status"), "get_language_display": _("Language")}
    export_filename = "subscribers"
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "status",
        "topic_names",
        "source_page",
        "language",
        "created_at",
        "consent_version",
        "consent_given_at",
        "confirmed_at",
        "unsubscribed_at",
        "confirmation_sent_at",
        "email_due",
        "email_attempts",
        "note",
    ]
    copy_view_enabled = False
    form_fields = ["email"]  # required by the viewset; the edit view itself is refused

    def get_index_view_kwargs(self, **kwargs):
        # Two queries for the listing and the export, not one per row for topics and pages.
        return super().get_index_view_kwargs(queryset=Subscription.objects.with_topics(), **kwargs)


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    # The old name in the address keeps editors' bookmarks working.
    return SubscriptionViewSet("signups")
