"""Feeds per language: /fr/actualites/feeds/rss/ lists the French updates, and the English
ones that have no French translation (as the French listing does), with French texts, links to
the French pages and the topics' French names; the French draft of an update never shows."""

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import search_index_kept
from tests.snapshots import restore_or_build
from tests.updates.test_feeds import ATOM

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_feeds(tree):
    return restore_or_build("french feeds", lambda: _build_french_feeds(tree))


def _build_french_feeds(tree):
    with search_index_kept():
        tree.translate(tree.home, "fr", title="Accueil")
        tree.translate(tree.topic_index, "fr", title="Nos priorités", slug="nos-priorites")
        tree.translate(tree.update_index, "fr", title="Dernières actualités", slug="actualites")
        tree.translate(
            tree.migrants, "fr", title="Droits des personnes migrantes", slug="droits-des-migrants"
        )
        translated = tree.add_update("Mauritania: protect defenders", [tree.migrants])
        tree.translate(
            translated, "fr", title="Mauritanie : protéger les défenseurs", slug="mauritanie"
        )
        english_only = tree.add_update("Kenya: a new law", [tree.migrants, tree.women])
        tree.translate(english_only, "fr", live=False, title="Kenya : brouillon", slug="kenya")
        tree.add_update("Women defenders brief the UN", [tree.women])


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content).find("channel")


def items(channel):
    return {
        item.findtext("title"): (
            item.findtext("link"),
            sorted(category.text for category in item.findall("category")),
        )
        for item in channel.iter("item")
    }


def test_the_french_feed_is_in_french_with_english_updates_where_there_is_no_translation(
    client, tree, french_feeds
):
    channel = rss(client, "/fr/actualites/feeds/rss/")

    assert channel.findtext("language") == "fr"
    assert channel.findtext("title") == (
        "Dernières actualités | Service international pour les droits humains"
    )
    assert channel.findtext("description") == (
        "Actualités, déclarations, lettres et rapports du Service international pour les "
        "droits humains."
    )
    assert items(channel) == {
        "Mauritanie : protéger les défenseurs": (
            "http://localhost/fr/actualites/mauritanie/",
            ["Droits des personnes migrantes", "News"],
        ),
        "Kenya: a new law": (
            "http://localhost/latest-updates/kenya-a-new-law/",
            ["Droits des personnes migrantes", "News", "Women human rights defenders"],
        ),
        "Women defenders brief the UN": (
            "http://localhost/latest-updates/women-defenders-brief-the-un/",
            ["News", "Women human rights defenders"],
        ),
    }


def test_a_french_topics_feed_lists_the_updates_tagged_to_it_in_any_language(
    client, tree, french_feeds
):
    channel = rss(client, "/fr/actualites/feeds/droits-des-migrants/rss/")

    assert channel.findtext("title") == (
        "Dernières actualités – Droits des personnes migrantes | Service international pour "
        "les droits humains"
    )
    assert sorted(items(channel)) == ["Kenya: a new law", "Mauritanie : protéger les défenseurs"]

    atom = ET.fromstring(client.get("/fr/actualites/feeds/droits-des-migrants/atom/").content)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert sorted(entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")) == [
        "Kenya: a new law",
        "Mauritanie : protéger les défenseurs",
    ]


def test_the_english_feeds_stay_in_english(client, tree, french_feeds):
    channel = rss(client, f"{tree.update_index.url}feeds/{tree.migrants.slug}/rss/")

    assert channel.findtext("language") == "en"
    assert sorted(items(channel)) == ["Kenya: a new law", "Mauritania: protect defenders"]
    assert items(channel)["Kenya: a new law"][1] == [
        "Migrant and refugee rights",
        "News",
        "Women human rights defenders",
    ]


def test_a_french_topic_feed_that_does_not_exist_is_a_404(client, tree, french_feeds):
    assert client.get("/fr/actualites/feeds/no-such-topic/rss/").status_code == 404
    assert client.get("/fr/actualites/feeds/droits-des-migrants/json/").status_code == 404


def test_an_english_update_in_a_french_atom_feed_says_it_is_in_english(client, tree, french_feeds):
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    atom = ET.fromstring(client.get("/fr/actualites/feeds/atom/").content)

    entries = {e.findtext(f"{ATOM}title"): e.get(lang) for e in atom.iter(f"{ATOM}entry")}
    assert entries == {
        "Mauritanie : protéger les défenseurs": None,
        "Kenya: a new law": "en",
        "Women defenders brief the UN": "en",
    }


def test_a_topic_feed_asked_by_its_english_slug_on_the_french_site_redirects(
    client, tree, french_feeds
):
    response = client.get(f"/fr/actualites/feeds/{tree.migrants.slug}/rss/")

    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/feeds/droits-des-migrants/rss/"
