"""The footer an NGO's visitors expect, edited under Settings › Site settings: the address, how to
reach the organisation, its social media profiles, the privacy notice, and a Donate link when
the settings name a donation address. Each part is left out cleanly when its settings are empty,
and a change shows at once on pages the page cache keeps."""

import re

from django.template.loader import render_to_string
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings
from demo.content.site import FOOTER_SETTINGS
from home.models import StandardPage
from tests.builders import build

FILLED = {
    "address": "Rue de Varembé 1\nP.O. Box 16\n1211 Geneva 20\nSwitzerland",
    "email": "info@example.org",
    "phone": "+41 22 919 71 00",
    "donate_url": "https://donate.example.org/ishr",
    "bluesky_url": "https://bsky.app/profile/ishr-demo.bsky.social",
    "mastodon_url": "https://mastodon.social/@ishr_demo",
    "linkedin_url": "https://www.linkedin.com/company/ishr-demo",
    "facebook_url": "",
    "instagram_url": "",
    "youtube_url": "https://www.youtube.com/@ishr-demo",
    "x_url": "",
}


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])


def form_data(**changes):
    """What the Site settings form posts: every field, the footer's filled in."""
    return {"privacy_notice": "", "default_social_image": "", **FILLED, **changes}


def set_footer(site, **changes):
    settings = SiteSettings.for_site(site)
    for name, value in {**FILLED, **changes}.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


# The settings form ----------------------------------------------------------------------------


def test_the_footer_settings_are_saved_from_the_admin(editor_client, tree):
    response = editor_client.post(settings_url(tree.site), form_data())

    assert response.status_code == 302
    settings = SiteSettings.for_site(tree.site)
    assert settings.address == FILLED["address"]
    assert settings.donate_url == FILLED["donate_url"]
    assert settings.mastodon_url == FILLED["mastodon_url"]


def test_the_settings_form_groups_its_fields_under_headings_that_say_what_they_hold(
    editor_client, tree
):
    html = editor_client.get(settings_url(tree.site)).content.decode()

    for heading in ("Footer: contact", "Social media", "Donations", "Privacy and sharing"):
        assert heading in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("donate_url", "javascript:alert(1)"),
        ("donate_url", "http://donate.example.org/"),
        ("bluesky_url", "data:text/html,hello"),
        ("mastodon_url", "ftp://mastodon.social/@ishr"),
        ("linkedin_url", "http://www.linkedin.com/company/ishr"),
    ],
)
def test_a_link_must_be_a_secure_web_address(editor_client, tree, field, value):
    response = editor_client.post(settings_url(tree.site), form_data(**{field: value}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a full web address beginning with https://" in html
    assert getattr(SiteSettings.for_site(tree.site), field) == ""


@pytest.mark.parametrize(
    ("field", "value", "hosts"),
    [
        ("linkedin_url", "https://facebook.com/ishr", "LinkedIn addresses are on linkedin.com"),
        ("bluesky_url", "https://twitter.com/ishr", "Bluesky addresses are on bsky.app"),
        ("x_url", "https://x.com.evil.example/", "X addresses are on x.com or twitter.com"),
    ],
)
def test_a_social_link_must_lead_to_its_network(editor_client, tree, field, value, hosts):
    response = editor_client.post(settings_url(tree.site), form_data(**{field: value}))

    assert response.status_code == 200
    assert f"{hosts}: this one is not." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # Python reads the host as linkedin.com; a browser takes the backslash for a slash and
        # goes to evil.example.
        ("linkedin_url", "https://evil.example\\@linkedin.com/"),
        ("donate_url", "https://evil.example\\@example.org/donate"),
        ("linkedin_url", "https://user:secret@www.linkedin.com/company/ishr"),
        ("mastodon_url", "https://ishr@evil.example/"),
    ],
)
def test_a_link_may_not_hide_its_host_behind_a_backslash_or_a_user_name(
    editor_client, tree, field, value
):
    response = editor_client.post(settings_url(tree.site), form_data(**{field: value}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "without a user name, password or backslash" in html
    assert getattr(SiteSettings.for_site(tree.site), field) == ""


def test_a_web_address_typed_without_its_scheme_is_taken_as_https(editor_client, tree):
    editor_client.post(settings_url(tree.site), form_data(instagram_url="instagram.com/ishr"))

    assert SiteSettings.for_site(tree.site).instagram_url == "https://instagram.com/ishr"


@pytest.mark.parametrize(
    "phone",
    [
        "call us maybe",
        "022 919 71 00",  # no country code: a phone abroad would dial another number
        "1......",
        "+41 (0)22 919 71 00",  # the (0) is not dialled after +41: tel: would be wrong
        "+0 22 919 71 00",  # no country code begins with 0
        "+41 22",  # too short to be anyone's
    ],
)
def test_a_phone_number_is_digits_with_its_country_code(editor_client, tree, phone):
    response = editor_client.post(settings_url(tree.site), form_data(phone=phone))

    assert response.status_code == 200
    assert "Enter the number in digits" in response.content.decode()
    assert SiteSettings.for_site(tree.site).phone == ""


@pytest.mark.parametrize("phone", ["+41 22 919 71 00", "+41.22.919.71.00", "+1-212-555-0100"])
def test_a_phone_number_may_be_grouped_with_spaces_dots_or_dashes(editor_client, tree, phone):
    editor_client.post(settings_url(tree.site), form_data(phone=phone))

    assert SiteSettings.for_site(tree.site).phone == phone


# The footer -----------------------------------------------------------------------------------


def test_the_footer_shows_the_address_contact_social_links_and_donate_link(client, tree):
    set_footer(tree.site)

    footer = footer_of(client.get(tree.home.url))

    assert "Rue de Varembé 1<br>P.O. Box 16<br>1211 Geneva 20<br>Switzerland" in footer
    assert '<a href="mailto:info@example.org">info@example.org</a>' in footer
    assert '<a href="tel:+41229197100">+41 22 919 71 00</a>' in footer
    assert re.findall(r'<a href="(https://[^"]+)" rel="me">([^<]+)<', footer) == [
        ("https://bsky.app/profile/ishr-demo.bsky.social", "Bluesky"),
        ("https://mastodon.social/@ishr_demo", "Mastodon"),
        ("https://www.linkedin.com/company/ishr-demo", "LinkedIn"),
        ("https://www.youtube.com/@ishr-demo", "YouTube"),
    ]
    assert 'href="https://donate.example.org/ishr"' in footer
    assert ">Donate<" in footer


def test_the_footer_leaves_out_what_the_settings_do_not_name(client, tree):
    set_footer(tree.site, **dict.fromkeys(FILLED, ""))

    footer = footer_of(client.get(tree.home.url))

    for absent in ("<address", "mailto:", "tel:", 'rel="me"', "Follow us", "Contact", "Donate"):
        assert absent not in footer
    assert "site-footer__social" not in footer
    assert "International Service for Human Rights" in footer  # the rest is still there


def test_each_part_of_the_footer_shows_on_its_own(client, tree):
    set_footer(tree.site, **{**dict.fromkeys(FILLED, ""), "phone": "+41 22 919 71 00"})

    footer = footer_of(client.get(tree.home.url))

    assert '<a href="tel:+41229197100">' in footer
    assert "mailto:" not in footer
    assert "<br>" not in footer
    assert "Follow us" not in footer


def test_no_donate_link_anywhere_without_a_donation_address(client, tree):
    set_footer(tree.site, donate_url="")

    html = client.get(tree.home.url).content.decode()

    assert "Donate" not in html
    assert "donate-link" not in html


def test_the_header_menu_offers_donate_beside_join_us_when_a_donation_page_is_set(client, tree):
    set_footer(tree.site)
    soup = BeautifulSoup(client.get(tree.home.url).content, "html.parser")

    nav = soup.select_one("header nav.site-nav")
    links = [link.get_text(strip=True) for link in nav.select("a")]
    assert links[-2:] == ["Join us", "Donate"]
    donate = nav.select_one("a[href='https://donate.example.org/ishr']")
    assert donate["class"] == ["site-nav__link", "site-nav__link--cta"], "styled as Join us"

    set_footer(tree.site, donate_url="")
    soup = BeautifulSoup(client.get(tree.home.url).content, "html.parser")
    nav = soup.select_one("header nav.site-nav")
    assert [link.get_text(strip=True) for link in nav.select("a")][-1] == "Join us"
    assert not nav.select("li:empty"), "no empty list item where the link would be"


def test_the_donate_link_include_renders_for_the_header(rf, tree):
    request = rf.get("/")
    set_footer(tree.site)
    html = render_to_string("components/donate_link.html", request=request)
    assert 'href="https://donate.example.org/ishr"' in html and "Donate" in html

    set_footer(tree.site, donate_url="")
    assert render_to_string("components/donate_link.html", request=rf.get("/")).strip() == ""


def test_a_draft_privacy_notice_is_not_linked(client, tree):
    notice = StandardPage(title="Privacy notice", slug="privacy-notice", intro="x", live=False)
    tree.home.add_child(instance=notice)
    notice.save_revision()
    set_footer(tree.site, privacy_notice=notice)

    footer = footer_of(client.get(tree.home.url))

    assert "Privacy notice" not in footer
    assert notice.url_path.rstrip("/").split("/")[-1] not in footer


def test_a_private_privacy_notice_is_not_linked(client, tree):
    """Visitors would meet a sign-in page where the notice should be: a privacy notice that
    only signed-in people may read is as good as none (and its address is not given out). A
    private translation gives way to the public original."""
    french_home = tree.translate(tree.home, "fr", title="Service international")
    notice = build(StandardPage, tree, title="Privacy notice", slug="privacy-notice")
    french = tree.translate(notice, "fr", title="Confidentialité", slug="confidentialite")
    set_footer(tree.site, privacy_notice=notice)
    tree.restrict(french)

    french_footer = footer_of(client.get(french_home.url))
    assert "confidentialite" not in french_footer
    assert 'href="/privacy-notice/"' in french_footer

    tree.restrict(notice)
    for home in (tree.home, french_home):
        footer = footer_of(client.get(home.url))
        assert "privacy-notice" not in footer and "confidentialite" not in footer


def test_the_french_footer_shows_the_settings_and_the_french_privacy_notice(client, tree):
    tree.translate(tree.home, "fr", title="Service international pour les droits humains")
    notice = build(StandardPage, tree, title="Privacy notice", slug="privacy-notice")
    french_notice = tree.translate(notice, "fr", title="Confidentialité", slug="confidentialite")
    set_footer(tree.site, privacy_notice=notice)

    response = client.get("/fr/")
    footer = footer_of(response)

    assert '<html lang="fr">' in response.content.decode()
    assert f'href="{french_notice.url}"' in footer
    assert "Rue de Varembé 1<br>" in footer
    assert 'href="https://donate.example.org/ishr"' in footer
    assert '<a href="mailto:info@example.org">' in footer


def test_the_demo_footer_settings_are_ones_the_admin_accepts(editor_client, tree):
    response = editor_client.post(settings_url(tree.site), form_data(**FOOTER_SETTINGS))

    assert response.status_code == 302
    assert SiteSettings.for_site(tree.site).x_url == FOOTER_SETTINGS["x_url"]
