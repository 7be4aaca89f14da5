import datetime
import re

import pytest

from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def listed_titles(html):
    section = html.split('id="latest-updates-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)


def test_topic_page_lists_only_live_public_updates_of_that_topic(client, tree):
    tree.add_update("Published on migrants", [tree.migrants])
    tree.add_update("Draft on migrants", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members-only on migrants", [tree.migrants]))
    tree.add_update("About women defenders", [tree.women])

    response = client.get(tree.migrants.url)

    assert response.status_code == 200
    assert listed_titles(response.content.decode()) == ["Published on migrants"]


def test_topic_page_lists_newest_update_first_with_a_stable_tie_break(client, tree):
    tree.add_update("Oldest", [tree.migrants], date=datetime.date(2022, 1, 1))
    first_same_day = tree.add_update("Same day A", [tree.migrants], date=datetime.date(2023, 5, 1))
    second_same_day = tree.add_update(
        "Same day B", [tree.migrants], date=datetime.date(2023, 5, 1)
    )
    tree.add_update("Newest", [tree.migrants], date=datetime.date(2024, 9, 30))
    assert second_same_day.pk > first_same_day.pk

    titles = listed_titles(client.get(tree.migrants.url).content.decode())

    assert titles == ["Newest", "Same day B", "Same day A", "Oldest"]


def test_topic_page_respects_the_editor_set_number_of_updates(client, tree):
    tree.migrants.updates_count = 2
    tree.migrants.save_revision().publish()
    for day in range(1, 6):
        tree.add_update(f"Update {day}", [tree.migrants], date=datetime.date(2024, 1, day))

    titles = listed_titles(client.get(tree.migrants.url).content.decode())

    assert titles == ["Update 5", "Update 4"]


def test_an_update_tagged_to_two_topics_is_listed_on_both(client, tree):
    tree.add_update("Shared update", [tree.migrants, tree.women])

    assert listed_titles(client.get(tree.migrants.url).content.decode()) == ["Shared update"]
    assert listed_titles(client.get(tree.women.url).content.decode()) == ["Shared update"]


def test_each_listed_update_shows_type_date_linked_title_and_summary(client, tree):
    update = tree.add_update(
        "ACHPR 73: Mauritania should protect defenders",
        [tree.migrants],
        date=datetime.date(2022, 11, 3),
        update_type=tree.statement,
        summary="Mauritania presented its periodic report.",
    )

    html = client.get(tree.migrants.url).content.decode()

    assert "Statement" in html
    assert '<time datetime="2022-11-03">3 November 2022</time>' in html
    assert f'<a href="{update.url}">ACHPR 73: Mauritania should protect defenders</a>' in html
    assert "Mauritania presented its periodic report." in html


def test_topic_page_links_to_all_updates_of_the_topic(client, tree):
    tree.add_update("On migrants", [tree.migrants])
    tree.add_update("On women", [tree.women])

    html = client.get(tree.migrants.url).content.decode()
    link = re.search(r'<a href="([^"]+)">Check out all the latest updates to this topic</a>', html)

    assert link, "the topic page links to its updates"
    assert link.group(1) == f"{tree.update_index.url}?topic=migrant-and-refugee-rights"
    listing = client.get(link.group(1)).content.decode()
    assert "On migrants" in listing
    assert "On women" not in listing


def test_topic_page_shows_its_live_stories_and_the_join_us_form(client, tree):
    tree.add_story("A defender at the border", [tree.migrants])
    tree.add_story("A draft story", [tree.migrants], live=False)
    tree.add_story("A story on women", [tree.women])

    html = client.get(tree.migrants.url).content.decode()

    assert "Migrant and refugee rights defenders' stories" in html
    assert "A defender at the border" in html
    assert "A draft story" not in html
    assert "A story on women" not in html
    assert "Join us" in html
    assert 'action="/join-us/"' in html


def test_hero_credit_sits_behind_a_credit_control_that_needs_no_javascript(client, tree):
    tree.migrants.hero_image = make_image(
        "refugees welcome protest", credit="© Photo: Creative Commons Zero - CC0"
    )
    tree.migrants.save_revision().publish()

    html = client.get(tree.migrants.url).content.decode()

    hero = html.split('<figure class="hero">', 1)[1].split("</figure>", 1)[0]
    assert "<picture>" in hero
    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
    assert 'alt="Alt text of refugees welcome protest"' in hero
    assert re.search(r"<details class=\"image-credit\">\s*<summary", hero)
    # The control shows a word, which is its whole name: people who use voice control say
    # "click Credit" (WCAG 2.5.3), as they could not say an "i" named "Image credit".
    assert '<summary class="image-credit__toggle">Credit</summary>' in hero
    assert "© Photo: Creative Commons Zero - CC0" in hero


def test_restricting_the_updates_section_hides_all_its_updates_from_topic_pages(client, tree):
    tree.add_update("Inside a private section", [tree.migrants])
    tree.restrict(tree.update_index)

    assert listed_titles(client.get(tree.migrants.url).content.decode()) == []


def test_the_join_us_box_shows_the_topic_invitation_or_a_general_one(client, tree):
    tree.migrants.signup_prompt = "Don't miss out on our work in migrant and refugee rights."
    tree.migrants.save_revision().publish()

    with_prompt = client.get(tree.migrants.url).content.decode()
    without_prompt = client.get(tree.women.url).content.decode()

    assert "Don&#x27;t miss out on our work in migrant and refugee rights." in with_prompt
    assert "latest vital work with human rights defenders." in without_prompt
