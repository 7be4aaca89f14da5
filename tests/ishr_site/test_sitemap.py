"""sitemap.xml lists every live, public page of the request's site with its last change, and
nothing else; robots.txt keeps crawlers out of the admin, share links and search results and
points them to the sitemap."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest

from core.sitemaps import MultilingualSitemap
from home.models import HomePage, StandardPage
from tests.builders import build, every_page_type
from updates.models import UpdateIndexPage

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap(client, **extra):
    """Every entry of the sitemap pages that the index (``/sitemap.xml``) lists."""
    index = xml(client, "/sitemap.xml", **extra)
    assert index.tag == f"{NS}sitemapindex"
    entries = {}
    for listed in index:
        address = urlsplit(listed.findtext(f"{NS}loc"))
        path = address.path + (f"?{address.query}" if address.query else "")
        root = xml(client, path, **extra)
        entries.update({url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in root})
    return entries


def test_the_sitemap_index_splits_the_pages_into_sitemaps_of_at_most_the_limit(
    client, tree, monkeypatch
):
    monkeypatch.setattr(MultilingualSitemap, "limit", 3)
    index = xml(client, "/sitemap.xml")
    pages = [listed.findtext(f"{NS}loc") for listed in index]
    assert pages[0] == "http://testserver/sitemap-pages.xml"
    assert pages[1:] == [
        f"http://testserver/sitemap-pages.xml?p={number}" for number in range(2, len(pages) + 1)
    ]
    sizes = [
        len(xml(client, f"/sitemap-pages.xml?p={number}")) for number in range(1, len(pages) + 1)
    ]
    assert all(size <= 3 for size in sizes)
    assert sum(sizes) == len(sitemap(client))


def publish(page, when):
    """Publish ``page`` as if at ``when``, so that its last change is known."""
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(last_published_at=when)
    return page


def test_sitemap_lists_live_public_pages_and_leaves_out_drafts_and_private_ones(client, tree):
    tree.add_update("Live update", [tree.migrants], slug="live")
    tree.add_update("Draft update", [tree.migrants], slug="draft", live=False)
    tree.restrict(tree.add_update("Private update", [tree.migrants], slug="private"))
    private_section = tree.restrict(build(StandardPage, tree, title="Members", slug="members"))
    build(StandardPage, tree, title="Inside", slug="inside", parent=private_section)
    tree.add_story("Open story", [tree.migrants], slug="open")
    tree.add_story("Protected story", [tree.migrants], slug="protected", protect_identity=True)
    tree.add_story("Draft story", [tree.migrants], slug="draft-story", live=False)

    locations = set(sitemap(client))

    assert locations == {
        "http://localhost/",
        "http://localhost/topics/",
        "http://localhost/topics/migrant-and-refugee-rights/",
        "http://localhost/topics/women-defenders/",
        "http://localhost/latest-updates/",
        "http://localhost/latest-updates/live/",
        "http://localhost/defenders-stories/",
        "http://localhost/defenders-stories/open/",
    }


@every_page_type()
def test_every_page_type_live_and_public_is_in_the_sitemap(client, tree, page_model):
    page = build(page_model, tree)

    assert page.full_url in sitemap(client)


def test_sitemap_gives_each_pages_last_publication_date(client, tree):
    update = publish(
        tree.add_update("Dated", [tree.migrants], slug="dated"),
        datetime.datetime(2024, 3, 5, 10, tzinfo=datetime.UTC),
    )
    publish(tree.update_index, datetime.datetime(2024, 4, 1, 10, tzinfo=datetime.UTC))

    entries = sitemap(client)

    assert entries[update.full_url] == "2024-03-05"
    assert entries["http://localhost/latest-updates/"] == "2024-04-01"


def test_a_page_with_unpublished_changes_keeps_its_published_date(client, tree):
    update = publish(
        tree.add_update("Dated", [tree.migrants], slug="dated"),
        datetime.datetime(2024, 3, 5, 10, tzinfo=datetime.UTC),
    )
    update.refresh_from_db()
    update.title = "Draft change"
    update.save_revision()

    assert sitemap(client)[update.full_url] == "2024-03-05"


def test_a_listing_has_one_entry_not_one_per_page_number_or_feed(client, tree):
    for day in range(1, 25):
        tree.add_update(f"Update {day}", [tree.migrants], date=datetime.date(2024, 1, day))

    locations = sitemap(client)

    assert not [location for location in locations if "?" in location or "/feeds/" in location]
    assert "http://localhost/latest-updates/" in locations


def test_each_site_has_its_own_sitemap(client, tree, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "second.example"]
    home = HomePage(title="Second site", slug="second", intro="Hi.")
    tree.root.add_child(instance=home)
    Site.objects.create(hostname="second.example", port=80, root_page=home)
    home.add_child(instance=UpdateIndexPage(title="News", slug="news"))

    first = sitemap(client)
    second = sitemap(client, HTTP_HOST="second.example")

    assert set(second) == {"http://second.example/", "http://second.example/news/"}
    assert not [location for location in first if "second" in location]


@pytest.mark.parametrize("page", ["abc", "0", "99", "%00"])
def test_a_bad_sitemap_page_number_is_a_404(client, tree, page):
    assert client.get("/sitemap-pages.xml", {"p": page}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_runs_the_same_queries_however_many_pages(client, tree):
    def count(path):
        client.get(path)  # the site's root paths are cached on the first request
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return len(queries)

    for number in range(3):
        tree.add_update(f"Update {number}", [tree.migrants])
        tree.add_story(f"Story {number}", [tree.migrants])
    with_few = (count("/sitemap.xml"), count("/sitemap-pages.xml"))
    for number in range(3, 15):
        tree.add_update(f"Update {number}", [tree.migrants])
        tree.add_story(f"Story {number}", [tree.migrants])

    # The index counts the pages; a sitemap page also reads its pages, one query per type.
    # (The count and the language trees are kept between requests in production.)
    assert (count("/sitemap.xml"), count("/sitemap-pages.xml")) == with_few
    assert with_few[0] <= 6 and with_few[1] <= 14


def test_robots_txt_keeps_crawlers_out_of_admin_share_links_and_search(client, tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /share/", "Disallow: /search/"} <= set(lines)
    assert {"Disallow: /fr/search/", "Disallow: /es/search/"} <= set(lines)
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_points_to_the_sitemap_of_the_host_asked(client, tree, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "second.example"]

    response = client.get("/robots.txt", HTTP_HOST="second.example", secure=True)

    assert "Sitemap: https://second.example/sitemap.xml" in response.content.decode()
    assert client.get("/sitemap.xml", HTTP_HOST="second.example").status_code == 200


def test_sitemap_lastmod_falls_back_to_the_latest_revision(client, tree):
    page = build(StandardPage, tree, title="About", slug="about")
    page.save_revision()
    StandardPage.objects.filter(pk=page.pk).update(
        last_published_at=None, latest_revision_created_at=timezone.now()
    )

    assert sitemap(client)["http://localhost/about/"] == timezone.localdate().isoformat()
