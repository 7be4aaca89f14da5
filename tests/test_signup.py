from django.test import Client

import pytest

from newsletter.models import Signup

pytestmark = pytest.mark.django_db


def test_a_valid_signup_is_stored_with_its_page_and_time_and_thanked(client, tree):
    response = client.post(
        "/join-us/",
        {"email": " Defender@Example.org ", "consent": "on", "source_page": tree.migrants.pk},
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain == [("/join-us/thanks/", 302)]
    assert "Thank you for joining us" in response.content.decode()
    signup = Signup.objects.get()
    assert signup.email == "defender@example.org"
    assert signup.consent is True
    assert signup.source_page.specific == tree.migrants
    assert signup.created_at is not None


@pytest.mark.parametrize("email", ["not-an-email", "a@", "@b.org", "x" * 300 + "@example.org"])
def test_an_invalid_address_shows_an_error_and_keeps_what_was_typed(client, tree, email):
    response = client.post(
        "/join-us/", {"email": email, "consent": "on", "source_page": tree.migrants.pk}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Please enter a valid email address" in html or "at most" in html
    assert f'value="{email}"' in html
    assert 'aria-invalid="true"' in html
    assert "checked" in html
    assert not Signup.objects.exists()


def test_a_signup_without_consent_is_refused_with_a_clear_message(client, tree):
    response = client.post("/join-us/", {"email": "someone@example.org"})

    assert response.status_code == 400
    assert "Please tick the box" in response.content.decode()
    assert 'value="someone@example.org"' in response.content.decode()
    assert not Signup.objects.exists()


def test_an_unknown_or_unpublished_source_page_never_loses_the_signup(client, tree):
    draft = tree.add_update("Draft", [tree.migrants], live=False)

    for source in ["999999", "abc", str(draft.pk), ""]:
        response = client.post(
            "/join-us/",
            {"email": f"p{source}@example.org", "consent": "on", "source_page": source},
        )
        assert response.status_code == 302

    assert Signup.objects.count() == 4
    assert not Signup.objects.filter(source_page__isnull=False).exists()


def test_a_post_without_the_csrf_token_is_refused(tree):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/join-us/", {"email": "someone@example.org", "consent": "on"})

    assert response.status_code == 403
    assert not Signup.objects.exists()


def test_the_form_on_a_page_carries_a_csrf_token_and_the_page(client, tree):
    csrf_client = Client(enforce_csrf_checks=True)
    html = csrf_client.get(tree.migrants.url).content.decode()

    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="source_page" value="{tree.migrants.pk}"' in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = csrf_client.post(
        "/join-us/",
        {
            "email": "someone@example.org",
            "consent": "on",
            "source_page": tree.migrants.pk,
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302
    assert Signup.objects.get().source_page_id == tree.migrants.pk


def test_the_signup_page_works_on_its_own(client, tree):
    response = client.get("/join-us/")

    assert response.status_code == 200
    assert 'type="email"' in response.content.decode()
    assert client.put("/join-us/").status_code == 405
