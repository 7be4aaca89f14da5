"""What an image file says about itself, once stored: nothing of where it was taken, with what,
or under which name.

Files are stored under random names (`random_name()`): an uploaded file's name often holds a
person's name or a place, and a name made from it could be guessed. Only the lower-cased
extension is kept, for the servers' content types.

Location and camera metadata never reaches storage either: a defender's photo must not say
where it was taken, or with what.

Every new original is decoded and written again by Pillow with only what it takes to show it:
the pixels, turned the right way up, their colour profile and their transparency. Everything else
the file carried is dropped: EXIF (GPS position, camera, orientation), XMP, IPTC (Photoshop
APP13), JPEG comments, PNG text chunks, extra frames such as an MPO's depth map or an animation's
later frames (renditions only ever show the first), and any data appended after the image.
"""

import io
import os
import re
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from PIL import ExifTags, ImageOps, JpegImagePlugin
from PIL import Image as PILImage

# The formats the site stores, as Pillow names them. An MPO is a JPEG with extra images after it.
FORMATS = ("JPEG", "PNG", "WEBP", "AVIF")
# Lossy WebP and AVIF cannot be re-encoded at their original quality, so high enough that the
# renditions made from them (WebP 80, AVIF 61) show no difference.
WEBP_QUALITY = 90
AVIF_QUALITY = 90
# What Pillow reads from a file into `info` that would say something about it.
METADATA_KEYS = frozenset(
    {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "Raw profile type exif"}
)


# Where Wagtail's multiple uploader keeps a file until its image is created.
UPLOADED_FOLDER = "wagtail_uploads"
# 24 random bytes, 32 characters in an address: as hard to guess as a session key.
RANDOM_NAME_BYTES = 24


def random_name(folder, filename):
    """A new name in `folder` that keeps nothing of `filename` but its lower-cased extension
    (when it is a plain one, as every accepted image's is)."""
    extension = os.path.splitext(filename)[1].lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", extension):
        extension = ""
    return f"{folder}/{secrets.token_urlsafe(RANDOM_NAME_BYTES)}{extension}"


class UnreadableImageError(ValueError):
    """The file is not a JPEG, PNG, WebP or AVIF image that can be read to the end."""

    message = _("The file could not be read as a JPEG, PNG, WebP or AVIF image.")

    def __init__(self):
        super().__init__(str(self.message))


class MetadataFreeFile(ContentFile):
    """Image bytes written by `strip_metadata()`, safe to store as they are."""


def strip_metadata(file, name=None):
    """Return the image in `file` without metadata, as a `MetadataFreeFile` named like it.

    Raise `UnreadableImageError` if the file is damaged or not in one of the formats we serve.
    """
    data = _read(file)
    try:
        with PILImage.open(io.BytesIO(data), formats=FORMATS) as image:
            image.load()
            output = io.BytesIO()
            _WRITERS[image.format](image, output, data)
    except Exception as error:  # Pillow reports damaged files with many kinds of exception
        raise UnreadableImageError() from error
    return MetadataFreeFile(output.getvalue(), name=os.path.basename(name or file.name or ""))


def rendition_without_metadata(file):
    """Return a rendition file with no metadata in it.

    Renditions are made from stripped originals, so normally there is nothing to remove and the
    file is returned as it is. But Willow copies an original's EXIF into JPEG and PNG renditions,
    and Pillow its JPEG comment, so a rendition of an original that still has some (stored before
    stripping existed, or copied into storage by hand) is written again without it.
    """
    data = _read(file)
    try:
        with PILImage.open(io.BytesIO(data), formats=FORMATS) as image:
            if not _has_metadata(image):
                return file
    except PILImage.UnidentifiedImageError:  # an SVG, say: not a format the site accepts
        return file
    return strip_metadata(file)


@receiver(pre_save, sender=UploadedFile)
def strip_metadata_from_pending_image(sender, instance, raw=False, **kwargs):
    """The multiple uploader keeps each file aside, as an `UploadedFile`, until the editor has
    given its alt text, credit and licence, and then copies it to the image. Strip it, and give
    it a random name, before it is stored there too: the editor may never come back to delete
    it. (The title Wagtail offers is taken from the upload, not from this name.)"""
    image_type = ContentType.objects.get_for_model(get_image_model())
    if raw or instance.for_content_type_id != image_type.pk:
        return
    if instance.file and not instance.file._committed:
        name = random_name(UPLOADED_FOLDER, instance.file.name)
        instance.file = strip_metadata(instance.file.file, name=name)


def _read(file):
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def _has_metadata(image):
    return bool(
        METADATA_KEYS & image.info.keys()
        or image.getexif()
        or getattr(image, "text", None)  # PNG tEXt, zTXt and iTXt chunks
        or getattr(image, "n_frames", 1) > 1
    )


def _upright(image):
    """The image turned as its EXIF (or XMP) orientation says it should be displayed."""
    if image.getexif().get(ExifTags.Base.Orientation, 1) in range(2, 9):
        return ImageOps.exif_transpose(image)
    return image


def _write_jpeg(image, output, data):
    # The original's quantisation tables and chroma subsampling, as quality="keep" would, so the
    # photo loses nothing more than a decode and encode. (quality="keep" itself refuses MPO
    # files and rotated copies; what it does is exactly this.)
    keep_quality = {
        "qtables": image.quantization,
        "subsampling": JpegImagePlugin.get_sampling(image),
    }
    _upright(image).save(
        output,
        "JPEG",
        icc_profile=image.info.get("icc_profile"),
        comment=b"",  # Pillow copies the original's comment unless told otherwise
        progressive=bool(image.info.get("progressive")),
        **keep_quality,
    )


def _write_png(image, output, data):
    # Lossless: pixels, palette, transparency and colour profile are written as they were.
    _upright(image).save(output, "PNG", icc_profile=image.info.get("icc_profile"))


def _write_webp(image, output, data):
    options = {"lossless": True} if _is_lossless_webp(data) else {"quality": WEBP_QUALITY}
    _upright(image).save(output, "WEBP", icc_profile=image.info.get("icc_profile"), **options)


def _write_avif(image, output, data):
    _upright(image).save(
        output, "AVIF", icc_profile=image.info.get("icc_profile"), quality=AVIF_QUALITY
    )


_WRITERS = {
    "JPEG": _write_jpeg,
    "MPO": _write_jpeg,
    "PNG": _write_png,
    "WEBP": _write_webp,
    "AVIF": _write_avif,
}


def _is_lossless_webp(data):
    """Whether the (first) image of a WebP file is VP8L, lossless, rather than VP8, lossy."""
    offset = 12  # after "RIFF", the file size and "WEBP"
    while offset + 8 <= len(data):
        fourcc = data[offset : offset + 4]
        if fourcc in (b"VP8 ", b"VP8L"):
            return fourcc == b"VP8L"
        if fourcc == b"ANMF":  # an animation frame: its image chunks follow a 16-byte header
            offset += 8 + 16
            continue
        size = int.from_bytes(data[offset + 4 : offset + 8], "little")
        offset += 8 + size + size % 2
    return False
