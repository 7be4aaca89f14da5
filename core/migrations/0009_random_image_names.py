"""Give the images stored before random names (``core.images.random_name``) random names too.

Earlier versions stored an original under its uploaded name (``original_images/<name>.jpg``,
often a person's name or a place) and each rendition under a name made from it and the filter
(``images/<name>.2e16d0ba.fill-1200x630.format-webp.webp``), so an address could be guessed.
Each such original is copied to a random name and its row updated; the renditions under old
names are deleted, and made again under random names the next time a page asks for them.

The old files are deleted only once the migration is committed: if it fails half way, the rows
still name files that exist. The responses that show a renamed image are purged from the page
cache (and from Varnish, by the worker), since they name renditions that are gone; a CDN in
front keeps its copies until they expire or are purged by hand.

The code is frozen here, as a migration's should be, rather than imported from the app.
"""

import logging
import os
import re
import secrets

from django.db import migrations, transaction

from wagtail.images.models import AbstractRendition, get_rendition_storage

logger = logging.getLogger(__name__)

RANDOM = re.compile(r"(original_images|images)/[A-Za-z0-9_-]{32}(\.[a-z0-9]{1,8})?")


def random_original_name(name):
    extension = os.path.splitext(name)[1].lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", extension):
        extension = ""
    return f"original_images/{secrets.token_urlsafe(24)}{extension}"


def give_images_random_names(apps, schema_editor):
    from django.core.cache import caches
    from django.core.cache.backends.base import InvalidCacheBackendError

    from pagecache.keys import image_key
    from pagecache.purge import purge

    Image = apps.get_model("core", "CustomImage")
    Rendition = apps.get_model("core", "CustomRendition")
    storage = Image._meta.get_field("file").storage
    rendition_storage = get_rendition_storage()
    try:
        rendition_cache = caches["renditions"]
    except InvalidCacheBackendError:
        rendition_cache = caches["default"]

    old_originals = []
    changed = set()
    missing = set()  # images whose original is gone: their renditions are all that is left
    for image in Image.objects.only("pk", "file").iterator():
        old = image.file.name
        if RANDOM.fullmatch(old):
            continue
        try:
            with storage.open(old, "rb") as file:
                new = storage.save(random_original_name(old), file)
        except FileNotFoundError:
            logger.warning("Image %s: its file %s is missing; left under its name", image.pk, old)
            missing.add(image.pk)
            continue
        Image.objects.filter(pk=image.pk).update(file=new)
        old_originals.append(old)
        changed.add(image)

    old_renditions = Rendition.objects.exclude(image_id__in=missing).select_related("image").only(
        "pk", "file", "filter_spec", "focal_point_key", "image__id", "image__file_hash"
    )
    old_renditions = [r for r in old_renditions if not RANDOM.fullmatch(r.file.name)]
    cache_keys = [
        AbstractRendition.construct_cache_key(r.image, r.focal_point_key, r.filter_spec)
        for r in old_renditions
    ]
    Rendition.objects.filter(pk__in=[r.pk for r in old_renditions]).delete()
    changed.update(r.image for r in old_renditions)

    def delete_old_files():
        rendition_cache.delete_many(cache_keys)
        for name in old_originals:
            storage.delete(name)
        for rendition in old_renditions:
            rendition_storage.delete(rendition.file.name)

    transaction.on_commit(delete_old_files)
    purge({image_key(image) for image in changed})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_image_language"),
        # The page cache's purge of the fronts is a task in the database queue.
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(give_images_random_names, migrations.RunPython.noop, elidable=True),
    ]
