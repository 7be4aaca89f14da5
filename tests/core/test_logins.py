"""Sign-ins are throttled: the admin's login form, the private pages' login form and a protected
page's password form refuse every attempt, the right password included, once an account or a
client address has had too many failures; and they answer alike for accounts that exist and
accounts that do not (core.logins, django-axes)."""

import datetime

from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
PRIVATE_LOGIN = "/_util/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", "the-right-password", is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, address="203.0.113.7", path=ADMIN_LOGIN):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def refused(response):
    return response.status_code == 429 and "Too many attempts" in response.content.decode()


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, editor, settings):
    for _ in range(30):
        sign_in(client, "editor", "guess")

    response = sign_in(client, "editor", "the-right-password")

    assert refused(response)
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert not signed_in(client)


def test_a_few_mistakes_then_the_right_password_signs_in_and_start_again(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editor", "typo").status_code == 200
    assert sign_in(client, "editor", "the-right-password").status_code == 302
    assert signed_in(client)
    client.logout()

    # The success cleared the account's failures: a new mistake is the first again.
    assert sign_in(client, "editor", "typo").status_code == 200
    assert sign_in(client, "editor", "the-right-password").status_code == 302


def test_unknown_and_known_accounts_are_answered_alike(client, editor, settings):
    """Before the limit, the same form error; at the limit, the same page: nothing tells an
    attacker which names are accounts."""
    known = sign_in(client, "editor", "wrong", address="198.51.100.1")
    unknown = sign_in(client, "no-such-person", "wrong", address="198.51.100.2")
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", address="198.51.100.1")
        sign_in(client, "no-such-person", "wrong", address="198.51.100.2")
    known = sign_in(client, "editor", "wrong", address="198.51.100.1")
    unknown = sign_in(client, "no-such-person", "wrong", address="198.51.100.2")
    assert refused(known) and refused(unknown)
    assert known.content == unknown.content


def test_an_account_is_protected_from_guesses_spread_over_many_addresses(client, editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "guess", address=f"192.0.2.{number + 1}")

    # From a new address, and whatever the case of the name: still paused.
    assert refused(sign_in(client, "Editor ", "the-right-password", address="192.0.2.200"))
    assert not signed_in(client)


def test_one_address_trying_many_accounts_is_paused_and_others_are_not(
    client, editor, settings, django_user_model
):
    django_user_model.objects.create_user("colleague", "c@example.org", "colleague-password")
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"name{number}", "guess", address="203.0.113.66")

    assert refused(sign_in(client, "colleague", "colleague-password", address="203.0.113.66"))
    # The editor, elsewhere, signs in as usual.
    elsewhere = sign_in(client, "editor", "the-right-password", address="198.51.100.9")
    assert elsewhere.status_code == 302


def test_ipv6_clients_are_counted_per_64(client, editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"name{number}", "guess", address=f"2001:db8:1:2::{number + 1:x}")

    response = sign_in(client, "editor", "the-right-password", address="2001:db8:1:2:ffff::1")
    assert refused(response)


def test_sign_ins_open_again_after_the_pause(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "guess")
    assert refused(sign_in(client, "editor", "the-right-password"))

    earlier = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)

    assert sign_in(client, "editor", "the-right-password").status_code == 302


def test_the_private_pages_login_form_is_throttled_too(client, editor, tree, settings):
    private = tree.restrict(tree.add_topic("Members only", slug="members-only"))
    assert sign_in(client, "editor", "guess", path=PRIVATE_LOGIN).status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "guess", path=PRIVATE_LOGIN)

    response = client.post(
        f"{PRIVATE_LOGIN}?next={private.url}",
        {"username": "editor", "password": "the-right-password"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert refused(response)
    assert client.get(private.url).status_code == 302  # still asked to sign in


def test_a_page_password_cannot_be_guessed(client, tree, settings):
    topic = tree.add_topic("Shared with partners", slug="shared-with-partners")
    restriction = PageViewRestriction.objects.create(
        page=topic, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    form = f"/_util/authenticate_with_password/{restriction.pk}/{topic.pk}/"

    def try_password(password, address):
        return client.post(
            form, {"password": password, "return_url": topic.url}, REMOTE_ADDR=address
        )

    # A mistake shows the form again, as Wagtail does.
    assert try_password("guess", "192.0.2.1").status_code == 200
    # Guesses from many addresses count against the page's password…
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        try_password("guess", f"192.0.2.{number + 2}")
    response = try_password("open sesame", "192.0.2.250")
    assert refused(response)
    assert "Shared with partners" not in client.get(topic.url).content.decode()

    # …and the right password works again once the pause is over.
    earlier = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert try_password("open sesame", "192.0.2.250").status_code == 302
    assert "Shared with partners" in client.get(topic.url).content.decode()


def test_a_refusal_is_in_the_visitors_language(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "guess", path="/fr" + PRIVATE_LOGIN)

    response = sign_in(client, "editor", "guess", path="/fr" + PRIVATE_LOGIN)

    assert response.status_code == 429
    assert 'lang="fr"' in response.content.decode()
    assert "Trop de tentatives" in response.content.decode()


def test_signing_in_to_ones_own_account_does_not_clear_guesses_at_another(
    client, editor, settings, django_user_model
):
    """A success clears that account's failures only: someone with an account of their own
    (a restricted editor, a member of private pages) cannot sign in between guesses to wipe
    the count of their guesses at another account."""
    django_user_model.objects.create_user("insider", "i@example.org", "insider-password")
    for _ in range(5):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "editor", "guess", address="203.0.113.50")
        sign_in(client, "insider", "insider-password", address="203.0.113.50")
        client.logout()

    assert refused(sign_in(client, "editor", "the-right-password", address="198.51.100.77"))
    assert not signed_in(client)


def test_a_collections_document_password_cannot_be_guessed(client, settings):
    collection = Collection.get_first_root_node().add_child(name="Partners' briefings")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="open sesame",
    )
    form = f"/documents/authenticate_with_password/{restriction.pk}/"

    def try_password(password, address):
        return client.post(form, {"password": password, "return_url": "/"}, REMOTE_ADDR=address)

    assert try_password("guess", "192.0.2.1").status_code == 200
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        try_password("guess", f"192.0.2.{number + 2}")
    assert refused(try_password("open sesame", "192.0.2.250"))
