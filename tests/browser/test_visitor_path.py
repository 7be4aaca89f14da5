"""A visitor's path through the demo site in Chromium: the home page, a topic, one of its
updates, all the topic's updates, narrowed by type, a search, the topic's feed, and a newsletter
signup confirmed through the link in the email. axe-core checks every page type on the way."""

import re
import xml.etree.ElementTree as ET

from django.core import mail

import pytest

from newsletter.models import Subscription
from topics.models import TopicPage

from .axe import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOPIC = "Migrant and refugee rights"


def test_visitor_finds_follows_and_joins(new_context, settings, demo_site):
    # People take a few seconds to sign up, scripts that post at once are ignored: the browser
    # is as quick as a script, so here the form's time stamp need only be there and be ours
    # (tests/test_newsletter_abuse.py checks the minimum time itself).
    settings.NEWSLETTER_MIN_FORM_SECONDS = 0
    mail.outbox = []
    page = new_context().new_page()
    page.set_default_navigation_timeout(60_000)

    # Home, then a topic from its list of priorities.
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name=TOPIC).first.click()
    page.wait_for_url("**/topics/migrant-and-refugee-rights/")
    assert page.get_by_role("heading", level=1).inner_text() == TOPIC
    assert_accessible(page)
    topic_url = page.url

    # The topic announces its feed; a feed reader gets well-formed RSS with its updates.
    feed_href = page.locator('link[rel="alternate"][type="application/rss+xml"]').last
    feed = page.request.get(feed_href.get_attribute("href"))
    assert feed.ok
    channel = ET.fromstring(feed.body()).find("channel")
    items = channel.findall("item")
    assert items, "the topic's feed has no entries"
    assert all(item.findtext("link", "").startswith("http") for item in items)

    # One of its latest updates.
    first_update = page.locator(".listing-section .card__title a").first
    update_title = first_update.inner_text()
    first_update.click()
    assert page.get_by_role("heading", level=1).inner_text() == update_title
    assert_accessible(page)

    # All the topic's updates, then only its joint letters.
    page.goto(topic_url)
    page.get_by_role("link", name="Check out all the latest updates to this topic").click()
    assert "topic=migrant-and-refugee-rights" in page.url
    assert_accessible(page)
    page.get_by_label("Type", exact=True).select_option(label="Joint letter")
    page.get_by_role("button", name="Show updates").click()
    page.wait_for_url(re.compile(r"type=joint-letter"))
    assert "topic=migrant-and-refugee-rights" in page.url
    cards = page.locator(".card__type")
    assert cards.count() >= 1
    assert {text.casefold() for text in cards.all_inner_texts()} == {"joint letter"}
    assert_accessible(page)

    # A search from the header box.
    page.get_by_label("Search the site").first.fill("Mauritania")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Mauritania"))
    results = page.locator(".search-result__title a")
    assert results.count() >= 1
    assert_accessible(page)

    # Join us from the topic page: its topic is ticked in advance.
    page.goto(topic_url)
    form = page.locator("form.signup-form")
    form.get_by_label("Email address").fill("visitor@example.org")
    assert form.get_by_label(TOPIC).is_checked()
    form.locator('input[name="consent"]').check()
    form.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/join-us/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert_accessible(page)

    # The confirmation email's link opens a page whose button confirms.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    subscription = Subscription.objects.get(email="visitor@example.org")
    assert subscription.status == Subscription.Status.PENDING  # opening the link changes nothing
    page.get_by_role("button", name="Confirm my subscription").click()
    page.get_by_role("heading", name="You are subscribed").wait_for()
    assert_accessible(page)

    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert list(subscription.topics.all()) == [TopicPage.objects.get(title=TOPIC)]
