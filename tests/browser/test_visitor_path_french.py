"""A French-speaking visitor's path through the demo site in Chromium: the French home page, a
topic, one of its updates, the same update in Spanish through the language switcher and back,
then a newsletter signup whose confirmation email and pages are in French. axe-core checks the
pages on the way."""

import re

from django.core import mail

import pytest

from newsletter.models import Subscription

from .axe import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOPIC = "Droits des personnes migrantes et réfugiées"


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def test_a_french_visitor_reads_switches_language_and_joins_in_french(
    new_context, settings, demo_site
):
    settings.NEWSLETTER_MIN_FORM_SECONDS = 0  # see test_visitor_path.py
    mail.outbox = []
    page = new_context().new_page()
    page.set_default_navigation_timeout(60_000)

    # The French home page, then a topic from its priorities.
    page.goto("/fr/")
    assert html_lang(page) == "fr"
    page.get_by_role("link", name=TOPIC).first.click()
    page.wait_for_url("**/fr/nos-priorites/droits-des-personnes-migrantes-et-refugiees/")
    assert page.get_by_role("heading", level=1).inner_text() == TOPIC
    assert_accessible(page)
    topic_url = page.url

    # Its latest updates (six, a full grid): the three translated in French, the three others
    # in English and each marked so (then its stories, in French).
    cards = page.locator(".listing-section .card").filter(has=page.locator(".card__meta"))
    languages = [card.get_attribute("lang") for card in cards.all()]
    assert languages[:6] == [None] * 3 + ["en"] * 3, languages
    assert "en" not in languages[6:], languages
    english = page.locator('.card[lang="en"] .card__language').all_inner_texts()
    assert english == ["English"] * 3

    # A French update.
    first = page.locator(".listing-section .card:not([lang]) .card__title a").first
    title = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert "/fr/actualites/" in page.url
    assert "Mauritanie" in page.locator(".facts").inner_text()
    assert_accessible(page)
    french_update = page.url

    # The same update in Spanish, then back to French, through the switcher.
    switcher = page.get_by_role("navigation", name="Langue")
    switcher.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/novedades/**")
    assert html_lang(page) == "es"
    assert "Mauritania" in page.locator(".facts").inner_text()
    assert_accessible(page)
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="Français").click()
    page.wait_for_url(french_update)
    assert page.get_by_role("heading", level=1).inner_text() == title

    # Join us from the French topic page, in French.
    page.goto(topic_url)
    form = page.locator("form.signup-form")
    form.get_by_label("Adresse e-mail").fill("visiteuse@example.org")
    form.locator('input[name="consent"]').check()
    form.get_by_role("button", name="S'inscrire").click()
    page.wait_for_url("**/fr/join-us/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Consultez votre messagerie"
    assert_accessible(page)

    # The confirmation email is in French and leads to the French pages.
    (message,) = mail.outbox
    assert message.subject.startswith("Confirmez votre abonnement")
    link = re.search(r"https?://\S+/fr/join-us/confirm/\S+", message.body).group(0)
    page.goto(link)
    assert html_lang(page) == "fr"
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    page.get_by_role("heading", name="Votre abonnement est actif").wait_for()
    assert_accessible(page)
    subscription = Subscription.objects.get(email="visiteuse@example.org")
    assert subscription.status == Subscription.Status.CONFIRMED
    assert subscription.language == "fr"
