"""Updates and stories offer plain links to share them by email and on social networks: each
network's own share address with the page's canonical address and title, no third-party
script, the same for every visitor."""

from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

SITE = "http://localhost"  # the default site's root URL in the tests
NETWORKS = ["Email", "Bluesky", "LinkedIn", "Facebook", "X", "WhatsApp"]


def share_section(response):
    """The "Share this …" section of a page: its heading and its links as {text: href}."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find(class_="share-links")
    if section is None:
        return None, {}
    heading = soup.find(id=section["aria-labelledby"])
    links = {a.get_text(strip=True): a["href"] for a in section.find_all("a")}
    return heading.get_text(strip=True), links


def query(href):
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


def assert_links_share(links, url, title, email="Email"):
    assert list(links) == [email, *NETWORKS[1:]]
    email = links[email]
    assert email.startswith("mailto:?")
    assert query(email) == {"subject": title, "body": f"{title}\n\n{url}"}
    assert links["Bluesky"].startswith("https://bsky.app/intent/compose?")
    assert query(links["Bluesky"]) == {"text": f"{title} {url}"}
    assert links["LinkedIn"].startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert query(links["LinkedIn"]) == {"url": url}
    assert links["Facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert query(links["Facebook"]) == {"u": url}
    assert links["X"].startswith("https://x.com/intent/post?")
    assert query(links["X"]) == {"url": url, "text": title}
    assert links["WhatsApp"].startswith("https://wa.me/?")
    assert query(links["WhatsApp"]) == {"text": f"{title} {url}"}


def test_an_update_offers_links_to_share_it(tree, client):
    update = tree.add_update("Detention & deportation: a “report”?", [tree.migrants])

    response = client.get(update.url)

    heading, links = share_section(response)
    assert heading == "Share this update"
    url = f"{SITE}/latest-updates/{update.slug}/"
    assert_links_share(links, url, "Detention & deportation: a “report”?")
    html = response.content.decode()
    # Encoded: no raw space, ampersand or quote in an address; "&" only between parameters.
    assert "x.com/intent/post?url=http%3A%2F%2Flocalhost%2Flatest-updates%2F" in html
    assert "Detention%20%26%20deportation%3A%20a%20%E2%80%9Creport%E2%80%9D%3F" in html
    for href in links.values():
        assert " " not in href


def test_a_story_offers_links_to_share_it(tree, client):
    story = tree.add_story("Standing up for migrants at sea", [tree.migrants])

    heading, links = share_section(client.get(story.url))

    assert heading == "Share this story"
    url = f"{SITE}/defenders-stories/{story.slug}/"
    assert_links_share(links, url, "Standing up for migrants at sea")


def test_a_protected_story_is_shared_by_its_title_without_naming_the_defender(tree, client):
    story = tree.add_story(
        "A lawyer's fight for migrants",
        [tree.migrants],
        protect_identity=True,
        defender_name="Secret Name",
    )

    response = client.get(story.url)

    heading, links = share_section(response)
    assert heading == "Share this story"
    assert_links_share(
        links, f"{SITE}/defenders-stories/{story.slug}/", "A lawyer's fight for migrants"
    )
    assert not any("Secret" in href for href in links.values())


def test_a_french_update_is_shared_with_its_french_address_and_title(tree):
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    update = tree.add_update("In English", [tree.migrants])
    french = tree.translate(update, "fr", title="Détention des migrants")

    heading, links = share_section(Client().get(french.url))

    assert heading == "Partager cette actualité"
    url = f"{SITE}/fr/actualites/{french.slug}/"
    assert_links_share(links, url, "Détention des migrants", email="E-mail")
    assert links["E-mail"].startswith("mailto:?subject=D%C3%A9tention%20des%20migrants")


def test_a_topic_page_has_no_share_links(tree, client):
    tree.add_update("On migrants", [tree.migrants])

    heading, links = share_section(client.get(tree.migrants.url))

    assert heading is None and links == {}
