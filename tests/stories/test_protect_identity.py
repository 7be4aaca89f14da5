"""A story marked "protect identity" keeps the defender's name, country and portrait out of
every listing, search result and sitemap entry, and asks search engines not to index it."""

from django.core.exceptions import ValidationError

from wagtail.contrib.redirects.models import Redirect

import pytest

from core.models import CountryOrRegion
from stories.models import StoryPage
from tests.builders import builder_for
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


@pytest.mark.parametrize(
    "field, value",
    [
        ("slug", "awa-speaking-up"),
        ("title", "Awa speaks up"),
        ("seo_title", "The story of KONÉ"),
        ("summary", "Awa Kone organises migrant workers."),
        ("search_description", "How awa organises."),
    ],
)
def test_a_protected_story_may_not_name_its_defender_where_it_is_listed_or_addressed(
    stories, field, value
):
    """The slug goes into every link, search result, canonical address and breadcrumb: with
    protection on, the defender's name (any part of it, whatever its case and accents) is
    refused there, and in the title, summary and search description."""
    protected, _open = stories
    setattr(protected, field, value)

    with pytest.raises(ValidationError) as refused:
        protected.full_clean()

    assert field in refused.value.message_dict
    assert "identity is protected" in refused.value.message_dict[field][0]


def test_an_unprotected_story_may_name_its_defender(stories):
    _protected, open_story = stories
    open_story.slug = "moussa-a-lawyer-for-people-on-the-move"
    open_story.title = "Moussa Traoré, a lawyer for people on the move"

    open_story.full_clean()


def test_the_editor_is_told_which_field_names_the_defender(stories, tree, admin_client):
    protected, _open = stories
    data = builder_for(StoryPage).form_data(
        tree,
        page=protected,
        title="Awa speaks up",
        defender_name="Awa Koné",
        protect_identity="on",
    )

    response = admin_client.post(f"/admin/pages/{protected.pk}/edit/", data)

    assert response.status_code == 200
    assert "names the defender" in response.content.decode()
    protected.refresh_from_db()
    assert protected.title == "Speaking up despite the risk"


def test_renaming_a_protected_storys_slug_leaves_no_redirect_from_the_old_address(
    stories, committed
):
    protected, open_story = stories
    old_path = protected.url

    def rename(story, slug):
        story.slug = slug
        story.save_revision().publish()

    committed(lambda: rename(protected, "speaking-up"))
    committed(lambda: rename(open_story, "a-lawyer-on-the-move"))

    assert not Redirect.objects.filter(redirect_page=protected).exists()
    assert not Redirect.objects.filter(old_path=old_path.rstrip("/")).exists()
    assert Redirect.objects.filter(redirect_page=open_story).exists()  # others keep theirs


def test_protecting_a_story_removes_the_redirects_to_it(stories, committed):
    _protected, open_story = stories
    open_story.slug = "a-lawyer-on-the-move"
    committed(lambda: open_story.save_revision().publish())
    assert Redirect.objects.filter(redirect_page=open_story).exists()

    open_story.protect_identity = True
    open_story.title = "A lawyer for people on the move"
    committed(lambda: open_story.save_revision().publish())

    assert not Redirect.objects.filter(redirect_page=open_story).exists()
