"""The topic page's details (issue 13): a latest-updates grid with no card alone on its last
row, one link to all the topic's updates, feed links explained, a photo licence stated once."""

import re
from types import SimpleNamespace

import pytest

from demo.content.pictures import PICTURES
from demo.content.topics import topic_specs
from tests.conftest import make_image
from topics.models import TopicPage

pytestmark = pytest.mark.django_db


def latest_updates_section(html):
    return html.split('id="latest-updates-heading"', 1)[1].split("</section>", 1)[0]


def test_by_default_the_latest_updates_fill_every_row_of_the_grid(client, tree):
    # The grid shows one column on a phone, two at tablet width and three from about 58rem
    # (its 72rem maximum holds three 17rem cards, never four): six cards fill each of them.
    topic = tree.add_topic("Business and human rights")
    for day in range(1, 10):
        tree.add_update(f"Update {day}", [topic])

    section = latest_updates_section(client.get(topic.url).content.decode())

    assert TopicPage._meta.get_field("updates_count").default == 6
    assert section.count('<article class="card card--update') == 6


def test_the_topic_page_links_once_to_all_its_updates(client, tree):
    tree.add_update("On migrants", [tree.migrants])

    html = client.get(tree.migrants.url).content.decode()

    assert html.count("Check out all the latest updates to this topic") == 1


def test_no_demo_topic_repeats_the_link_to_the_latest_updates_in_its_body():
    # The page's own "Check out all the latest updates to this topic" already leads there.
    pages = {"latest-updates": SimpleNamespace(pk=1), "defenders-stories": SimpleNamespace(pk=2)}
    refs = SimpleNamespace(pages=pages, images=dict.fromkeys(_image_keys(), SimpleNamespace(pk=3)))

    for spec in topic_specs(refs):
        targets = [
            block["value"]["page"] for block in spec["body"] if block["type"] == "call_to_action"
        ]
        assert pages["latest-updates"].pk not in targets, spec["slug"]


def _image_keys():
    return [picture.key for picture in PICTURES]


def test_feed_links_say_what_a_feed_is_in_plain_words(client, tree):
    html = client.get(tree.migrants.url).content.decode()

    feeds = html.split('<p class="feed-links">', 1)[1].split("</p>", 1)[0]
    assert "RSS feed" in feeds
    assert re.search(r'<p class="feed-links__help">[^<]*news reader app[^<]*</p>', html)


def hero_credit(html):
    hero = html.split('<figure class="hero">', 1)[1].split("</figure>", 1)[0]
    text = hero.split('<p class="image-credit__text">', 1)[1].split("</p>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


@pytest.mark.parametrize(
    ("credit", "licence", "shown"),
    [
        (
            "© Photo: Creative Commons Zero - CC0",
            "CC0 1.0",
            "© Photo: Creative Commons Zero - CC0",
        ),
        ("© Photo: Jane Doe – CC BY 4.0", "CC BY 4.0", "© Photo: Jane Doe – CC BY 4.0"),
        ("© Photo: Jane Doe", "CC BY 4.0", "© Photo: Jane Doe · Licence: CC BY 4.0"),
        # CC BY is not CC BY-SA: a different licence in the credit does not hide this one.
        (
            "© Photo: Jane Doe – CC BY-SA 4.0",
            "CC BY 4.0",
            "© Photo: Jane Doe – CC BY-SA 4.0 · Licence: CC BY 4.0",
        ),
    ],
)
def test_the_hero_credit_states_its_licence_once(client, tree, credit, licence, shown):
    tree.migrants.hero_image = make_image("protest", credit=credit, licence=licence)
    tree.migrants.save_revision().publish()

    assert hero_credit(client.get(tree.migrants.url).content.decode()) == shown


def test_a_credit_that_states_its_licence_still_links_to_the_source(client, tree):
    tree.migrants.hero_image = make_image(
        "protest",
        credit="© Photo: Jane Doe – CC BY 4.0",
        licence="CC BY 4.0",
        source_url="https://example.org/photo",
    )
    tree.migrants.save_revision().publish()

    html = client.get(tree.migrants.url).content.decode()

    assert '<a href="https://example.org/photo">© Photo: Jane Doe – CC BY 4.0</a>' in html
