"""With a CDN in front (CDN_BACKEND: Wagtail's Cloudflare or CloudFront backend), a change sends
the CDN the addresses it affects, as the CDN purges by address."""

import importlib
import sys

from django.core.exceptions import ImproperlyConfigured

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import pytest

PURGED = []


class RecordingBackend(BaseBackend):
    """Stands for the CDN's API, which this machine cannot reach: keeps what it was sent."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_publishing_an_update_sends_the_cdn_every_address_that_shows_it(
    tree, cdn, django_capture_on_commit_callbacks
):
    tree.translate(tree.home, "fr")
    tree.translate(tree.topic_index, "fr")
    french_topic = tree.translate(tree.migrants, "fr", title="Droits des migrants")
    update = tree.add_update("Ceuta report", [tree.migrants], live=False)
    cdn.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update.get_latest_revision().publish()

    listing = tree.update_index.full_url
    assert {
        update.full_url,
        tree.migrants.full_url,
        french_topic.full_url,  # the topic in every language lists it
        listing,
        f"{listing}feeds/rss/",
        f"{listing}feeds/atom/",
        f"{listing}feeds/{tree.migrants.slug}/rss/",
        tree.home.full_url,
        f"{tree.site.root_url}/sitemap.xml",
        f"{tree.site.root_url}/sitemap-pages.xml",
    } <= set(cdn)
    assert tree.women.full_url not in cdn


def test_without_a_cdn_nothing_is_sent(tree, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    PURGED.clear()
    update = tree.add_update("Ceuta report", [tree.migrants], live=False)

    with django_capture_on_commit_callbacks(execute=True):
        update.get_latest_revision().publish()

    assert PURGED == []


def test_cdn_backend_setting_names_a_known_cdn(monkeypatch):
    monkeypatch.setenv("CDN_BACKEND", "akamai")
    monkeypatch.delitem(sys.modules, "ishr_site.settings.base", raising=False)
    with pytest.raises(ImproperlyConfigured, match="cloudflare or cloudfront"):
        importlib.import_module("ishr_site.settings.base")


def test_cloudfront_also_drops_the_filtered_and_numbered_pages_of_the_listings_and_sitemap(
    tree, cdn, settings, django_capture_on_commit_callbacks
):
    """CloudFront drops every address that begins with a path ending in "*": the listing's
    filtered and numbered pages (``?topic=…&page=2``), the topic page's, the sitemap's."""
    settings.CDN_PURGES_PREFIXES = True
    update = tree.add_update("Ceuta report", [tree.migrants], live=False)
    cdn.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update.get_latest_revision().publish()

    assert {
        f"{tree.update_index.full_url}*",
        f"{tree.migrants.full_url}*",
        f"{tree.site.root_url}/sitemap-pages.xml*",
    } <= set(cdn)
    assert f"{tree.women.full_url}*" not in cdn


def test_a_cdn_that_purges_exact_addresses_gets_no_prefix(
    tree, cdn, settings, django_capture_on_commit_callbacks
):
    settings.CDN_PURGES_PREFIXES = False
    update = tree.add_update("Ceuta report", [tree.migrants], live=False)

    with django_capture_on_commit_callbacks(execute=True):
        update.get_latest_revision().publish()

    assert cdn and not [url for url in cdn if "*" in url]


@pytest.mark.parametrize("backend, prefixes", [("cloudfront", True), ("cloudflare", False)])
def test_only_cloudfront_is_sent_prefixes(monkeypatch, backend, prefixes):
    for name in ("CLOUDFLARE_BEARER_TOKEN", "CLOUDFLARE_ZONE_ID", "CLOUDFRONT_DISTRIBUTION_ID"):
        monkeypatch.setenv(name, "x")
    monkeypatch.setenv("CDN_BACKEND", backend)
    monkeypatch.delitem(sys.modules, "ishr_site.settings.base", raising=False)

    base = importlib.import_module("ishr_site.settings.base")

    assert base.CDN_PURGES_PREFIXES is prefixes
