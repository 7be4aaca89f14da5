"""The login form that private pages send visitors to (``/_util/login/``)."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/_util/login/"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("member", "m@example.org", "a long passphrase")


def test_a_login_from_a_private_page_returns_to_it(client, tree, member):
    private = tree.restrict(tree.add_update("Members' briefing", [tree.migrants]))

    asked = client.get(private.url)
    response = client.post(
        asked["Location"], {"username": "member", "password": "a long passphrase"}
    )

    assert response.status_code == 302
    assert response["Location"] == private.url
    assert client.get(private.url).status_code == 200


@pytest.mark.parametrize("next_url", [None, "", "https://evil.example/", "//evil.example/"])
def test_a_login_with_no_page_to_return_to_leads_home_not_to_a_404(client, tree, member, next_url):
    query = "" if next_url is None else f"?next={next_url}"

    response = client.post(LOGIN + query, {"username": "member", "password": "a long passphrase"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200
