"""The demo's pictures and their renditions, kept between test runs (``tests/kept.py``) by
what decides them, so that a change to the code only rebuilds the demo site's rows.

Drawing the 17 pictures and making their renditions in three formats at every size the
templates ask for is most of the demo site's build. Both are pure: a picture depends on its
description (``demo.drawing.Drawing``) and the drawing code, a rendition on the original's
bytes, the filter and the focal point, and the code and settings that encode it. They are kept
under a digest of that code and of the locked dependencies (Pillow, Willow, Wagtail), and put
back only where the description or the original's hash matches.
"""

import platform

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


# How the copies are written and read: a change to it makes new ones.
KEEPING_CODE = ("tests/kept.py", "tests/kept_media.py")


def kept_path(stem, code):
    files = [kept.ROOT / name for name in (*code, *KEEPING_CODE)]
    return kept.folder() / f"{stem}-{kept.digest(platform.python_version(), files=files)}"


def put_back_pictures():
    """Give this process the pictures drawn by earlier runs (``demo.drawing``'s cache)."""
    with kept.locked("pictures"):
        drawing._jpegs.update(kept.load(kept_path("pictures", DRAWING_CODE)) or {})


def keep_pictures():
    """Keep the pictures this process has drawn, with those kept already."""
    with kept.locked("pictures"):
        path = kept_path("pictures", DRAWING_CODE)
        pictures = kept.load(path) or {}
        if drawing._jpegs.keys() - pictures.keys():
            kept.write(path, {**pictures, **drawing._jpegs})
            kept.replace_older(path, "pictures")


def rendition_model():
    return get_image_model().get_rendition_model()


def put_back_renditions():
    """Add the kept renditions of the images in the database whose originals they were made
    from, with their files, to what the images already have."""
    path = kept_path("renditions", RENDERING_CODE)
    with kept.locked("renditions"):
        renditions = kept.load(path / kept.STATE) or []
    images = dict(get_image_model().objects.values_list("file_hash", "pk"))
    Rendition = rendition_model()
    existing = set(Rendition.objects.values_list("image_id", "filter_spec", "focal_point_key"))
    new = []
    for rendition in renditions:
        image = images.get(rendition["file_hash"])
        key = (image, rendition["filter_spec"], rendition["focal_point_key"])
        if image is None or key in existing:
            continue
        kept.put_back(path, rendition["file"])
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
        if kept.load(path / kept.STATE) == renditions:
            return
        kept.keep_folder(path, renditions, [rendition["file"] for rendition in renditions])
        kept.replace_older(path, "renditions")
