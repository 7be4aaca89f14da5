"""Scripts and floods: the honeypot, the minimum time, the rate limits, repeated signups.

Scripts are turned away silently (the same "check your email" page, nothing stored or sent);
a person is never told whether an address is subscribed."""

import datetime
import re
import time

from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

import pytest

from core import clients
from core.clients import client_ip
from newsletter import ratelimit
from newsletter.models import RateLimitWindow, Subscription
from newsletter.tasks import forget_closed_rate_limits
from newsletter.tokens import make_form_started
from tests.newsletter.test_signup import form_data, link_in, sign_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "overrides",
    [
        lambda: {"website": "http://spam.example"},
        lambda: {"started": make_form_started()},  # shown now, sent at once
        lambda: {"started": make_form_started(at=time.time() - 2)},
        lambda: {"started": None},
        lambda: {"started": "tampered"},
        lambda: {"started": make_form_started(at=0)[:-2]},
        lambda: {"started": "\x00" * 20},
    ],
    ids=["honeypot", "at once", "in 2 s", "no time", "garbage", "bad signature", "nul"],
)
def test_a_script_sees_the_thanks_page_but_nothing_is_stored_or_sent(
    client, tree, django_capture_on_commit_callbacks, overrides
):
    response = sign_up(client, django_capture_on_commit_callbacks, **overrides())

    assert response.status_code == 302
    assert response["Location"] == "/join-us/thanks/"
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_a_script_is_turned_away_even_when_its_form_is_invalid(client, tree):
    response = client.post("/join-us/", form_data(website="x", email="nonsense", consent=None))

    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_a_person_who_takes_three_seconds_is_accepted(
    client, tree, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, django_capture_on_commit_callbacks, started=make_form_started(time.time() - 3.5)
    )

    assert response.status_code == 302
    assert Subscription.objects.count() == 1


def test_more_than_ten_signups_an_hour_from_one_address_get_a_429_page(
    client, tree, django_capture_on_commit_callbacks
):
    for number in range(10):
        response = sign_up(client, django_capture_on_commit_callbacks, email=f"p{number}@ex.org")
        assert response.status_code == 302

    response = sign_up(client, django_capture_on_commit_callbacks, email="eleventh@ex.org")

    assert response.status_code == 429
    assert "Too many signups" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert Subscription.objects.count() == 10
    other = client.post(
        "/join-us/", form_data(email="elsewhere@ex.org"), REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == 302, "another address is not limited"


def test_the_limits_are_settings(client, tree, django_capture_on_commit_callbacks, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (2, 60)

    codes = [
        sign_up(client, django_capture_on_commit_callbacks, email=f"p{n}@ex.org").status_code
        for n in range(3)
    ]

    assert codes == [302, 302, 429]


def test_a_fourth_signup_of_one_address_in_a_day_is_told_it_worked_but_sends_nothing(
    tree, django_capture_on_commit_callbacks
):
    responses = []
    for number in range(4):
        client = Client(REMOTE_ADDR=f"203.0.113.{number}")  # spread over several addresses
        with django_capture_on_commit_callbacks(execute=True):
            responses.append(client.post("/join-us/", form_data(email="Target@Example.org")))

    assert [response.status_code for response in responses] == [302] * 4
    assert {response["Location"] for response in responses} == {"/join-us/thanks/"}
    assert len(mail.outbox) == 3
    assert Subscription.objects.count() == 1


def test_signing_up_twice_while_pending_updates_the_topics_and_sends_the_link_again(
    client, tree, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, topics=[tree.migrants.pk])
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="DEFENDER@example.org",
        topics=[tree.women.pk],
    )

    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert list(subscription.topics.all()) == [tree.women]
    assert len(mail.outbox) == 2
    assert link_in(mail.outbox[0], "confirm") and link_in(mail.outbox[1], "confirm")


def test_signing_up_again_once_confirmed_changes_nothing_sends_nothing_and_reveals_nothing(
    client, tree, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, topics=[tree.migrants.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "confirm"))
    sent = len(mail.outbox)

    repeat = sign_up(client, django_capture_on_commit_callbacks, topics=[tree.women.pk])
    stranger = sign_up(client, django_capture_on_commit_callbacks, email="new@example.org")

    assert repeat.status_code == stranger.status_code == 302
    assert repeat["Location"] == stranger["Location"] == "/join-us/thanks/"
    subscription = Subscription.objects.get(email="defender@example.org")
    assert subscription.status == Subscription.Status.CONFIRMED
    assert list(subscription.topics.all()) == [tree.migrants]
    assert len(mail.outbox) == sent + 1  # only the stranger's confirmation
    assert Subscription.objects.count() == 2


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/join-us/", **meta)


def test_the_client_address_is_remote_addr_unless_proxies_are_trusted(settings):
    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("10.0.0.1", "1.2.3.4")) == "10.0.0.1"

    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.1", "6.6.6.6, 1.2.3.4")) == "1.2.3.4"
    assert client_ip(request_from("10.0.0.1", "1.2.3.4")) == "1.2.3.4"
    assert client_ip(request_from("10.0.0.1")) == "10.0.0.1"
    assert client_ip(request_from("10.0.0.1", "not-an-address")) == "10.0.0.1"

    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2")) == "1.2.3.4"


def test_a_spoofed_forwarded_header_does_not_escape_the_ip_limit(
    client, tree, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (1, 60)

    first = client.post("/join-us/", form_data(), HTTP_X_FORWARDED_FOR="1.1.1.1")
    second = client.post("/join-us/", form_data(), HTTP_X_FORWARDED_FOR="2.2.2.2")

    assert (first.status_code, second.status_code) == (302, 429)


def test_mistakes_do_not_count_towards_the_limit(
    client, tree, django_capture_on_commit_callbacks, settings
):
    """Only signups that were accepted count: a person who mistypes and corrects themselves
    is not turned away."""
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (2, 60)

    mistakes = [
        sign_up(client, django_capture_on_commit_callbacks, email="not-an-address").status_code
        for _ in range(5)
    ]
    codes = [
        sign_up(client, django_capture_on_commit_callbacks, email=f"p{n}@ex.org").status_code
        for n in range(3)
    ]

    assert mistakes == [400] * 5
    assert codes == [302, 302, 429]


def test_a_signup_over_the_limit_keeps_what_was_typed(
    client, tree, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (1, 60)
    sign_up(client, django_capture_on_commit_callbacks, email="first@ex.org")

    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="second@ex.org",
        topics=[str(tree.women.pk)],
    )

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Too many signups" in html
    assert 'value="second@ex.org"' in html
    assert re.search(rf'value="{tree.women.pk}"[^>]*checked', html)
    assert not Subscription.objects.filter(email="second@ex.org").exists()


def test_the_limits_hold_across_workers_without_a_shared_cache(
    client, tree, django_capture_on_commit_callbacks, settings
):
    """Without Redis each worker has its own cache: the counts are kept in the database,
    which every worker and instance shares (here the cache is emptied between signups, as
    another worker would find its own)."""
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (2, 60)
    codes = []
    for number in range(3):
        cache.clear()
        codes.append(
            sign_up(
                client, django_capture_on_commit_callbacks, email=f"p{number}@ex.org"
            ).status_code
        )

    assert codes == [302, 302, 429]


def test_ipv6_clients_are_limited_per_64_block(tree, django_capture_on_commit_callbacks, settings):
    """An IPv6 connection commonly holds a whole /64: its addresses share one limit."""
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (1, 60)

    def from_address(address, email):
        with django_capture_on_commit_callbacks(execute=True):
            return Client(REMOTE_ADDR=address).post("/join-us/", form_data(email=email))

    first = from_address("2001:db8:1:2::10", "a@ex.org")
    same_block = from_address("2001:db8:1:2:ffff::99", "b@ex.org")
    other_block = from_address("2001:db8:1:3::10", "c@ex.org")

    assert [first.status_code, same_block.status_code, other_block.status_code] == [
        302,
        429,
        302,
    ]


def test_the_worker_forgets_the_counts_of_closed_windows(tree, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (5, 60)
    ratelimit.count_signup("198.51.100.1", "old@ex.org")
    RateLimitWindow.objects.update(ends_at=timezone.now() - datetime.timedelta(seconds=1))
    ratelimit.count_signup("198.51.100.2", "new@ex.org")

    forget_closed_rate_limits.call()

    assert RateLimitWindow.objects.count() == 2  # the new address's and email's windows
    assert ratelimit.ip_allowed("198.51.100.1") and ratelimit.email_allowed("old@ex.org")


def test_a_proxy_in_front_that_is_not_trusted_is_warned_about_once(settings, caplog):
    """With NEWSLETTER_TRUSTED_PROXY_COUNT at 0 behind a proxy, every visitor shares the
    proxy's address, and ten signups close the form for all: the log says what to set."""
    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 0
    clients.warn_untrusted_proxy.cache_clear()

    with caplog.at_level("WARNING", logger="core.clients"):
        for _ in range(3):
            assert client_ip(request_from("127.0.0.1", "203.0.113.9")) == "127.0.0.1"
        client_ip(request_from("198.51.100.4", "203.0.113.9"))  # a public address: a client's

    assert [
        record.getMessage().count("NEWSLETTER_TRUSTED_PROXY_COUNT") for record in caplog.records
    ] == [1]
    clients.warn_untrusted_proxy.cache_clear()
