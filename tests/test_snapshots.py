"""The snapshots that slow fixtures are built into (tests/snapshots.py): each restore writes the
rows back as the build left them and hands out fresh objects."""

import pytest

from tests.conftest import build_tree
from tests.snapshots import restore_or_build
from topics.models import TopicPage

pytestmark = pytest.mark.django_db


def test_a_restore_undoes_what_a_test_changed_and_hands_out_fresh_objects(tree):
    tree.women.delete()
    tree.migrants.title = "Changed in memory only"
    TopicPage.objects.filter(pk=tree.migrants.pk).update(title="Changed in the database")

    again = restore_or_build("tree", build_tree)

    assert [topic.title for topic in TopicPage.objects.order_by("title")] == [
        "Migrant and refugee rights",
        "Women human rights defenders",
    ]
    assert again.migrants is not tree.migrants
    assert again.migrants.title == "Migrant and refugee rights"
    assert again.home.get_children().count() == 3
