"""Staff previews show the truth: a topic's preview lists the drafts tagged to it where they will
appear once published, an update or story can be previewed as its listing card, and no preview
is ever cached or indexed."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    return client


def topic_form_data(topic, **changes):
    return nested_form_data(
        {
            "title": topic.title,
            "slug": topic.slug,
            "intro": topic.intro,
            "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
            "updates_count": topic.updates_count,
            "stories_count": topic.stories_count,
            "comments": inline_formset([]),
        }
        | changes
    )


def preview_topic(client, topic, **changes):
    url = f"/admin/pages/{topic.pk}/edit/preview/"
    assert client.post(url, topic_form_data(topic, **changes)).json()["is_valid"]
    return client.get(url, {"mode": ""})


def card_titles(response):
    """The card titles of the topic page's latest updates, in order."""
    html = response.content.decode()
    section = html.split('id="latest-updates-heading"', 1)[1].split("</section>", 1)[0]
    return [
        chunk.split(">", 2)[2].split("<", 1)[0]
        for chunk in section.split('class="card__title"')[1:]
    ]


def test_topic_preview_lists_drafts_tagged_to_it_in_date_order_and_marked(tree, admin_client):
    tree.add_update("Published in March", [tree.migrants], date=datetime.date(2024, 3, 1))
    tree.add_update("Published in January", [tree.migrants], date=datetime.date(2024, 1, 1))
    tree.add_update(
        "Draft of February", [tree.migrants], date=datetime.date(2024, 2, 1), live=False
    )
    tree.add_update("Draft of another topic", [tree.women], live=False)

    response = preview_topic(admin_client, tree.migrants)

    assert card_titles(response) == [
        "Published in March",
        "Draft of February",
        "Published in January",
    ]
    assert response.content.decode().count('class="preview-state preview-state--draft"') == 1
    public = admin_client.get(tree.migrants.url)
    assert card_titles(public) == ["Published in March", "Published in January"]
    assert "preview-state" not in public.content.decode()


def test_topic_preview_shows_a_live_updates_unpublished_changes(tree, admin_client):
    update = tree.add_update("Original title", [tree.migrants])
    update.title = "Corrected title"
    update.save_revision()
    leaving = tree.add_update("Moving to another topic", [tree.migrants])
    leaving.topics = [tree.women]
    leaving.save_revision()

    response = preview_topic(admin_client, tree.migrants)

    assert card_titles(response) == ["Corrected title"]
    assert "Unpublished changes" in response.content.decode()
    public = admin_client.get(tree.migrants.url)
    assert sorted(card_titles(public)) == ["Moving to another topic", "Original title"]


def test_topic_preview_marks_scheduled_drafts_and_leaves_out_private_and_stale_ones(
    tree, admin_client
):
    scheduled = tree.add_update("Goes out next week", [tree.migrants], live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled.save_revision()
    private = tree.add_update("Draft behind a login", [tree.migrants], live=False)
    tree.restrict(private)
    untagged = tree.add_update("Draft that lost its topic", [tree.migrants], live=False)
    untagged.topics = [tree.women]
    untagged.save_revision()

    response = preview_topic(admin_client, tree.migrants)

    assert card_titles(response) == ["Goes out next week"]
    assert "Scheduled" in response.content.decode()


def test_topic_preview_keeps_the_editors_number_of_updates(tree, admin_client):
    for day in range(1, 4):
        tree.add_update(f"Live {day}", [tree.migrants], date=datetime.date(2024, 1, day))
    tree.add_update("Newest draft", [tree.migrants], date=datetime.date(2024, 2, 1), live=False)

    response = preview_topic(admin_client, tree.migrants, updates_count=2)

    assert card_titles(response) == ["Newest draft", "Live 3"]


def test_topic_preview_lists_draft_stories_tagged_to_it(tree, admin_client):
    tree.add_story("A published story", [tree.migrants])
    draft = tree.add_story("A story in the works", [tree.migrants], live=False)
    draft.save_revision()

    preview = preview_topic(admin_client, tree.migrants).content.decode()
    public = admin_client.get(tree.migrants.url).content.decode()

    assert "A story in the works" in preview and "A published story" in preview
    assert "A story in the works" not in public


def test_previews_are_never_cached_or_indexed(tree, admin_client):
    response = preview_topic(admin_client, tree.migrants)

    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private", "max-age=0"):
        assert directive in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    public = admin_client.get(tree.migrants.url)
    assert "noindex" not in public.content.decode()
    assert not public.has_header("X-Robots-Tag")


def test_a_preview_may_be_framed_by_the_admin_only_under_the_public_policy(tree, admin_client):
    """The editor shows the preview in a frame: the site may frame it, no other site may, and
    otherwise the page keeps the public policy (no inline script, nothing from elsewhere)."""
    response = preview_topic(admin_client, tree.migrants)
    policy = response["Content-Security-Policy"]
    preview = {name: values for name, *values in (part.split() for part in policy.split(";"))}
    public = admin_client.get(tree.migrants.url)["Content-Security-Policy"]
    assert public.replace("frame-ancestors 'none'", "frame-ancestors 'self'") == policy
    assert preview["frame-ancestors"] == ["'self'"]
    assert preview["script-src"] == ["'self'"]


def test_an_update_can_be_previewed_as_its_listing_card(tree, admin_client):
    update = tree.add_update("Card preview", [tree.migrants], summary="What the card says.")
    url = f"/admin/pages/{update.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Card preview, edited",
            "slug": update.slug,
            "date": "2024-05-06",
            "update_type": tree.statement.pk,
            "summary": "What the card will say.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    ) | {"topics": [tree.migrants.pk]}
    assert admin_client.post(url, data).json()["is_valid"]

    response = admin_client.get(url, {"mode": "card"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "This update in listings" in html
    assert html.count('class="card card--update') == 2
    assert "Card preview, edited" in html and "What the card will say." in html
    assert "Statement" in html and "6 May 2024" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    modes = admin_client.get(f"/admin/pages/{update.pk}/edit/").content.decode()
    assert "Card in listings" in modes


def test_a_story_can_be_previewed_as_its_listing_card(tree):
    story = tree.add_story("A story card", [tree.migrants], quote="We will be heard.")
    story = StoryPage.objects.get(pk=story.pk)

    response = story.make_preview_request(preview_mode="card")

    html = response.content.decode()
    assert "This story in listings" in html
    assert "We will be heard." in html and "card--story" in html
    assert "no-store" in response["Cache-Control"]


def test_a_topic_preview_shows_only_the_drafts_the_previewer_may_edit(
    tree, client, topics_only_editor
):
    tree.add_update("Embargoed statement", [tree.migrants], live=False)
    client.force_login(topics_only_editor)

    response = preview_topic(client, tree.migrants)

    assert response.status_code == 200
    assert "Embargoed statement" not in response.content.decode()
