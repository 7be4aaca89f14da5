"""generate_bench_content: many pages, written in batches, that are whole pages of the tree."""

from django.core.management import call_command

from wagtail.models import Page

from stories.models import StoryPage
from topics.models import TopicPage
from updates.models import UpdatePage


def test_bench_content_makes_live_tagged_pages_in_a_sound_tree_and_only_once(tree, client):
    def generate():
        call_command(
            "generate_bench_content", "--topics=4", "--updates=25", "--stories=3", verbosity=0
        )

    generate()
    generate()  # adds nothing more

    updates = UpdatePage.objects.filter(slug__startswith="bench-")
    assert (
        updates.count() == 25 and StoryPage.objects.filter(slug__startswith="bench-").count() == 3
    )
    assert TopicPage.objects.count() == 4
    assert not updates.filter(live=False).exists()
    assert not updates.filter(topics=None).exists()
    # Paths, depths and child counts as Wagtail's own tree functions keep them.
    assert Page.find_problems() == ([], [], [], [], [])
    tree.update_index.refresh_from_db()
    assert tree.update_index.get_children().count() == tree.update_index.numchild == 25
    listing = client.get(f"{tree.update_index.url}?page=3")
    assert listing.status_code == 200
    newest = updates.order_by("-date", "-pk").first()
    assert client.get(newest.url).status_code == 200
