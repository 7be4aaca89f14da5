"""RSS and Atom feeds of the latest updates, all of them or one topic's: only live, public
updates, each with its link, summary, dates, topics and image (with its credit), announced in
the <head> of the pages that list updates, at addresses that stay the same."""

import datetime
import html
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from home.models import HomePage
from tests.conftest import make_image
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
GENEVA = ZoneInfo("Europe/Zurich")
FEEDS = {
    "rss": ("feeds/rss/", "application/rss+xml; charset=utf-8"),
    "atom": ("feeds/atom/", "application/atom+xml; charset=utf-8"),
}


def feed_url(tree, kind, topic=None):
    path = FEEDS[kind][0]
    if topic is not None:
        path = path.replace("feeds/", f"feeds/{topic.slug}/")
    return f"{tree.update_index.url}{path}"


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return response, ET.fromstring(response.content)


def rss_titles(root):
    return [html.unescape(item.findtext("title")) for item in root.iter("item")]


def atom_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def titles(kind, root):
    return rss_titles(root) if kind == "rss" else atom_titles(root)


@pytest.fixture
def listing(tree):
    """Two live updates, a draft, a private one, and one tagged only to a draft topic."""
    tree.add_update("Old on migrants", [tree.migrants], date=datetime.date(2020, 1, 1))
    tree.add_update("New on women", [tree.women], date=datetime.date(2024, 5, 1))
    tree.add_update("Draft on migrants", [tree.migrants], live=False)
    tree.restrict(tree.add_update("Members only", [tree.migrants]))
    return tree


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_lists_live_public_updates_newest_first(client, listing, kind):
    response, root = get_feed(client, feed_url(listing, kind))

    assert response["Content-Type"] == FEEDS[kind][1]
    assert titles(kind, root) == ["New on women", "Old on migrants"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_topic_feed_lists_only_that_topics_live_public_updates(client, listing, kind):
    _, root = get_feed(client, feed_url(listing, kind, listing.migrants))

    assert titles(kind, root) == ["Old on migrants"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_holds_the_20_newest_updates(client, tree, kind):
    for day in range(1, 26):
        tree.add_update(f"Update {day:02}", [tree.migrants], date=datetime.date(2024, 1, day))

    _, root = get_feed(client, feed_url(tree, kind))

    assert titles(kind, root) == [f"Update {day:02}" for day in range(25, 5, -1)]


def test_rss_channel_describes_the_feed(client, tree):
    _, root = get_feed(client, feed_url(tree, "rss", tree.migrants))

    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == (
        "Latest updates on Migrant and refugee rights | International Service for Human Rights"
    )
    assert channel.findtext("link") == (
        "http://localhost/latest-updates/?topic=migrant-and-refugee-rights"
    )
    assert channel.findtext("description") == "What Migrant and refugee rights is about."
    assert channel.findtext("language") == "en"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == (
        "http://localhost/latest-updates/feeds/migrant-and-refugee-rights/rss/"
    )


def test_rss_item_has_everything_a_reader_shows(client, tree):
    draft_topic = tree.add_topic("Draft topic", slug="draft-topic", live=False)
    image = make_image("Detention centre", size=(1600, 900), credit="© Photo: A. Person")
    update = tree.add_update(
        "Release the detainees",
        [tree.migrants, tree.women, draft_topic],
        date=datetime.date(2024, 3, 5),
        update_type=tree.statement,
        summary="States must <release> them & now.",
        listing_image=image,
    )
    update.save_revision().publish()
    update.refresh_from_db()

    _, root = get_feed(client, feed_url(tree, "rss"))

    (item,) = root.iter("item")
    assert (
        item.findtext("link")
        == update.full_url
        == ("http://localhost/latest-updates/release-the-detainees/")
    )
    # The description is HTML: the summary's own text is escaped, and the image is credited.
    description = item.findtext("description")
    assert "<p>States must &lt;release&gt; them &amp; now.</p>" in description
    assert "© Photo: A. Person" in description and "CC0 1.0" in description
    assert item.findtext("pubDate") == "Tue, 05 Mar 2024 12:00:00 +0100"
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == f"tag:localhost,2026:updates/{update.pk}"
    assert [category.text for category in item.iter("category")] == [
        "Migrant and refugee rights",
        "Women human rights defenders",
        "Statement",
    ]
    enclosure = item.find("enclosure")
    rendition = image.get_rendition("fill-1200x675|format-jpeg")
    assert enclosure.get("url") == f"http://localhost{rendition.url}"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == rendition.file.size > 0
    media = item.find(f"{MEDIA}content")
    assert media.get("url") == enclosure.get("url")
    assert (media.get("width"), media.get("height")) == ("1200", "675")
    assert media.findtext(f"{MEDIA}credit") == "© Photo: A. Person"
    assert media.findtext(f"{MEDIA}description") == "Alt text of Detention centre"


def test_an_update_without_an_image_has_no_enclosure(client, tree):
    tree.add_update("No picture", [tree.migrants])

    _, root = get_feed(client, feed_url(tree, "rss"))

    (item,) = root.iter("item")
    assert item.find("enclosure") is None
    assert item.findtext("description") == "<p>Summary of No picture.</p>"


def test_a_missing_image_file_leaves_the_enclosure_out_rather_than_failing(client, tree):
    image = make_image("Lost")
    image.file.storage.delete(image.file.name)
    tree.add_update("Lost picture", [tree.migrants], listing_image=image)

    _, root = get_feed(client, feed_url(tree, "rss"))

    assert root.find("channel/item/enclosure") is None


def test_atom_feed_and_entries_are_complete(client, tree):
    image = make_image("Session", size=(1600, 900))
    update = tree.add_update(
        "Council & States", [tree.migrants], date=datetime.date(2024, 7, 1), listing_image=image
    )
    update.save_revision().publish()
    update.refresh_from_db()

    _, root = get_feed(client, feed_url(tree, "atom"))

    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert (
        root.findtext(f"{ATOM}title") == "Latest updates | International Service for Human Rights"
    )
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "International Service for Human Rights"
    assert root.findtext(f"{ATOM}subtitle") == (
        "News, statements, letters and reports from International Service for Human Rights."
    )
    assert root.findtext(f"{ATOM}id") == "tag:localhost,2026:updates"
    assert root.findtext(f"{ATOM}updated")
    (entry,) = root.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Council & States"
    assert entry.findtext(f"{ATOM}id") == f"tag:localhost,2026:updates/{update.pk}"
    links = {link.get("rel"): link for link in entry.iter(f"{ATOM}link")}
    assert links["alternate"].get("href") == update.full_url
    assert links["enclosure"].get("href").startswith("http://localhost/")
    assert links["enclosure"].get("type") == "image/jpeg"
    assert int(links["enclosure"].get("length")) > 0
    assert entry.findtext(f"{ATOM}published") == "2024-07-01T12:00:00+02:00"
    updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert updated == update.last_published_at
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "Summary of Council &amp; States." in summary.text
    assert "Test – CC0" in summary.text
    assert [category.get("term") for category in entry.iter(f"{ATOM}category")] == [
        "Migrant and refugee rights",
        "News",
    ]


def test_every_atom_entry_has_an_updated_date_even_if_never_published_through_the_admin(
    client, tree
):
    tree.add_update("Imported", [tree.migrants], date=datetime.date(2024, 1, 2))

    _, root = get_feed(client, feed_url(tree, "atom"))

    assert root.findtext(f"{ATOM}entry/{ATOM}updated") == "2024-01-02T12:00:00+01:00"


def test_entry_ids_stay_the_same_when_an_update_changes_its_address(client, tree):
    update = tree.add_update("First title", [tree.migrants])
    before = get_feed(client, feed_url(tree, "rss"))[1].findtext("channel/item/guid")

    update.slug = "second-title"
    update.save_revision().publish()

    after = get_feed(client, feed_url(tree, "rss"))[1]
    assert after.findtext("channel/item/guid") == before
    assert after.findtext("channel/item/link").endswith("/second-title/")


def test_feed_shows_the_published_version_not_unpublished_changes(client, tree):
    update = tree.add_update("Published title", [tree.migrants])
    update.title = "Draft title"
    update.summary = "Draft summary."
    update.save_revision()

    response, root = get_feed(client, feed_url(tree, "rss"))

    assert rss_titles(root) == ["Published title"]
    assert b"Draft" not in response.content


def test_categories_leave_out_draft_and_private_topics(client, tree):
    draft = tree.add_topic("Draft topic", slug="draft-topic", live=False)
    private = tree.restrict(tree.add_topic("Private topic", slug="private-topic"))
    tree.add_update("Tagged widely", [tree.migrants, draft, private], update_type=tree.news)

    _, root = get_feed(client, feed_url(tree, "atom"))

    terms = [category.get("term") for category in root.iter(f"{ATOM}category")]
    assert terms == ["Migrant and refugee rights", "News"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize(
    "slug", ["no-such-topic", "draft-topic", "private-topic", "latest-updates", "x" * 300]
)
def test_a_feed_for_a_topic_that_is_unknown_draft_or_private_is_404(client, tree, slug, kind):
    tree.add_topic("Draft topic", slug="draft-topic", live=False)
    tree.restrict(tree.add_topic("Private topic", slug="private-topic"))

    response = client.get(f"{tree.update_index.url}feeds/{slug}/{kind}/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["feeds/", "feeds/xml/", "feeds/rss/extra/", "feeds/%00/rss/", "feeds/migrants/json/"]
)
def test_other_feed_addresses_are_404(client, tree, path):
    assert client.get(f"{tree.update_index.url}{path}").status_code == 404


def test_a_topic_of_another_site_has_no_feed_here(client, tree, second_site_topic):
    response = client.get(f"{tree.update_index.url}feeds/{second_site_topic.slug}/rss/")

    assert response.status_code == 404


@pytest.fixture
def second_site_topic(tree):
    home = HomePage(title="Second site", slug="second", intro="Hi.")
    tree.root.add_child(instance=home)
    Site.objects.create(hostname="second.example", port=80, root_page=home)
    topics = TopicIndexPage(title="Topics", slug="topics")
    home.add_child(instance=topics)
    topic = TopicPage(title="Elsewhere", slug="elsewhere", intro="x")
    topics.add_child(instance=topic)
    return topic


def test_feeds_of_an_unpublished_updates_section_are_404(client, tree):
    tree.add_update("An update", [tree.migrants])
    tree.update_index.unpublish()

    assert client.get(feed_url(tree, "rss")).status_code == 404
    assert client.get(feed_url(tree, "atom", tree.migrants)).status_code == 404


def test_feeds_of_a_private_updates_section_ask_for_a_login(client, tree):
    tree.add_update("An update", [tree.migrants])
    tree.restrict(tree.update_index)

    response = client.get(feed_url(tree, "rss"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_update_is_still_served_beside_the_feed_addresses(client, tree):
    tree.add_update("Feeds", [tree.migrants], slug="feeds")

    assert client.get(f"{tree.update_index.url}feeds/").status_code == 200


@pytest.mark.parametrize(("kind", "topic"), [("rss", False), ("atom", True)])
def test_feed_runs_the_same_queries_with_3_and_20_updates(client, tree, kind, topic):
    def add_updates(count, start):
        for number in range(start, start + count):
            tree.add_update(
                f"Update {number}",
                [tree.migrants, tree.women],
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
                listing_image=make_image(f"Image {number}") if number % 2 else None,
            )

    def count_queries():
        url = feed_url(tree, kind, tree.migrants if topic else None)
        client.get(url)  # renditions are made on the first request; count a warm feed
        with CaptureQueriesContext(connection) as queries:
            get_feed(client, url)
        return len(queries)

    add_updates(3, 0)
    with_3 = count_queries()
    add_updates(17, 3)
    with_20 = count_queries()

    assert with_3 == with_20 <= 12


def test_feed_stays_within_a_query_budget(client, tree, django_assert_max_num_queries):
    for number in range(20):
        tree.add_update(
            f"Update {number}", [tree.migrants], listing_image=make_image(f"I{number}")
        )
    client.get(feed_url(tree, "rss"))

    with django_assert_max_num_queries(12):
        get_feed(client, feed_url(tree, "rss"))


def test_updates_listing_still_404s_a_bad_page_number(client, tree):
    """The feed routes leave the listing's own handling of bad input in place."""
    tree.add_update("Only update", [tree.migrants])

    assert client.get(tree.update_index.url, {"page": "999"}).status_code == 404
    assert client.get(tree.update_index.url, {"topic": "nope"}).status_code == 404
    assert client.get(tree.update_index.url).status_code == 200


def test_updates_listing_preview_is_kept_private(client, tree, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lead", "l@example.org", "x"))
    tree.add_update("An update", [tree.migrants])

    response = client.get(f"/admin/pages/{tree.update_index.pk}/view_draft/")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "An update" in response.content.decode()


# Announcing the feeds -------------------------------------------------------------------------


def alternates(response):
    """The (type, title, href) of each feed announced in the page's <head>."""
    head = response.content.decode().split("</head>", 1)[0]
    return [
        (kind, html.unescape(title), href)
        for kind, title, href in re.findall(
            r'<link rel="alternate" type="(application/(?:rss|atom)\+xml)" '
            r'title="([^"]*)" href="([^"]*)">',
            head,
        )
    ]


ALL_UPDATES = [
    (
        "application/rss+xml",
        "Latest updates | International Service for Human Rights (RSS)",
        "/latest-updates/feeds/rss/",
    ),
    (
        "application/atom+xml",
        "Latest updates | International Service for Human Rights (Atom)",
        "/latest-updates/feeds/atom/",
    ),
]
MIGRANTS = [
    (
        "application/rss+xml",
        "Latest updates on Migrant and refugee rights | "
        "International Service for Human Rights (RSS)",
        "/latest-updates/feeds/migrant-and-refugee-rights/rss/",
    ),
    (
        "application/atom+xml",
        "Latest updates on Migrant and refugee rights | "
        "International Service for Human Rights (Atom)",
        "/latest-updates/feeds/migrant-and-refugee-rights/atom/",
    ),
]


def test_home_page_announces_the_feeds_of_all_updates(client, tree):
    assert alternates(client.get(tree.home.url)) == ALL_UPDATES


def test_updates_listing_announces_the_feeds_of_all_updates(client, tree):
    assert alternates(client.get(tree.update_index.url)) == ALL_UPDATES


def test_listing_filtered_by_a_topic_also_announces_that_topics_feeds(client, tree):
    response = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})

    assert alternates(response) == ALL_UPDATES + MIGRANTS


def test_topic_page_announces_its_own_feeds_and_links_to_them(client, tree):
    response = client.get(tree.migrants.url)

    assert alternates(response) == MIGRANTS
    section = response.content.decode().split('id="latest-updates-heading"', 1)[1]
    section = section.split("</section>", 1)[0]
    assert 'href="/latest-updates/feeds/migrant-and-refugee-rights/rss/"' in section
    assert 'href="/latest-updates/feeds/migrant-and-refugee-rights/atom/"' in section


def test_announced_feeds_answer(client, tree):
    for _kind, _title, href in ALL_UPDATES + MIGRANTS:
        assert client.get(href).status_code == 200


def test_other_pages_announce_no_feeds(client, tree):
    update = tree.add_update("An update", [tree.migrants])

    assert alternates(client.get(update.url)) == []
    assert alternates(client.get(tree.topic_index.url)) == []


def test_a_private_topic_page_announces_no_feed_that_would_404(client, tree, django_user_model):
    private = tree.restrict(tree.add_topic("Private topic", slug="private-topic"))
    client.force_login(django_user_model.objects.create_user("member", "m@example.org", "x"))

    response = client.get(private.url)

    assert response.status_code == 200
    assert alternates(response) == []
    assert "/feeds/" not in response.content.decode()


def test_a_password_protected_topic_page_announces_no_feed_to_who_entered_it(client, tree):
    topic = tree.add_topic("Shared topic", slug="shared-topic")
    restriction = PageViewRestriction.objects.create(
        page=topic, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{topic.pk}/",
        {"password": "open sesame", "return_url": topic.url},
    )

    response = client.get(topic.url)

    assert response.status_code == 200
    assert "Shared topic" in response.content.decode()
    assert alternates(response) == []
    assert "/feeds/" not in response.content.decode()


def test_a_draft_topics_preview_announces_no_feed(client, tree, django_user_model):
    topic = tree.add_topic("New topic", slug="new-topic", live=False)
    topic.save_revision()
    client.force_login(django_user_model.objects.create_superuser("lead", "l@example.org", "x"))

    response = client.get(f"/admin/pages/{topic.pk}/view_draft/")

    assert response.status_code == 200
    assert alternates(response) == []
    assert "/feeds/" not in response.content.decode()


def test_no_feed_is_announced_when_the_updates_section_is_not_public(client, tree):
    tree.restrict(tree.update_index)

    assert alternates(client.get(tree.home.url)) == []
    assert alternates(client.get(tree.migrants.url)) == []
    assert "/feeds/" not in client.get(tree.migrants.url).content.decode()


def test_each_site_announces_its_own_feeds(client, tree, second_site_topic, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "second.example"]
    home = second_site_topic.get_parent().get_parent()
    home.add_child(instance=UpdateIndexPage(title="News", slug="news"))

    response = client.get(second_site_topic.url, HTTP_HOST="second.example")

    hrefs = [href for _kind, _title, href in alternates(response)]
    assert hrefs == ["/news/feeds/elsewhere/rss/", "/news/feeds/elsewhere/atom/"]


def test_feed_dates_are_noon_in_geneva_on_the_publication_date(client, tree):
    tree.add_update("Summer", [tree.migrants], date=datetime.date(2024, 7, 1))

    _, root = get_feed(client, feed_url(tree, "atom"))

    published = datetime.datetime.fromisoformat(root.findtext(f"{ATOM}entry/{ATOM}published"))
    assert published == datetime.datetime(2024, 7, 1, 12, tzinfo=GENEVA)


LISTING_LINK = Template(
    "{% load update_feeds %}{% listing_feeds as feeds %}{{ feeds.rss }} {{ feeds.atom }}"
)


def render_listing_link(response):
    """LISTING_LINK rendered with what the page's own template had."""
    names = ("request", "page", "listing")
    return LISTING_LINK.render(Context({name: response.context.get(name) for name in names}))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "/latest-updates/feeds/rss/ /latest-updates/feeds/atom/"),
        (
            {"topic": "migrant-and-refugee-rights"},
            "/latest-updates/feeds/migrant-and-refugee-rights/rss/ "
            "/latest-updates/feeds/migrant-and-refugee-rights/atom/",
        ),
    ],
)
def test_listing_feeds_gives_the_feeds_of_what_the_listing_shows(client, tree, params, expected):
    response = client.get(tree.update_index.url, params)

    assert render_listing_link(response) == expected


def test_listing_feeds_gives_nothing_on_other_pages(client, tree):
    response = client.get(tree.migrants.url)

    assert render_listing_link(response).strip() == ""


def test_updates_listing_links_to_the_feeds_of_what_it_shows(client, tree):
    tree.add_update("On migrants", [tree.migrants])

    plain = client.get(tree.update_index.url).content.decode()
    by_topic = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})

    assert 'class="feed-links"' in plain
    assert f"{tree.update_index.url}feeds/rss/" in plain
    assert "feeds/migrant-and-refugee-rights/rss/" in by_topic.content.decode()
    unknown = client.get(tree.update_index.url, {"topic": "nope"}).content.decode()
    assert 'class="feed-links"' not in unknown
