"""The migration that gives images stored before random names (under their uploaded names, with
renditions named after them) random names, and has their renditions made again."""

import importlib
import re

from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.images import get_image_model

import pytest

from pagecache.keys import image_key
from pagecache.store import VERSION_PREFIX
from tests.conftest import make_image

pytestmark = pytest.mark.django_db

migration = importlib.import_module("core.migrations.0009_random_image_names")

SPEC = "fill-80x45|format-webp"


def stored_as(record, name):
    """Move ``record``'s file to ``name``, as an earlier version of the site stored it."""
    with default_storage.open(record.file.name, "rb") as file:
        data = file.read()
    default_storage.delete(record.file.name)
    default_storage.save(name, ContentFile(data))
    type(record).objects.filter(pk=record.pk).update(file=name)
    record.refresh_from_db()
    return data


@pytest.fixture
def old_image(media_root):
    """An image as stored before: its original under the uploaded name, a rendition named
    after it (and kept in Wagtail's renditions cache)."""
    image = make_image("Maria Lopez in Geneva")
    data = stored_as(image, "original_images/maria-lopez-in-geneva.jpg")
    rendition = image.get_rendition(SPEC)
    stored_as(rendition, "images/maria-lopez-in-geneva.2e16d0ba.fill-80x45.format-webp.webp")
    image.get_rendition(SPEC)  # kept in the renditions cache under its old name
    return image, data


def run_migration(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        migration.give_images_random_names(apps, None)


def test_an_original_moves_to_a_random_name_with_the_same_bytes(
    old_image, media_root, django_capture_on_commit_callbacks
):
    image, data = old_image

    run_migration(django_capture_on_commit_callbacks)

    image.refresh_from_db()
    assert re.fullmatch(r"original_images/[A-Za-z0-9_-]{32,}\.jpg", image.file.name)
    assert (media_root / image.file.name).read_bytes() == data
    assert not (media_root / "original_images/maria-lopez-in-geneva.jpg").exists()


def test_renditions_are_deleted_and_made_again_under_random_names(
    old_image, media_root, django_capture_on_commit_callbacks
):
    image, _ = old_image

    run_migration(django_capture_on_commit_callbacks)

    image = get_image_model().objects.get(pk=image.pk)
    assert not image.renditions.exists()
    assert not list((media_root / "images").iterdir())
    rendition = image.get_rendition(SPEC)  # not the cached one, whose file is gone
    assert re.fullmatch(r"images/[A-Za-z0-9_-]{32,}\.webp", rendition.file.name)
    assert (media_root / rendition.file.name).exists()


def test_the_pages_that_show_a_renamed_image_are_purged(
    old_image, django_capture_on_commit_callbacks
):
    image, _ = old_image
    before = cache.get(VERSION_PREFIX + image_key(image))

    run_migration(django_capture_on_commit_callbacks)

    assert cache.get(VERSION_PREFIX + image_key(image)) not in (None, before)


def test_images_already_named_at_random_or_missing_their_file_are_left_alone(
    media_root, django_capture_on_commit_callbacks
):
    random_one = make_image("Recent")
    name = random_one.file.name
    rendition = random_one.get_rendition(SPEC)
    missing = make_image("Lost")
    stored_as(missing, "original_images/lost.jpg")
    lost_rendition = missing.get_rendition(SPEC)
    stored_as(lost_rendition, "images/lost.2e16d0ba.fill-80x45.format-webp.webp")
    (media_root / "original_images/lost.jpg").unlink()

    run_migration(django_capture_on_commit_callbacks)

    names = dict(get_image_model().objects.values_list("pk", "file"))
    assert names[random_one.pk] == name
    assert (media_root / name).exists()
    assert random_one.renditions.get().pk == rendition.pk  # already random: kept
    assert names[missing.pk] == "original_images/lost.jpg"
    # Without its original, its renditions could not be made again: they are kept.
    assert missing.renditions.get().pk == lost_rendition.pk
    assert (media_root / "images/lost.2e16d0ba.fill-80x45.format-webp.webp").exists()


def test_nothing_is_deleted_while_the_migration_may_still_be_rolled_back(
    old_image, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        migration.give_images_random_names(apps, None)

    assert (media_root / "original_images/maria-lopez-in-geneva.jpg").exists()
    assert len(list((media_root / "images").iterdir())) == 1
