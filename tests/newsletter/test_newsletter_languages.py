"""The newsletter remembers the language a visitor signed up in: its emails, the pages their
links lead to and the pages after them are in that language, and the subscribers' list and
its CSV export say which language each subscriber chose."""

import re

from django.core import mail
from django.utils import translation

import pytest

from core.models import SiteSettings
from home.models import StandardPage
from newsletter.emails import send_due_email
from newsletter.models import Subscription
from tests.builders import build
from tests.newsletter.test_newsletter_admin import LISTING, export, subscribe
from tests.newsletter.test_signup import form_data, link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_home(tree):
    return tree.translate(tree.home, "fr", title="Service international pour les droits humains")


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_a_french_signup_is_answered_in_french_all_the_way(
    client, tree, french_home, django_capture_on_commit_callbacks
):
    form = client.get("/fr/join-us/")
    assert html_lang(form) == "fr"
    assert "Rejoignez-nous" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/join-us/", form_data(), REMOTE_ADDR="192.0.2.10")
    assert response["Location"] == "/fr/join-us/thanks/"
    assert html_lang(client.get(response["Location"])) == "fr"
    assert Subscription.objects.get().language == "fr"

    (message,) = mail.outbox
    assert "Confirmez" in message.subject
    assert "Bonjour" in message.body or "confirm" in message.body
    confirm = link_in(message, "confirm")
    assert confirm.startswith("/fr/join-us/confirm/")
    assert link_in(message, "unsubscribe").startswith("/fr/join-us/unsubscribe/")
    assert "http://testserver/fr/" in message.body, "the site's address in French"

    page = client.get(confirm)
    assert html_lang(page) == "fr"
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm)
    assert confirmed["Location"] == "/fr/join-us/confirmed/"
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED
    (_, welcome) = mail.outbox
    assert link_in(welcome, "unsubscribe").startswith("/fr/join-us/unsubscribe/")


def test_a_spanish_subscribers_email_is_in_spanish_when_a_later_attempt_sends_it(
    client, tree, django_capture_on_commit_callbacks
):
    """A failed sending is tried again outside any request (``send_pending_confirmations``), where
    the active language is the default one."""
    tree.translate(tree.home, "es", title="Inicio")
    client.post("/es/join-us/", form_data(), REMOTE_ADDR="192.0.2.10")  # not sent yet
    subscription = Subscription.objects.get()
    assert subscription.language == "es"

    with translation.override("en"):
        assert send_due_email(subscription.pk, base_url="http://testserver")

    (message,) = mail.outbox
    assert "Confirme" in message.subject
    assert link_in(message, "confirm").startswith("/es/join-us/confirm/")
    assert link_in(message, "unsubscribe").startswith("/es/join-us/unsubscribe/")
    assert "http://testserver/es/" in message.body


def test_the_subscribers_list_and_export_show_each_subscribers_language(admin_client, tree):
    subscribe("fr@example.org", language="fr")
    subscribe("es@example.org", language="es")
    subscribe("en@example.org", language="en")
    subscribe("old@example.org")  # signed up before languages were kept

    html = admin_client.get(LISTING).content.decode()
    assert re.search(r"<th[^>]*>\s*(<a[^>]*>)?\s*Language", html)
    for name in ("French", "Spanish", "English"):
        assert re.search(rf"<td[^>]*>\s*{name}\s*</td>", html), name

    _response, rows = export(admin_client)
    languages = {row["Email address"]: row["Language"] for row in rows}
    assert languages == {
        "fr@example.org": "French",
        "es@example.org": "Spanish",
        "en@example.org": "English",
        "old@example.org": "",
    }


def test_the_french_join_us_box_offers_the_topics_in_french_and_ticks_the_pages_own(
    client, tree, french_home, django_capture_on_commit_callbacks
):
    tree.translate(tree.topic_index, "fr", title="Nos priorités", slug="nos-priorites")
    migrants = tree.translate(
        tree.migrants, "fr", title="Droits des personnes migrantes", slug="migrants"
    )
    html = client.get(migrants.url).content.decode()

    offered = re.findall(
        r'<input type="checkbox" name="topics" id="[^"]+"\s+value="(\d+)"([^>]*)>\s*'
        r"<label[^>]*>(.*?)</label>",
        html,
    )
    assert [(int(pk), label.strip(), "checked" in attrs) for pk, attrs, label in offered] == [
        (migrants.pk, "Droits des personnes migrantes", True),
        (tree.women.pk, '<span lang="en">Women human rights defenders</span>', False),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/join-us/", form_data(topics=[migrants.pk, tree.women.pk]), REMOTE_ADDR="192.0.2.9"
        )
    assert set(Subscription.objects.get().topics.all()) == {migrants, tree.women}


def test_the_admins_topic_filter_finds_subscribers_of_every_language(admin_client, tree):
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.topic_index, "fr", title="Nos priorités", slug="nos-priorites")
    migrants = tree.translate(tree.migrants, "fr", title="Droits des migrants", slug="migrants")
    subscribe("fr@example.org", [migrants], language="fr")
    subscribe("en@example.org", [tree.migrants], language="en")
    subscribe("women@example.org", [tree.women], language="en")

    html = admin_client.get(LISTING, {"topics": tree.migrants.pk}).content.decode()

    assert "fr@example.org" in html and "en@example.org" in html
    assert "women@example.org" not in html
    assert f'value="{migrants.pk}"' not in html, "one box per topic, in the default language"


def test_a_french_page_links_the_french_privacy_notice(client, tree, french_home):
    notice = build(StandardPage, tree, title="Privacy notice", slug="privacy-notice")
    settings = SiteSettings.for_site(tree.site)
    settings.privacy_notice = notice
    settings.save()
    french_notice = tree.translate(notice, "fr", title="Confidentialité", slug="confidentialite")

    html = client.get("/fr/join-us/").content.decode()
    assert html.count(f'href="{french_notice.url}"') == 2, "the form's link and the footer's"
    assert f'href="{notice.url}"' not in html
    english = client.get("/join-us/").content.decode()
    assert english.count(f'href="{notice.url}"') == 2


def test_the_join_us_page_has_its_address_in_each_language_for_search_engines(client, tree):
    html = client.get("/fr/join-us/").content.decode()

    assert '<link rel="canonical" href="http://testserver/fr/join-us/">' in html
    assert re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html) == [
        ("en", "http://testserver/join-us/"),
        ("fr", "http://testserver/fr/join-us/"),
        ("es", "http://testserver/es/join-us/"),
        ("x-default", "http://testserver/join-us/"),
    ]
    assert '<meta name="description" content="Recevez' in html
    # A form sent back with errors is not a page to index.
    errors = client.post("/fr/join-us/", form_data(email="nope"), REMOTE_ADDR="192.0.2.8")
    assert 'rel="canonical"' not in errors.content.decode()
    assert '<link rel="alternate" hreflang' not in errors.content.decode()
