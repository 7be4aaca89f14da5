import datetime
import re

import pytest

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_updates_listing_shows_live_public_updates_newest_first(client, tree):
    tree.add_update("Old", [tree.migrants], date=datetime.date(2020, 1, 1))
    tree.add_update("New", [tree.women], date=datetime.date(2024, 1, 1))
    tree.add_update("Draft", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members only", [tree.migrants]))

    response = client.get(tree.update_index.url)

    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["New", "Old"]


def test_updates_listing_filters_by_topic_at_a_shareable_address(client, tree):
    tree.add_update("On migrants", [tree.migrants])
    tree.add_update("On women", [tree.women])
    tree.add_update("Draft on migrants", [tree.migrants], live=False)

    response = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})

    html = response.content.decode()
    assert response.status_code == 200
    assert card_titles(html) == ["On migrants"]
    assert "Latest updates on Migrant and refugee rights" in html
    assert "Clear all filters" in html
    assert "1 update" in html


def test_updates_listing_is_paginated_and_keeps_the_filter_in_page_links(client, tree):
    for day in range(1, 13):
        tree.add_update(f"Update {day:02}", [tree.migrants], date=datetime.date(2024, 1, day))
    tree.add_update("Draft", [tree.migrants], live=False, date=datetime.date(2024, 2, 1))
    tree.restrict(tree.add_update("Members only", [tree.migrants], date=datetime.date(2024, 2, 1)))

    first = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})
    second = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights", "page": 2})

    assert card_titles(first.content.decode())[0] == "Update 12"
    assert len(card_titles(first.content.decode())) == 10
    assert card_titles(second.content.decode()) == ["Update 02", "Update 01"]
    assert "?topic=migrant-and-refugee-rights&amp;page=2" in first.content.decode()
    assert 'aria-current="page"' in second.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00", "9" * 40])
def test_a_bad_page_number_gets_a_clear_404_never_a_500(client, tree, page):
    tree.add_update("Only update", [tree.migrants])

    response = client.get(tree.update_index.url, {"page": page})

    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no such page in this listing" in html
    assert f'href="{tree.update_index.url}"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "topic", ["no-such-topic", "<script>alert(1)</script>", "x" * 500, "women-defenders'--"]
)
def test_an_unknown_topic_gets_a_clear_404_never_a_500(client, tree, topic):
    response = client.get(tree.update_index.url, {"topic": topic})

    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no topic called" in html
    assert "<script>alert(1)</script>" not in html


def test_a_draft_or_restricted_topic_cannot_be_used_as_a_filter(client, tree):
    draft_topic = tree.add_topic("Draft topic", slug="draft-topic", live=False)
    restricted = tree.restrict(tree.add_topic("Restricted topic", slug="restricted-topic"))

    assert client.get(tree.update_index.url, {"topic": draft_topic.slug}).status_code == 404
    assert client.get(tree.update_index.url, {"topic": restricted.slug}).status_code == 404


def test_a_repeated_topic_parameter_uses_the_last_one(client, tree):
    tree.add_update("On migrants", [tree.migrants])
    tree.add_update("On women", [tree.women])

    response = client.get(
        f"{tree.update_index.url}?topic=migrant-and-refugee-rights&topic=women-defenders"
    )

    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["On women"]


def test_stories_listing_rejects_bad_page_numbers_with_a_404(client, tree):
    tree.add_story("A story", [tree.migrants])

    assert client.get(tree.story_index.url).status_code == 200
    assert client.get(tree.story_index.url, {"page": "abc"}).status_code == 404
    assert client.get(tree.story_index.url, {"page": "50"}).status_code == 404


def test_an_unknown_topic_is_explained_next_to_the_filter_it_marks_invalid(client, tree):
    html = client.get(tree.update_index.url, {"topic": "nope"}).content.decode()

    described_by = re.search(r'<select[^>]*aria-describedby="([^"]+)"', html)
    assert described_by, "the invalid select points to its explanation"
    assert f'id="{described_by.group(1)}"' in html
    assert "<title>Page not found |" in html


def test_listing_cards_are_headed_one_level_below_the_page_title(client, tree):
    tree.add_update("An update", [tree.migrants])

    html = client.get(tree.update_index.url).content.decode()

    assert '<h2 class="card__title"><a' in html
    assert "<h3" not in html


def test_page_links_lead_back_to_the_first_page_without_a_page_number(client, tree):
    for day in range(1, 12):
        tree.add_update(f"Update {day:02}", [tree.migrants], date=datetime.date(2024, 1, day))
    tree.add_update("Draft", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members only", [tree.migrants]))
    url = tree.update_index.url

    first = client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()

    assert card_titles(second) == ["Update 01"]
    assert f'<a href="{url}" aria-current="page">' in first
    # A page link is named by its number alone, as shown (WCAG 2.5.3): the navigation
    # around the links is named "Pages".
    assert '<a href="?page=2">2</a>' in first
    assert f'<a rel="prev" href="{url}">' in second
    assert f'<a href="{url}">1</a>' in second
    assert '<a href="?page=2" aria-current="page">' in second
    assert "?page=3" not in first + second


def test_the_introduction_shows_only_on_the_unfiltered_listing(client, tree):
    tree.update_index.intro = "What we publish."
    tree.update_index.save_revision().publish()
    tree.add_update("On migrants", [tree.migrants])
    tree.add_update("Draft", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members only", [tree.migrants]))

    unfiltered = client.get(tree.update_index.url).content.decode()
    filtered = client.get(tree.update_index.url, {"type": "news"}).content.decode()

    assert '<p class="lede">What we publish.</p>' in unfiltered
    assert 'class="lede"' not in filtered
    assert card_titles(filtered) == ["On migrants"]
