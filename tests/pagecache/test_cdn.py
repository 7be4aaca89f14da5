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
