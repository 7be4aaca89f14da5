"""Double opt-in: the confirmation email and its link, the welcome email, unsubscribing."""

import email.policy
import re
import time
from unittest import mock

from django.core import mail, signing
from django.test import Client

import pytest

from newsletter import tokens
from newsletter.models import Subscription
from tests.newsletter.test_signup import csrf_post, link_in, sign_up

pytestmark = pytest.mark.django_db


def signed_up(client, capture, **overrides):
    sign_up(client, capture, **overrides)
    return Subscription.objects.get(), mail.outbox[-1]


def test_the_confirmation_email_carries_an_absolute_confirm_link_and_an_unsubscribe_link(
    client, tree, django_capture_on_commit_callbacks
):
    _subscription, message = signed_up(client, django_capture_on_commit_callbacks)

    assert message.subject == "Please confirm your subscription to ISHR news"
    assert re.search(r"http://testserver/join-us/confirm/\S+/", message.body)
    assert re.search(r"http://testserver/join-us/unsubscribe/\S+/", message.body)
    assert "The link works for 7 days." in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body
    one_click = re.fullmatch(
        r"<http://testserver/join-us/unsubscribe/(\S+)/one-click/>",
        message.extra_headers["List-Unsubscribe"],
    )
    assert one_click
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_list_unsubscribe_header_goes_out_on_one_line_not_encoded(
    client, tree, django_capture_on_commit_callbacks
):
    _subscription, message = signed_up(client, django_capture_on_commit_callbacks)

    sent = message.message(policy=email.policy.SMTP).as_bytes()

    header = re.search(rb"\r\nList-Unsubscribe: (.*?)\r\n", sent).group(1)
    assert re.fullmatch(rb"<http://testserver/join-us/unsubscribe/\S+/one-click/>", header)
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in sent


def test_following_the_link_shows_a_button_and_changes_nothing_until_it_is_pressed(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    confirm = link_in(message, "confirm")

    for _ in range(2):  # mail scanners and link previews follow links, sometimes twice
        page = client.get(confirm)
        assert page.status_code == 200
    html = page.content.decode()
    assert "Confirm your subscription" in html
    assert re.search(
        r'<form method="post"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken"', html
    )
    assert '<button type="submit" class="button">Confirm my subscription</button>' in html
    assert 'name="robots" content="noindex"' in html
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING
    assert len(mail.outbox) == 1


def test_pressing_the_button_confirms_and_sends_a_welcome_email_with_an_unsubscribe_link(
    tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(Client(), django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)
    confirm = link_in(message, "confirm")

    with django_capture_on_commit_callbacks(execute=True):
        response = csrf_post(client, confirm)

    assert response.status_code == 302
    assert response["Location"] == "/join-us/confirmed/"
    assert "You are subscribed" in client.get("/join-us/confirmed/").content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert subscription.confirmed_at is not None
    welcome = mail.outbox[-1]
    assert welcome.subject == "Welcome to ISHR news"
    assert link_in(welcome, "unsubscribe")
    assert "List-Unsubscribe" in welcome.extra_headers
    assert len(mail.outbox) == 2


def test_confirming_without_the_csrf_token_is_refused(tree, django_capture_on_commit_callbacks):
    subscription, message = signed_up(Client(), django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)

    response = client.post(link_in(message, "confirm"))

    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING


def test_confirming_twice_is_fine_and_sends_one_welcome(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    confirm = link_in(message, "confirm")

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(confirm)
        second = client.post(confirm)
    again = client.get(confirm)

    assert first.status_code == second.status_code == 302
    assert again.status_code == 200
    assert "Your subscription is confirmed" in again.content.decode()
    assert "<button" not in again.content.decode().split("<main", 1)[1]
    assert [m.subject for m in mail.outbox].count("Welcome to ISHR news") == 1


def test_an_expired_link_shows_a_clear_page_with_a_way_to_sign_up_again(
    client, tree, django_capture_on_commit_callbacks, settings
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    confirm = link_in(message, "confirm")
    eight_days_later = time.time() + 8 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
        shown = client.get(confirm)
        posted = client.post(confirm)

    for response in (shown, posted):
        assert response.status_code == 410
        html = response.content.decode()
        assert "This link has expired" in html
        assert 'href="/join-us/"' in html and "Sign up again" in html
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.split(":", 1)[1],
        lambda token: "x" * 500,
        lambda token: "%00",
        lambda token: "not-a-token",
    ],
    ids=["changed signature", "cut short", "very long", "nul byte", "garbage"],
)
def test_a_tampered_link_shows_a_clear_page_and_changes_nothing(
    client, tree, django_capture_on_commit_callbacks, tamper
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    token = link_in(message, "confirm").split("/")[3]
    path = f"/join-us/confirm/{tamper(token)}/"

    shown = client.get(path)
    posted = client.post(path)

    for response in (shown, posted):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
        assert "Sign up again" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING


def test_a_token_made_for_one_purpose_works_for_no_other(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    confirm_token = link_in(message, "confirm").split("/")[3]
    unsubscribe_token = link_in(message, "unsubscribe").split("/")[3]
    form_token = tokens.make_form_started()
    # Same payload, signed with the default salt: still refused.
    plain = signing.TimestampSigner().sign_object({"s": subscription.pk, "e": "whatever"})

    assert client.post(f"/join-us/confirm/{unsubscribe_token}/").status_code == 400
    assert client.post(f"/join-us/confirm/{form_token}/").status_code == 400
    assert client.post(f"/join-us/confirm/{plain}/").status_code == 400
    assert client.post(f"/join-us/unsubscribe/{confirm_token}/").status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING


def test_a_link_for_a_deleted_subscription_does_not_apply_to_a_new_one_with_the_same_key(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    confirm = link_in(message, "confirm")
    pk = subscription.pk
    subscription.delete()
    Subscription.objects.create(pk=pk, email="someone-else@example.org")

    assert client.post(confirm).status_code == 400
    assert Subscription.objects.get(pk=pk).status == Subscription.Status.PENDING


def test_unsubscribing_with_the_link_and_the_button(tree, django_capture_on_commit_callbacks):
    subscription, message = signed_up(
        Client(), django_capture_on_commit_callbacks, topics=[tree.migrants.pk]
    )
    client = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        csrf_post(client, link_in(message, "confirm"))
    unsubscribe = link_in(mail.outbox[-1], "unsubscribe")

    page = client.get(unsubscribe)
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED, "a GET changes nothing"
    assert '<button type="submit" class="button">Unsubscribe</button>' in page.content.decode()
    assert client.post(unsubscribe).status_code == 403, "the button needs its CSRF token"

    response = csrf_post(client, unsubscribe)

    assert response.status_code == 302
    assert response["Location"] == "/join-us/unsubscribed/"
    assert "You are unsubscribed" in client.get("/join-us/unsubscribed/").content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert subscription.unsubscribed_at is not None
    assert not subscription.topics.exists()
    again = client.get(unsubscribe)
    assert again.status_code == 200
    assert "This address is not on our mailing list" in again.content.decode()


def test_one_click_unsubscribe_works_without_csrf_token_or_cookies(
    tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(Client(), django_capture_on_commit_callbacks)
    one_click = (
        message.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    )
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(one_click, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert mail_program.post(one_click, {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_one_click_needs_the_rfc_8058_body_and_a_genuine_link_and_a_get_only_shows_the_button(
    tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(Client(), django_capture_on_commit_callbacks)
    one_click = (
        message.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    )
    mail_program = Client(enforce_csrf_checks=True)

    assert mail_program.post(one_click).status_code == 400
    assert mail_program.post(one_click, {"List-Unsubscribe": "Other"}).status_code == 400
    tampered = one_click.replace("/one-click/", "x/one-click/")
    assert mail_program.post(tampered, {"List-Unsubscribe": "One-Click"}).status_code == 400
    shown = mail_program.get(one_click)
    assert shown.status_code == 200
    assert 'action="/join-us/unsubscribe/' in shown.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING


def test_unsubscribing_cancels_a_confirmation_still_owed_and_old_confirm_links(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    Subscription.objects.filter(pk=subscription.pk).update(email_due="confirmation")

    client.post(link_in(message, "unsubscribe"))

    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert subscription.email_due == ""
    response = client.post(link_in(message, "confirm"))
    assert response.status_code == 410
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED


def test_signing_up_again_after_unsubscribing_starts_a_new_double_opt_in(
    client, tree, django_capture_on_commit_callbacks
):
    subscription, message = signed_up(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(message, "confirm"))
    client.post(link_in(message, "unsubscribe"))

    sign_up(client, django_capture_on_commit_callbacks, topics=[tree.women.pk])

    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.confirmed_at is None
    assert list(subscription.topics.all()) == [tree.women]
    assert mail.outbox[-1].subject == "Please confirm your subscription to ISHR news"
    assert Subscription.objects.count() == 1
