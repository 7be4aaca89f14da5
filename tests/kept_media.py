"""The demo's pictures and their renditions, kept between test runs (``tests/kept.py``) by
what decides them, so that a change to the code only rebuilds the demo site's rows.

Drawing the 17 pictures and making their renditions in three formats at every size the
templates ask for is most of the demo site's build. Both are pure: a picture depends on its
description (``demo.drawing.Drawing``) and the drawing code, a rendition on the original's
bytes, the filter and the focal point, and the code and settings that encode it. They are kept
under a digest of that code and of the locked dependencies (Pillow, Willow, Wagtail), and put
back only where the description or the original's hash matches.
"""

import os
import pickle
import platform
import shutil
from pathlib import Path

from django.conf import settings

from wagtail.images import get_image_model

from demo import drawing
from tests import kept

DRAWING_CODE = ("demo/drawing.py", "requirements-dev.lock")
RENDERING_CODE = (
    "core/images.py",
    "core/models.py",
    "ishr_site/settings/base.py",
    "ishr_site/settings/test.py",
    "requirements-dev.lock",
)


def kept_path(stem, code):
    files = [kept.ROOT / name for name in code]
    return kept.folder() / f"{stem}-{kept.digest(platform.python_version(), files=files)}"


def load(path):
    try:
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None


def write(path, value):
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(pickle.dumps(value))
    partial.replace(path)


def put_back_pictures():
    """Give this process the pictures drawn by earlier runs (``demo.drawing``'s cache)."""
    with kept.locked("pictures"):
        drawing._jpegs.update(load(kept_path("pictures", DRAWING_CODE)) or {})


def keep_pictures():
    """Keep the pictures this process has drawn, with those kept already."""
    with kept.locked("pictures"):
        path = kept_path("pictures", DRAWING_CODE)
        pictures = load(path) or {}
        if drawing._jpegs.keys() - pictures.keys():
            write(path, {**pictures, **drawing._jpegs})
            kept.replace_older(path, "pictures")


def rendition_model():
    return get_image_model().get_rendition_model()


def put_back_renditions():
    """Add the kept renditions of the images in the database whose originals they were made
    from, with their files, to what the images already have."""
    path = kept_path("renditions", RENDERING_CODE)
    with kept.locked("renditions"):
        renditions = load(path / "renditions.pickle") or []
    images = dict(get_image_model().objects.values_list("file_hash", "pk"))
    Rendition = rendition_model()
    existing = set(Rendition.objects.values_list("image_id", "filter_spec", "focal_point_key"))
    new = []
    for rendition in renditions:
        image = images.get(rendition["file_hash"])
        key = (image, rendition["filter_spec"], rendition["focal_point_key"])
        if image is None or key in existing:
            continue
        name = rendition["file"]
        kept.link(path / "media" / name, Path(settings.MEDIA_ROOT) / name)
        new.append(
            Rendition(
                image_id=image,
                **{field: rendition[field] for field in rendition if field != "file_hash"},
            )
        )
    Rendition.objects.bulk_create(new)


def keep_renditions():
    """Keep the renditions in the database, and their files, replacing those kept."""
    fields = ("filter_spec", "focal_point_key", "file", "width", "height")
    renditions = [
        {"file_hash": file_hash, **dict(zip(fields, values, strict=True))}
        for file_hash, *values in rendition_model()
        .objects.order_by("image__file_hash", "filter_spec", "focal_point_key")
        .values_list("image__file_hash", *fields)
    ]
    path = kept_path("renditions", RENDERING_CODE)
    with kept.locked("renditions"):
        if load(path / "renditions.pickle") == renditions:
            return
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        for rendition in renditions:
            target = partial / "media" / rendition["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(settings.MEDIA_ROOT) / rendition["file"], target)
        write(partial / "renditions.pickle", renditions)
        shutil.rmtree(path, ignore_errors=True)
        partial.rename(path)
        kept.replace_older(path, "renditions")
