"""Editors' view of the subscribers: listing, filters, search, CSV export; read-only."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from newsletter.models import Subscription

pytestmark = pytest.mark.django_db

LISTING = "/admin/signups/"


def subscribe(email, topics=(), status=Subscription.Status.PENDING, source_page=None, **fields):
    subscription = Subscription.objects.create(
        email=email, status=status, source_page=source_page, **fields
    )
    subscription.topics.set(topics)
    return subscription


@pytest.fixture
def subscribers(tree):
    confirmed_at = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30))
    return [
        subscribe(
            "migrants@example.org",
            [tree.migrants],
            Subscription.Status.CONFIRMED,
            source_page=tree.migrants,
            confirmed_at=confirmed_at,
        ),
        subscribe("both@example.org", [tree.migrants, tree.women], Subscription.Status.PENDING),
        subscribe("gone@example.org", [], Subscription.Status.UNSUBSCRIBED),
    ]


def listed(response):
    html = response.content.decode()
    return sorted(
        email
        for email in ("migrants@example.org", "both@example.org", "gone@example.org")
        if email in html
    )


def test_the_listing_shows_every_subscriber_with_status_and_topics(admin_client, subscribers):
    response = admin_client.get(LISTING)

    assert response.status_code == 200
    html = response.content.decode()
    assert listed(response) == ["both@example.org", "gone@example.org", "migrants@example.org"]
    assert "Migrant and refugee rights; Women human rights defenders" in html
    assert "Pending confirmation" in html and "Unsubscribed" in html


def test_filter_by_status_and_by_topic_and_search_by_email(admin_client, tree, subscribers):
    assert listed(admin_client.get(LISTING, {"status": "confirmed"})) == ["migrants@example.org"]
    assert listed(admin_client.get(LISTING, {"topics": tree.women.pk})) == ["both@example.org"]
    by_migrants = admin_client.get(LISTING, {"topics": tree.migrants.pk})
    assert listed(by_migrants) == ["both@example.org", "migrants@example.org"]
    html = by_migrants.content.decode()
    assert html.count("both@example.org") == html.count("migrants@example.org"), "no duplicates"
    assert listed(admin_client.get(LISTING, {"q": "GONE@"})) == ["gone@example.org"]


@pytest.mark.parametrize(
    "query", [{"status": "nonsense"}, {"topics": "abc"}, {"topics": "\x00"}, {"topics": "99999"}]
)
def test_bad_filter_values_are_not_a_500(admin_client, subscribers, query):
    assert admin_client.get(LISTING, query).status_code == 200


def export(admin_client, **query):
    response = admin_client.get(LISTING, {"export": "csv", **query})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(content)))


def test_the_csv_export_has_the_email_status_topics_dates_and_source_page(
    admin_client, tree, subscribers
):
    response, rows = export(admin_client)

    assert 'filename="subscribers.csv"' in response["Content-Disposition"]
    assert set(rows[0]) >= {
        "Email address",
        "Status",
        "Topics",
        "Signed up at",
        "Confirmed at",
        "Unsubscribed at",
        "Signed up on",
    }
    by_email = {row["Email address"]: row for row in rows}
    assert by_email["migrants@example.org"]["Status"] == "Confirmed"
    assert by_email["migrants@example.org"]["Topics"] == "Migrant and refugee rights"
    assert by_email["migrants@example.org"]["Signed up on"] == "Migrant and refugee rights"
    assert by_email["migrants@example.org"]["Confirmed at"].startswith("2026-03-02")
    assert by_email["both@example.org"]["Topics"] == (
        "Migrant and refugee rights; Women human rights defenders"
    )
    assert by_email["gone@example.org"]["Status"] == "Unsubscribed"


def test_the_export_respects_the_filters(admin_client, subscribers):
    _response, rows = export(admin_client, status="pending")

    assert [row["Email address"] for row in rows] == ["both@example.org"]


def test_the_export_and_the_listing_do_not_query_once_per_subscriber(admin_client, tree):
    def count(path_query):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(LISTING, path_query)
            if response.streaming:
                b"".join(response.streaming_content)
        return len(queries)

    for number in range(3):
        subscribe(f"a{number}@example.org", [tree.migrants, tree.women], source_page=tree.women)
    few_export, few_listing = count({"export": "csv"}), count({})
    for number in range(30):
        subscribe(f"b{number}@example.org", [tree.migrants, tree.women], source_page=tree.women)

    assert count({"export": "csv"}) == few_export
    assert count({}) == few_listing


def test_subscribers_cannot_be_added_or_edited_in_the_admin_only_seen_and_deleted(
    admin_client, subscribers
):
    subscriber = subscribers[0]

    assert admin_client.get(f"{LISTING}new/").status_code in (302, 403)
    assert admin_client.get(f"{LISTING}edit/{subscriber.pk}/").status_code in (302, 403)
    assert admin_client.post(
        f"{LISTING}edit/{subscriber.pk}/", {"email": "x@y.z"}
    ).status_code in (
        302,
        403,
    )
    subscriber.refresh_from_db()
    assert subscriber.email == "migrants@example.org"
    inspect = admin_client.get(f"{LISTING}inspect/{subscriber.pk}/")
    assert inspect.status_code == 200
    assert "migrants@example.org" in inspect.content.decode()
    assert f"{LISTING}new/" not in admin_client.get(LISTING).content.decode()
    assert admin_client.post(f"{LISTING}delete/{subscriber.pk}/").status_code == 302
    assert not Subscription.objects.filter(pk=subscriber.pk).exists()


def test_a_group_given_view_permission_can_list_and_export_subscribers(
    client, django_user_model, subscribers
):
    user = django_user_model.objects.create_user("staff", password="pw")
    group = Group.objects.create(name="Newsletter")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_subscription"),
    )
    user.groups.add(group)
    client.force_login(user)

    assert client.get(LISTING).status_code == 200
    assert client.get(LISTING, {"export": "csv"}).status_code == 200
    assert client.get(f"{LISTING}delete/{subscribers[0].pk}/").status_code in (302, 403)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_csv_export_keeps_a_cell_that_begins_like_a_formula_as_text(admin_client, tree, start):
    """A spreadsheet would run ``=HYPERLINK(…)`` as a formula (CSV injection): such cells go
    out with a leading apostrophe, which spreadsheets show as text."""
    tree.migrants.title = f"{start}2+5 topic"
    tree.migrants.save_revision().publish()
    email = f"{start}cmd@example.org" if start not in "\t\r" else "plain@example.org"
    subscribe(email, [tree.migrants], Subscription.Status.CONFIRMED)

    _response, rows = export(admin_client)

    (row,) = rows
    if start not in "\t\r":
        assert row["Email address"] == f"'{email}"
    assert row["Topics"] == f"'{start}2+5 topic"
    assert row["Status"] == "Confirmed"
