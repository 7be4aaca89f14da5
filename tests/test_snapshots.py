"""The snapshots that slow fixtures are built into (tests/snapshots.py): each restore writes the
rows back as the build left them and hands out fresh objects; a kept snapshot read back in
another process puts back its media files too; kept renditions (tests/kept_media.py) come back
only for the originals they were made from."""

from pathlib import Path

from django.conf import settings

import pytest

from tests import kept
from tests.conftest import build_tree, make_image
from tests.kept_media import keep_renditions, put_back_renditions
from tests.snapshots import Snapshot, freeze, media_files, restore_or_build, thaw
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


@pytest.fixture
def kept_folder(tmp_path, monkeypatch):
    """A kept folder of this test's own, so that the run's kept copies stay as they are."""
    folder = tmp_path / "kept"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(kept, "folder", lambda: folder)
    return folder


def test_a_kept_snapshot_read_back_writes_the_rows_and_puts_back_the_media_files(
    tree, kept_folder
):
    def build():
        image = make_image("Kept picture")
        tree.add_topic("Kept topic", hero_image=image)
        return image

    before = media_files()
    snapshot = Snapshot.build(lambda: freeze(build()))
    assert not TopicPage.objects.filter(title="Kept topic").exists()  # the build rolled back
    snapshot.keep(kept_folder / "snapshot", media_files() - before)
    image = thaw(Snapshot.load(kept_folder / "snapshot").restore())
    stored = Path(settings.MEDIA_ROOT) / image.file.name
    stored.unlink()  # as in a new test process, or after a test deleted it

    image = thaw(Snapshot.load(kept_folder / "snapshot").restore())

    assert TopicPage.objects.get(title="Kept topic").hero_image == image
    assert stored.read_bytes() == (kept_folder / "snapshot/media" / image.file.name).read_bytes()


def test_kept_renditions_are_put_back_only_for_an_original_with_the_same_bytes(db, kept_folder):
    image = make_image("Original", size=(160, 90))
    rendition = image.get_rendition("fill-80x45|format-webp")
    keep_renditions()
    rendition_path = Path(settings.MEDIA_ROOT) / rendition.file.name
    image.renditions.all().delete()
    rendition_path.unlink()
    other = make_image("Another original", size=(161, 90))

    put_back_renditions()

    [put_back] = image.renditions.all()
    assert (put_back.filter_spec, put_back.file.name) == (
        "fill-80x45|format-webp",
        rendition.file.name,
    )
    assert rendition_path.is_file()
    assert not other.renditions.exists()
