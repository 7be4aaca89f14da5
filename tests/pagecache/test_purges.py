"""Purges by dependency: a change purges the cached responses that show what changed, in every
language, and leaves the others cached."""

import datetime
import time

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from core.models import SiteSettings
from home.models import StandardPage
from pagecache import store
from pagecache.keys import page_key
from pagecache.purge import purge_now
from tests.conftest import make_image
from tests.editorial.test_scheduled_publishing import let_the_time_come, schedule
from updates.taxonomy import UpdateType


@pytest.fixture
def pages(tree):
    old = tree.add_update("Older migrants update", [tree.migrants])
    return {
        "migrants": tree.migrants.url,
        "women": tree.women.url,
        "listing": tree.update_index.url,
        "filtered": f"{tree.update_index.url}?topic={tree.migrants.slug}",
        "feed": f"{tree.update_index.url}feeds/rss/",
        "topic feed": f"{tree.update_index.url}feeds/{tree.migrants.slug}/atom/",
        "home": tree.home.url,
        "sitemap": "/sitemap-pages.xml",
        "stories": tree.story_index.url,
        "old update": old.url,
        "not found": "/no-such-page/",
    }


def cached(visitor, pages):
    return {name for name, path in pages.items() if visitor.cached(path)}


def test_publishing_an_update_purges_its_topic_the_listings_feeds_home_and_sitemap(
    tree, pages, visitor, committed
):
    visitor.visit(*pages.values())
    update = tree.add_update("New migrants update", [tree.migrants], live=False)

    committed(lambda: update.get_latest_revision().publish())

    # The older update lists its related updates: the new one is one of them now.
    assert cached(visitor, pages) == {"women", "stories"}
    assert "New migrants update" in visitor.client.get(pages["migrants"]).content.decode()


def test_an_update_untagged_from_a_topic_leaves_that_topic_page(tree, pages, visitor, committed):
    update = tree.add_update("Both topics", [tree.migrants, tree.women])
    visitor.visit(pages["women"], pages["migrants"], update.url)
    assert "Both topics" in visitor.client.get(pages["women"]).content.decode()

    update.topics = [tree.migrants]
    committed(lambda: update.save_revision().publish())

    women = visitor.client.get(pages["women"])
    assert women.get("X-Cache") != "hit" and "Both topics" not in women.content.decode()
    assert not visitor.cached(update.url)


def test_unpublishing_or_deleting_an_update_purges_everywhere_it_showed(
    tree, pages, visitor, committed
):
    update = tree.add_update("Withdrawn update", [tree.migrants])
    second = tree.add_update("Deleted update", [tree.women])
    visitor.visit(*pages.values(), update.url, second.url)

    committed(lambda: update.unpublish())
    committed(lambda: second.delete())

    assert cached(visitor, pages) == {"stories"}
    assert visitor.client.get(update.url).status_code == 404
    assert visitor.client.get(second.url).status_code == 404


def test_scheduled_publishing_purges(tree, pages, visitor, committed):
    update = tree.add_update("Scheduled update", [tree.migrants], live=False)
    revision = schedule(update, timezone.now() + datetime.timedelta(hours=1))
    let_the_time_come(revision)
    visitor.visit(*pages.values())
    assert "migrants" in cached(visitor, pages)

    committed(lambda: call_command("publish_scheduled", verbosity=0))

    assert "migrants" not in cached(visitor, pages)
    assert "Scheduled update" in visitor.client.get(pages["migrants"]).content.decode()


def test_moving_a_page_purges_its_old_and_new_addresses(tree, visitor, committed):
    about = tree.home.add_child(instance=StandardPage(title="About"))
    team = about.add_child(instance=StandardPage(title="Our team"))
    contact = tree.home.add_child(instance=StandardPage(title="Contact"))
    old_url, new_url = team.url, f"{contact.url}our-team/"
    visitor.visit(old_url, new_url, about.url)

    committed(lambda: team.move(contact, pos="last-child"))

    old = visitor.client.get(old_url)
    assert old.status_code == 301 and old["Location"] == new_url  # Wagtail's redirect
    assert visitor.client.get(new_url).status_code == 200


def test_publishing_a_story_purges_its_topic_and_the_stories_listing(
    tree, pages, visitor, committed
):
    visitor.visit(*pages.values())
    story = tree.add_story("Amina's story", [tree.women], live=False)
    story.save_revision()

    committed(lambda: story.get_latest_revision().publish())

    assert {"women", "stories", "home"}.isdisjoint(cached(visitor, pages))
    assert {"migrants", "listing", "feed", "old update"} <= cached(visitor, pages)


def test_renaming_a_topic_purges_the_updates_that_name_it(tree, pages, visitor, committed):
    visitor.visit(*pages.values())

    tree.migrants.title = "Migrants' rights"
    committed(lambda: tree.migrants.save_revision().publish())

    assert not visitor.cached(pages["old update"])
    assert "Migrants&#x27; rights" in visitor.client.get(pages["old update"]).content.decode()
    assert not visitor.cached(pages["migrants"])


def test_a_snippet_change_purges_the_pages_and_listings_that_name_it(
    tree, pages, visitor, committed
):
    visitor.visit(*pages.values())

    tree.news.name = "Press release"
    committed(lambda: tree.news.save())

    assert {"old update", "listing", "filtered"}.isdisjoint(cached(visitor, pages))
    assert "Press release" in visitor.client.get(pages["old update"]).content.decode()


def test_an_image_credit_change_purges_the_pages_that_show_it(tree, visitor, committed):
    image = make_image(credit="© Old credit")
    tree.migrants.hero_image = image
    committed(lambda: tree.migrants.save_revision().publish())
    visitor.visit(tree.migrants.url, tree.women.url)

    image.credit = "© New credit"
    committed(lambda: image.save())

    assert not visitor.cached(tree.migrants.url)
    assert visitor.cached(tree.women.url)
    assert "New credit" in visitor.client.get(tree.migrants.url).content.decode()


def test_a_settings_change_purges_everything(tree, pages, visitor, committed):
    visitor.visit(*pages.values())

    settings = SiteSettings.for_site(tree.site)
    committed(lambda: settings.save())

    assert cached(visitor, pages) == set()


def test_publishing_an_english_update_purges_the_french_topic_page_that_lists_it(
    tree, visitor, committed
):
    french_home = tree.translate(tree.home, "fr")
    tree.translate(tree.topic_index, "fr")
    french_topic = tree.translate(tree.migrants, "fr", title="Droits des migrants")
    visitor.visit(french_topic.url, french_home.url)

    update = tree.add_update("English-only update", [tree.migrants], live=False)
    committed(lambda: update.get_latest_revision().publish())

    assert not visitor.cached(french_topic.url)
    assert "English-only update" in visitor.client.get(french_topic.url).content.decode()


def test_a_purge_during_rendering_keeps_that_response_out_of_the_cache(tree, visitor, monkeypatch):
    """Rendered before the change was committed, it would be cached with what it replaced."""
    real_store = store.store

    def store_after_a_purge(name, entry, keys, started_ns):
        purge_now({page_key(tree.migrants)})
        return real_store(name, entry, keys, started_ns)

    monkeypatch.setattr(store, "store", store_after_a_purge)
    visitor.visit(tree.migrants.url)
    monkeypatch.undo()

    assert not visitor.cached(tree.migrants.url)
    assert visitor.cached(tree.migrants.url)


def test_a_purge_by_another_instance_reaches_this_one_within_its_local_time(
    tree, visitor, settings
):
    """Each process keeps its recent entries and re-reads the keys' versions from the shared
    cache after PAGE_CACHE_LOCAL_SECONDS: another instance's purge is seen within that."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 0.2
    visitor.visit(tree.migrants.url)
    assert visitor.cached(tree.migrants.url)

    # What another instance's purge leaves in the shared cache (this process is not told).
    cache.set(store.VERSION_PREFIX + page_key(tree.migrants), time.time_ns(), timeout=None)
    time.sleep(0.25)

    assert not visitor.cached(tree.migrants.url)


def test_varnish_fetching_a_page_gets_it_as_the_shared_cache_has_it_not_a_local_copy(
    tree, visitor, settings
):
    """Varnish keeps what it fetches until the next purge: its fetches (they carry X-Varnish)
    read the keys' versions from the shared cache, so a purge made by another instance a
    moment ago is never answered with this process's old copy."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    visitor.visit(tree.migrants.url)
    assert visitor.cached(tree.migrants.url)

    # What another instance's purge leaves in the shared cache (this process is not told).
    cache.set(store.VERSION_PREFIX + page_key(tree.migrants), time.time_ns(), timeout=None)

    assert visitor.cached(tree.migrants.url), "a visitor may get the local copy a moment more"
    fetched = visitor.client.get(tree.migrants.url, headers={"X-Varnish": "32770"})
    assert fetched.get("X-Cache") != "hit"


def test_the_filter_choices_are_kept_until_what_they_offer_changes(
    tree, page_cache, committed, django_assert_max_num_queries
):
    """Reading every update's type, place, mechanism and year is a listing's costliest query:
    it is run again only once an update, a topic or a snippet changed."""
    editor_like = Client()
    editor_like.cookies["sessionid"] = "no-such-session"  # passes the page cache
    listing = tree.update_index.url
    with CaptureQueriesContext(connection) as first:
        editor_like.get(listing)
    with django_assert_max_num_queries(len(first) - 3):
        editor_like.get(listing)

    joint = UpdateType.objects.create(name="Joint letter", slug="joint-letter")
    update = tree.add_update("A joint letter", [tree.migrants], live=False, update_type=joint)
    committed(lambda: update.get_latest_revision().publish())

    assert 'value="joint-letter"' in editor_like.get(listing).content.decode()


def test_the_sections_in_the_header_are_kept_until_one_changes(
    tree, page_cache, committed, django_assert_max_num_queries
):
    editor_like = Client()
    editor_like.cookies["sessionid"] = "no-such-session"  # passes the page cache
    with CaptureQueriesContext(connection) as first:
        editor_like.get(tree.migrants.url)
    with django_assert_max_num_queries(len(first) - 1):
        editor_like.get(tree.migrants.url)

    tree.story_index.title = "Voices of defenders"
    committed(lambda: tree.story_index.save_revision().publish())

    assert "Voices of defenders" in editor_like.get(tree.migrants.url).content.decode()


def test_a_footer_change_made_in_the_admin_shows_on_cached_pages(
    tree, visitor, committed, django_user_model
):
    visitor.visit(tree.home.url)
    assert visitor.cached(tree.home.url)
    assert "Donate" not in visitor.client.get(tree.home.url).content.decode()

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    response = committed(
        lambda: editor.post(
            f"/admin/settings/core/sitesettings/{tree.site.pk}/",
            {"address": "Chemin du Nouveau 2\n1200 Genève", "donate_url": "https://example.org/"},
        )
    )
    assert response.status_code == 302

    assert not visitor.cached(tree.home.url)
    html = visitor.client.get(tree.home.url).content.decode()
    assert "Chemin du Nouveau 2<br>1200 Genève" in html
    assert '<a class="donate-link" href="https://example.org/">Donate</a>' in html
    assert visitor.cached(tree.home.url)
