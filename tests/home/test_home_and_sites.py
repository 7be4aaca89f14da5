"""The home page and the header draw on every section: nothing unpublished or private shows,
and a second site's content stays on that site."""

import datetime
import re

from wagtail.models import Page, Site

import pytest

from core.models import SiteSettings
from home.models import HomePage, StandardPage
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage, UpdatePage, UpdateType

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_home_page_lists_only_live_public_topics_updates_and_stories(client, tree):
    tree.add_topic("Draft topic", slug="draft-topic", live=False)
    tree.restrict(tree.add_topic("Private topic", slug="private-topic"))
    tree.add_update("Live update", [tree.migrants])
    tree.add_update("Draft update", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Private update", [tree.migrants]))
    tree.add_story("Live story", [tree.migrants])
    tree.add_story("Draft story", [tree.migrants], live=False)
    tree.restrict(tree.add_story("Private story", [tree.migrants]))

    listed = titles(client.get(tree.home.url).content.decode())

    assert sorted(listed) == sorted(
        ["Migrant and refugee rights", "Women human rights defenders", "Live update", "Live story"]
    )


def test_header_lists_live_public_sections_only(client, tree):
    tree.update_index.unpublish()
    tree.restrict(tree.story_index)

    html = client.get(tree.home.url).content.decode()
    nav = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]

    assert "Our priorities" in nav
    assert "Latest updates" not in nav
    assert "Defenders&#x27; stories" not in nav


def test_topic_page_shows_the_editor_set_number_of_stories_newest_first(client, tree):
    for number in range(1, 5):
        tree.add_story(f"Story {number}", [tree.migrants])
    tree.migrants.stories_count = 2
    tree.migrants.save_revision().publish()

    html = client.get(tree.migrants.url).content.decode()
    stories = html.split('id="stories-heading"', 1)[1].split("</section>", 1)[0]

    assert titles(stories) == ["Story 4", "Story 3"]


def test_a_topic_can_show_no_stories(client, tree):
    tree.add_story("A story", [tree.migrants])
    tree.migrants.stories_count = 0
    tree.migrants.save_revision().publish()

    assert 'id="stories-heading"' not in client.get(tree.migrants.url).content.decode()


@pytest.fixture
def second_site(tree):
    """Another site in the same Wagtail, with its own topic of the same slug and an update."""
    home = HomePage(title="Second site", slug="second", intro="Hi.")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.create(hostname="second.example", port=80, root_page=home)
    topics = TopicIndexPage(title="Topics", slug="topics")
    updates = UpdateIndexPage(title="Updates", slug="updates")
    home.add_child(instance=topics)
    home.add_child(instance=updates)
    topic = TopicPage(title="Migrants elsewhere", slug="migrant-and-refugee-rights", intro="x")
    topics.add_child(instance=topic)
    update = UpdatePage(
        title="Second site update",
        date=datetime.date(2030, 1, 1),
        update_type=UpdateType.objects.get(slug="news"),
        summary="Elsewhere.",
    )
    update.topics = [topic]
    updates.add_child(instance=update)
    return home


def test_each_site_lists_only_its_own_updates(client, tree, second_site):
    tree.add_update("First site update", [tree.migrants])

    first = client.get(tree.update_index.url).content.decode()
    filtered = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})

    assert titles(first) == ["First site update"]
    assert filtered.status_code == 200
    assert titles(filtered.content.decode()) == ["First site update"]
    assert "Second site update" not in client.get(tree.home.url).content.decode()


def test_related_updates_come_from_the_same_site(client, tree, second_site):
    update = tree.add_update("First site update", [tree.migrants])
    other = UpdatePage.objects.get(title="Second site update")
    other.topics = [tree.migrants]
    other.save_revision().publish()

    assert "Second site update" not in client.get(update.url).content.decode()


def test_footer_links_to_the_privacy_notice_set_in_site_settings(client, tree):
    privacy = StandardPage(title="Privacy notice", slug="privacy-notice", intro="What we keep.")
    tree.home.add_child(instance=privacy)
    settings = SiteSettings.for_site(tree.site)
    settings.privacy_notice = privacy
    settings.save()

    html = client.get(tree.home.url).content.decode()
    assert f'<a href="{privacy.url}">Privacy notice</a>' in html
    assert client.get(privacy.url).status_code == 200

    privacy.unpublish()
    assert "Privacy notice" not in client.get(tree.home.url).content.decode()
