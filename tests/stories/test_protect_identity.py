"""A story marked "protect identity" keeps the defender's name, country and portrait out of
every listing, search result and sitemap entry, and asks search engines not to index it."""

import pytest

from core.models import CountryOrRegion
from stories.models import StoryPage
from tests.conftest import make_image

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture
def stories(tree):
    country = CountryOrRegion.objects.create(name="Côte d'Ivoire", slug="cote-divoire")
    protected = tree.add_story(
        "Speaking up despite the risk",
        [tree.migrants],
        defender_name="Awa Koné",
        country=country,
        portrait=make_image("Portrait of Awa"),
        protect_identity=True,
    )
    open_story = tree.add_story(
        "A lawyer for people on the move",
        [tree.migrants],
        defender_name="Moussa Traoré",
        country=country,
        portrait=make_image("Portrait of Moussa"),
    )
    return protected, open_story


@pytest.mark.parametrize("listing", ["topic", "home", "stories"])
def test_listings_leave_out_a_protected_defenders_name_country_and_portrait(
    tree, stories, client, listing
):
    url = {"topic": tree.migrants.url, "home": tree.home.url, "stories": tree.story_index.url}
    html = client.get(url[listing]).content.decode()

    assert "Speaking up despite the risk" in html
    assert "Awa Koné" not in html and "Portrait of Awa" not in html
    # The unprotected story next to it still names its defender.
    assert "Moussa Traoré, Côte d&#x27;Ivoire" in html
    assert "Portrait of Moussa" in html
    assert html.count("Côte d&#x27;Ivoire") == 1


def test_a_protected_story_asks_not_to_be_indexed(stories, client):
    protected, open_story = stories

    response = client.get(protected.url)
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()

    response = client.get(open_story.url)
    assert not response.has_header("X-Robots-Tag")
    assert 'name="robots"' not in response.content.decode()


def test_search_does_not_find_a_protected_story_by_the_defenders_name(stories):
    protected, open_story = stories

    assert list(StoryPage.objects.live().search("Koné")) == []
    assert list(StoryPage.objects.live().search("Traoré")) == [open_story]
    # The story itself can still be found by what it is about.
    assert protected in list(StoryPage.objects.live().search("risk"))


def test_a_protected_story_has_no_sitemap_entry(stories, rf):
    protected, open_story = stories

    assert protected.get_sitemap_urls() == []
    assert [entry["location"] for entry in open_story.get_sitemap_urls()] == [open_story.full_url]


def test_protecting_a_defender_later_removes_them_from_listings(stories, tree, client):
    _, open_story = stories
    open_story.protect_identity = True
    open_story.save_revision().publish()

    html = client.get(tree.migrants.url).content.decode()

    assert "Moussa Traoré" not in html and "Portrait of Moussa" not in html
    assert list(StoryPage.objects.live().search("Traoré")) == []


def test_editors_find_the_option_with_the_defenders_details(stories, admin_client):
    protected, _ = stories

    html = admin_client.get(f"/admin/pages/{protected.pk}/edit/").content.decode()

    assert 'name="protect_identity"' in html
    assert "protect the defender" in html.lower()
