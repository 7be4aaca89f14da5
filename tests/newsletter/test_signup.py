"""The Join us form: where it appears, what it asks, how it reports mistakes, what it stores.

The helpers at the top are shared by the tests/test_newsletter_*.py files."""

import re
import time
from urllib.parse import urlsplit

from django.core import mail
from django.template import Context, Template
from django.test import Client, RequestFactory

from wagtail.models import Page, Site

import pytest

from core.locales import language_of
from core.models import SiteSettings
from newsletter.models import Subscription
from newsletter.tokens import make_form_started

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    """What a person sends after half a minute on the form; ``None`` leaves a field out."""
    data = {
        "email": "defender@example.org",
        "consent": "on",
        "started": make_form_started(at=time.time() - 30),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def sign_up(client, capture, **overrides):
    """Post the form and run what waits for the commit (sending the email)."""
    with capture(execute=True):
        return client.post("/join-us/", form_data(**overrides), REMOTE_ADDR="192.0.2.10")


def link_in(message, name):
    """The path of the ``name`` link ("confirm" or "unsubscribe") in an email."""
    match = re.search(rf"https?://[^\s]+/join-us/{name}/[^\s]+/", message.body)
    assert match, f"no {name} link in:\n{message.body}"
    return urlsplit(match.group(0)).path


def csrf_post(client, path, data=None):
    """Post like a browser would from the page at ``path``: with its CSRF token."""
    html = client.get(path).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return client.post(path, {"csrfmiddlewaretoken": token, **(data or {})})


def test_a_valid_signup_is_stored_as_pending_with_its_details_and_the_visitor_told_to_check_email(
    client, tree, django_capture_on_commit_callbacks
):
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email=" Defender@Example.org ",
        source_page=tree.migrants.pk,
        topics=[tree.migrants.pk, tree.women.pk],
    )

    assert response.status_code == 302
    assert response["Location"] == "/join-us/thanks/"
    thanks = client.get("/join-us/thanks/").content.decode()
    assert "Check your email" in thanks
    subscription = Subscription.objects.get()
    assert subscription.email == "defender@example.org"
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.source_page.specific == tree.migrants
    assert set(subscription.topics.all()) == {tree.migrants, tree.women}
    assert subscription.consent_version and subscription.consent_given_at
    assert subscription.created_at and subscription.confirmed_at is None
    assert subscription.language == "en"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["defender@example.org"]


@pytest.mark.parametrize(
    "email", ["not-an-email", "a@", "@b.org", "x" * 300 + "@example.org", "a\x00b@example.org"]
)
def test_an_invalid_address_is_refused_with_an_announced_error_and_keeps_what_was_typed(
    client, tree, email
):
    response = client.post(
        "/join-us/", form_data(email=email, topics=[tree.women.pk], source_page=tree.migrants.pk)
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Please enter a valid email address" in html or "at most" in html or "Null" in html
    summary = html.split('id="signup-errors"', 1)[1].split("</div>", 1)[0]
    assert 'role="alert"' in html.split('id="signup-errors"', 1)[0][-200:] + summary
    assert 'href="#id_email"' in summary
    assert 'aria-invalid="true" aria-describedby="id_email-error"' in html
    if "\x00" not in email:
        assert f'value="{email}"' in html
    assert re.search(rf'value="{tree.women.pk}" checked', html), "the chosen topic stays ticked"
    assert re.search(r'name="consent"[^>]* checked', html)
    assert not Subscription.objects.exists()


def test_a_signup_without_consent_is_refused_with_a_clear_message(client, tree):
    response = client.post("/join-us/", form_data(consent=None, email="someone@example.org"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Please tick the box to agree to receive our emails." in html
    assert 'href="#id_consent"' in html
    assert 'aria-invalid="true" aria-describedby="id_consent-error"' in html
    assert 'value="someone@example.org"' in html
    assert not Subscription.objects.exists()


def test_the_error_summary_is_focused_when_the_page_loads(client, tree):
    html = client.post("/join-us/", form_data(email="", consent=None)).content.decode()

    summary_tag = re.search(r"<div[^>]*id=\"signup-errors\"[^>]*>", html).group(0)
    assert "autofocus" in summary_tag and 'tabindex="-1"' in summary_tag
    assert "Please correct these 2 errors" in html
    assert "<title>Join us: please correct the errors" in html


@pytest.mark.parametrize(
    "topics",
    [["999999"], ["abc"], ["\x00"], ["1" * 400], ["-1"], ["1.5"]],
)
def test_unknown_or_malformed_topics_are_refused_with_a_message_not_a_500(client, tree, topics):
    response = client.post("/join-us/", form_data(topics=topics))

    assert response.status_code == 400
    assert "Please choose among the topics listed." in response.content.decode()
    assert not Subscription.objects.exists()


def test_draft_and_private_topics_are_neither_offered_nor_accepted(client, tree):
    draft = tree.add_topic("Draft topic", live=False)
    private = tree.restrict(tree.add_topic("Private topic"))

    html = client.get("/join-us/").content.decode()

    assert "Migrant and refugee rights" in html and "Women human rights defenders" in html
    assert "Draft topic" not in html and "Private topic" not in html
    for topic in (draft, private):
        response = client.post("/join-us/", form_data(topics=[topic.pk]))
        assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_topics_are_checkboxes_in_a_fieldset_with_a_legend(client, tree):
    html = client.get("/join-us/").content.decode()

    fieldset = html.split("<fieldset", 1)[1].split("</fieldset>", 1)[0]
    assert "<legend>Topics that interest you" in fieldset
    assert fieldset.count('type="checkbox"') == 2
    assert '<label for="id_topics_0">Migrant and refugee rights</label>' in fieldset
    assert "checked" not in fieldset


def test_on_a_topic_page_that_topic_is_already_chosen(client, tree):
    html = client.get(tree.migrants.url).content.decode()

    assert re.search(rf'value="{tree.migrants.pk}" checked', html)
    assert not re.search(rf'value="{tree.women.pk}" checked', html)
    assert f'name="source_page" value="{tree.migrants.pk}"' in html
    home = client.get(tree.home.url).content.decode()
    assert 'type="checkbox" name="topics"' in home
    assert not re.search(r'name="topics"[^>]*checked', home)


def test_the_consent_links_to_the_privacy_notice_when_there_is_one(client, tree):
    html = client.get("/join-us/").content.decode()
    assert "I agree that ISHR may email me news of its work" in html
    assert "privacy notice</a>" not in html

    privacy = tree.home.add_child(instance=Page(title="Privacy notice", slug="privacy"))
    SiteSettings.objects.update_or_create(site=tree.site, defaults={"privacy_notice": privacy})
    html = client.get("/join-us/").content.decode()

    assert f'<a href="{privacy.url}">privacy notice</a>' in html
    assert 'aria-describedby="id_consent-privacy"' in html


def test_the_honeypot_is_hidden_from_everyone_and_labelled_to_be_left_empty(client, tree):
    html = client.get("/join-us/").content.decode()

    wrapper = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S)
    assert wrapper
    assert "Leave this field empty" in wrapper.group(1)
    field = re.search(r'<input type="text" name="website"[^>]*>', wrapper.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site", "origin": "https://elsewhere.example"},
        {"sec-fetch-site": "same-site", "origin": "https://news.testserver"},
        {"origin": "https://elsewhere.example"},  # a browser without fetch metadata
        {"origin": "null"},  # a sandboxed frame or a data: page
    ],
)
def test_a_signup_sent_from_another_site_is_refused_and_what_was_typed_kept(tree, headers):
    """The form carries no CSRF token (it is on cached pages): where the browser says it was
    sent from is checked instead, so no other site can make visitors sign addresses up."""
    client = Client(enforce_csrf_checks=True)

    response = client.post("/join-us/", form_data(email="typed@example.org"), headers=headers)

    assert response.status_code == 403
    html = response.content.decode()
    assert "sent from another website" in html
    assert 'value="typed@example.org"' in html
    assert not Subscription.objects.exists()


def test_the_form_on_a_page_carries_the_page_and_a_signed_start_time_and_no_csrf_token(
    tree, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    page = client.get(tree.migrants.url)
    html = page.content.decode()

    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    assert set(fields) >= {"source_page", "started"}
    assert "csrfmiddlewaretoken" not in fields and not page.cookies
    assert fields["source_page"] == str(tree.migrants.pk)
    fields["started"] = make_form_started(at=time.time() - 10)  # a person takes a while
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/join-us/",
            {**fields, "email": "someone@example.org", "consent": "on"},
            headers={"sec-fetch-site": "same-origin", "origin": "http://testserver"},
        )
    assert response.status_code == 302
    assert Subscription.objects.get().source_page_id == tree.migrants.pk


def test_an_unknown_or_unpublished_source_page_never_loses_the_signup(client, tree):
    draft = tree.add_update("Draft", [tree.migrants], live=False)

    for source in ["999999", "abc", str(draft.pk), "", "9" * 40]:
        response = client.post(
            "/join-us/",
            form_data(email=f"p{len(source)}{source[:3]}@example.org", source_page=source),
        )
        assert response.status_code == 302

    assert Subscription.objects.count() == 5
    assert not Subscription.objects.filter(source_page__isnull=False).exists()


def test_the_signup_page_works_on_its_own(client, tree):
    response = client.get("/join-us/")

    assert response.status_code == 200
    assert 'type="email"' in response.content.decode()
    assert client.put("/join-us/").status_code == 405


def test_the_form_costs_the_same_queries_with_two_or_twenty_topics(
    tree, django_assert_max_num_queries
):
    privacy = tree.home.add_child(instance=Page(title="Privacy notice", slug="privacy"))
    SiteSettings.objects.create(site=tree.site, privacy_notice=privacy)

    def render():
        request = RequestFactory().get("/")
        # The page being served has found its site, the sites' root paths and the locales
        # (cached) already.
        Site.find_for_request(request)
        assert privacy.url
        language_of(tree.migrants)
        template = Template("{% load newsletter_tags %}{% join_us page %}")
        # With the page cache off, as here, the site's language trees are looked up too
        # (core.query.translations_in_tree), and the privacy notice's versions that visitors
        # may read (live, not private); in production they, the topics and the settings with
        # their notices are kept.
        with django_assert_max_num_queries(5) as queries:
            html = template.render(Context({"request": request, "page": tree.migrants}))
        return html, len(queries)

    html_2, with_2 = render()
    for number in range(18):
        tree.add_topic(f"Topic {number}")
    html_20, with_20 = render()

    assert html_2.count('name="topics"') == 2 and html_20.count('name="topics"') == 20
    assert "privacy notice</a>" in html_20
    assert with_2 == with_20


def test_a_form_left_open_too_long_is_shown_again_with_what_was_typed_and_a_new_time_stamp(
    client, tree, settings, django_capture_on_commit_callbacks
):
    """The signed time stamp expires (``NEWSLETTER_FORM_MAX_SECONDS``), so that one stamp
    fetched once cannot send signups for ever; a person who left the form open that long is
    asked to send it again, with what they typed, nothing lost and nothing stored yet."""
    settings.NEWSLETTER_FORM_MAX_SECONDS = 3600
    old = make_form_started(at=time.time() - 3601)

    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="patient@example.org",
        topics=[str(tree.migrants.pk)],
        started=old,
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "open for a long time" in html
    assert 'value="patient@example.org"' in html
    assert re.search(rf'value="{tree.migrants.pk}"[^>]*checked', html)
    fresh = re.search(r'name="started" value="([^"]+)"', html).group(1)
    assert fresh != old
    assert not Subscription.objects.exists()

    again = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="patient@example.org",
        started=make_form_started(at=time.time() - 3600 + 60),
    )

    assert again.status_code == 302
    assert Subscription.objects.filter(email="patient@example.org").exists()
