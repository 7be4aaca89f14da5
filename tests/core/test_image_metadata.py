"""A defender's photo must not say where it was taken: location and camera metadata (EXIF, XMP,
IPTC, PNG text) is removed from stored originals and from every rendition."""

import hashlib
import io
import json
import struct
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import ExifTags, ImageCms
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo

pytestmark = pytest.mark.django_db

# What a phone or camera writes into a photo, and what must never reach the public.
CAMERA = ("SpyCam", "Locator 3000")
XMP_LOCATION = "Rue des Defenseurs 12, Geneva"
IPTC_CAPTION = "Safe house courtyard"
COMMENT = "taken at the meeting point"
SECRETS = (*CAMERA, XMP_LOCATION, IPTC_CAPTION, COMMENT)
METADATA_MARKERS = (
    b"Exif\x00\x00",
    b"http://ns.adobe.com/xap/1.0/",
    b"x:xmpmeta",
    b"Photoshop 3.0",
    b"8BIM",
)
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_exif(orientation=None):
    """EXIF as a phone writes it: camera make and model, and a GPS position in Geneva."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = CAMERA[0]
    exif[ExifTags.Base.Model] = CAMERA[1]
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (46.0, 12.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 8.0, 15.0)
    return exif.tobytes()


def xmp_packet():
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
        f'Iptc4xmpCore:Location="{XMP_LOCATION}"/></rdf:RDF></x:xmpmeta>'
    ).encode()


def jpeg_segment(marker, payload):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def iptc_segment():
    """An APP13 Photoshop segment holding an IPTC record (8BIM resource 0x0404)."""
    caption = IPTC_CAPTION.encode()
    record = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption  # 2:120 caption
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"
    resource += struct.pack(">I", len(record)) + record + b"\x00" * (len(record) % 2)
    return jpeg_segment(0xED, b"Photoshop 3.0\x00" + resource)


def pixels(mode="RGB", size=(64, 48)):
    """An image whose top-left corner differs, so that rotation can be seen."""
    colour = (200, 30, 30, 255)[: len(mode)]
    image = PILImage.new(mode, size, colour)
    image.paste((20, 20, 220, 255)[: len(mode)], (0, 0, 16, 8))
    return image


def dirty_jpeg(orientation=None, icc=True):
    buffer = io.BytesIO()
    pixels().save(
        buffer,
        "JPEG",
        quality=83,
        exif=camera_exif(orientation),
        icc_profile=SRGB_PROFILE if icc else None,
        comment=COMMENT.encode(),
    )
    data = buffer.getvalue()
    xmp = jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet())
    return data[:2] + xmp + iptc_segment() + data[2:]  # straight after SOI


def dirty_png():
    info = PngInfo()
    info.add_text("Comment", COMMENT)
    info.add_itxt("XML:com.adobe.xmp", xmp_packet().decode())
    buffer = io.BytesIO()
    image = pixels("RGBA")
    image.putpixel((63, 47), (0, 0, 0, 0))
    image.save(buffer, "PNG", pnginfo=info, exif=camera_exif(), icc_profile=SRGB_PROFILE)
    return buffer.getvalue()


def dirty_webp():
    buffer = io.BytesIO()
    image = pixels("RGBA")
    image.putpixel((63, 47), (0, 0, 0, 0))
    image.save(
        buffer,
        "WEBP",
        lossless=True,
        exif=camera_exif(),
        xmp=xmp_packet(),
        icc_profile=SRGB_PROFILE,
    )
    return buffer.getvalue()


def dirty_avif():
    buffer = io.BytesIO()
    pixels().save(
        buffer, "AVIF", quality=90, exif=camera_exif(), xmp=xmp_packet(), icc_profile=SRGB_PROFILE
    )
    return buffer.getvalue()


def assert_no_metadata(data):
    """The bytes carry no EXIF, XMP, IPTC or text, and none of the secrets in any form."""
    for marker in METADATA_MARKERS:
        assert marker not in data, marker
    for secret in SECRETS:
        assert secret.encode() not in data, secret
        assert secret.encode("utf-16-be") not in data, secret
    image = PILImage.open(io.BytesIO(data))
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    leaked = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "Comment"}
    assert not leaked & set(image.info), image.info.keys()
    assert not getattr(image, "text", {})


def stored_bytes(image):
    with image.open_file() as file:
        return file.read()


def upload(editor_client, name, data, **fields):
    return editor_client.post(
        "/admin/images/add/",
        {
            "title": "Defender at a vigil",
            "file": SimpleUploadedFile(name, data),
            "alt_text": "A woman holding a candle",
            "credit": "© Photo: ISHR",
            "licence": "All rights reserved",
            "collection": Collection.get_first_root_node().pk,
            **fields,
        },
    )


def test_the_dirty_test_files_really_carry_the_metadata():
    """Guard for the tests below: the files they upload contain everything that must go."""
    jpeg = dirty_jpeg()
    for marker in METADATA_MARKERS:
        assert marker in jpeg
    for data in (jpeg, dirty_png(), dirty_webp(), dirty_avif()):
        image = PILImage.open(io.BytesIO(data))
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert image.getexif()[ExifTags.Base.Make] == CAMERA[0]
        assert image.info["icc_profile"] == SRGB_PROFILE
    assert b"tEXt" in dirty_png() and b"iTXt" in dirty_png() and b"eXIf" in dirty_png()
    assert b"EXIF" in dirty_webp() and b"XMP " in dirty_webp()


def test_an_uploaded_jpeg_is_stored_without_gps_camera_xmp_or_iptc(editor_client, media_root):
    response = upload(editor_client, "vigil.jpg", dirty_jpeg())

    assert response.status_code == 302
    image = get_image_model().objects.get()
    data = stored_bytes(image)
    assert_no_metadata(data)
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == "JPEG"
    assert stored.info["icc_profile"] == SRGB_PROFILE
    assert (image.width, image.height) == stored.size == (64, 48)


def test_a_jpeg_that_needs_no_rotation_keeps_its_compression(editor_client, media_root):
    original = PILImage.open(io.BytesIO(dirty_jpeg()))

    upload(editor_client, "vigil.jpg", dirty_jpeg())

    stored = PILImage.open(io.BytesIO(stored_bytes(get_image_model().objects.get())))
    assert stored.quantization == original.quantization  # quality="keep": no generational loss


def test_a_sideways_photo_is_stored_the_right_way_up(editor_client, media_root):
    """EXIF orientation 6 means "rotate 90° clockwise to display": the stored pixels are
    rotated and the orientation tag goes with the rest of the EXIF."""
    upload(editor_client, "sideways.jpg", dirty_jpeg(orientation=6))

    image = get_image_model().objects.get()
    data = stored_bytes(image)
    assert_no_metadata(data)
    stored = PILImage.open(io.BytesIO(data)).convert("RGB")
    assert stored.size == (48, 64)
    assert (image.width, image.height) == (48, 64)
    top_right = stored.getpixel((44, 3))  # the marked top-left corner, turned clockwise
    assert top_right[2] > 150 and top_right[0] < 100


def test_a_png_loses_its_exif_and_text_chunks_but_keeps_colour_profile_and_transparency(
    editor_client, media_root
):
    upload(editor_client, "vigil.png", dirty_png())

    data = stored_bytes(get_image_model().objects.get())
    assert_no_metadata(data)
    for chunk in (b"eXIf", b"tEXt", b"iTXt", b"zTXt"):
        assert chunk not in data
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == "PNG"
    assert stored.info["icc_profile"] == SRGB_PROFILE
    assert stored.mode == "RGBA"
    assert stored.getpixel((63, 47))[3] == 0
    assert stored.getpixel((0, 0)) == (20, 20, 220, 255)  # lossless


def test_a_webp_loses_its_exif_and_xmp_chunks_but_keeps_colour_profile_and_transparency(
    editor_client, media_root
):
    upload(editor_client, "vigil.webp", dirty_webp())

    data = stored_bytes(get_image_model().objects.get())
    assert_no_metadata(data)
    assert b"EXIF" not in data and b"XMP " not in data
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == "WEBP"
    assert stored.info["icc_profile"] == SRGB_PROFILE
    assert stored.mode == "RGBA"
    assert stored.getpixel((63, 47))[3] == 0
    assert stored.getpixel((0, 0)) == (20, 20, 220, 255)  # lossless stays lossless


def test_an_avif_loses_its_exif_and_xmp(editor_client, media_root):
    upload(editor_client, "vigil.avif", dirty_avif())

    data = stored_bytes(get_image_model().objects.get())
    assert_no_metadata(data)
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == "AVIF"
    assert stored.info["icc_profile"] == SRGB_PROFILE


def test_size_and_hash_describe_the_stored_file(editor_client, media_root):
    upload(editor_client, "sideways.jpg", dirty_jpeg(orientation=6))

    image = get_image_model().objects.get()
    data = stored_bytes(image)
    assert image.file_size == len(data) == image.get_file_size()
    assert image.file_hash == hashlib.sha1(data).hexdigest() == image.get_file_hash()


def assert_stored_clean_and_upright(image):
    """The stored original of the 64×48 sideways test photo: no metadata, turned upright,
    and described by its size and hash."""
    data = stored_bytes(image)
    assert_no_metadata(data)
    assert (image.width, image.height) == (48, 64)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()


def test_an_image_created_in_code_is_stripped_too(media_root):
    image = get_image_model().objects.create(
        title="From a script",
        file=ImageFile(io.BytesIO(dirty_jpeg(orientation=6)), name="script.jpg"),
        alt_text="A candle",
        credit="© Photo: ISHR",
        licence="All rights reserved",
    )

    image.refresh_from_db()
    assert_stored_clean_and_upright(image)


def test_replacing_the_file_strips_the_new_one(editor_client, media_root):
    upload(editor_client, "first.png", dirty_png())
    image = get_image_model().objects.get()

    response = editor_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "file": SimpleUploadedFile("replacement.jpg", dirty_jpeg(orientation=6)),
            "alt_text": image.alt_text,
            "credit": image.credit,
            "licence": image.licence,
            "collection": image.collection_id,
        },
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_stored_clean_and_upright(image)


def test_the_multiple_uploader_never_stores_the_metadata_even_while_pending(
    editor_client, media_root
):
    """The multiple uploader keeps the file aside until alt text, credit and licence are
    given; even that pending copy is stripped, in case the editor never comes back."""
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile("sideways.jpg", dirty_jpeg(orientation=6)),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    upload_id = response.json()["uploaded_file_id"]
    pending = UploadedFile.objects.get(pk=upload_id)
    with pending.file.open("rb") as file:
        assert_no_metadata(file.read())
    for path in media_root.rglob("*"):
        if path.is_file():
            assert_no_metadata(path.read_bytes())

    prefix = f"uploaded-image-{upload_id}"
    response = editor_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
        {
            f"{prefix}-title": "Sideways",
            f"{prefix}-alt_text": "A candle",
            f"{prefix}-credit": "© Photo: ISHR",
            f"{prefix}-licence": "All rights reserved",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert_stored_clean_and_upright(image)


def write_behind_the_models_back(image, data):
    """An original that still has its metadata (stored before stripping existed, or copied
    into storage by hand)."""
    Path(image.file.path).write_bytes(data)
    assert b"SpyCam" in stored_bytes(image)


@pytest.mark.parametrize(
    ("spec", "image_format"),
    [
        ("fill-40x30|format-jpeg", "JPEG"),
        ("fill-40x30|format-webp", "WEBP"),
        ("fill-40x30|format-avif", "AVIF"),
        ("width-40", "JPEG"),
        ("width-40|format-png", "PNG"),
    ],
)
def test_renditions_carry_no_metadata_even_from_an_original_that_has_some(
    media_root, spec, image_format
):
    image = get_image_model().objects.create(
        title="Legacy",
        file=ImageFile(io.BytesIO(dirty_jpeg(orientation=1)), name="legacy.jpg"),
        alt_text="A candle",
        credit="© Photo: ISHR",
        licence="All rights reserved",
    )
    write_behind_the_models_back(image, dirty_jpeg(orientation=1))

    rendition = image.get_rendition(spec)

    with rendition.open_file() as file:
        data = file.read()
    assert_no_metadata(data)
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == image_format
    assert (rendition.width, rendition.height) == stored.size


def test_renditions_of_a_sideways_legacy_original_are_the_right_way_up(media_root):
    image = get_image_model().objects.create(
        title="Legacy",
        file=ImageFile(io.BytesIO(dirty_jpeg()), name="legacy.jpg"),
        alt_text="A candle",
        credit="© Photo: ISHR",
        licence="All rights reserved",
    )
    write_behind_the_models_back(image, dirty_jpeg(orientation=6))

    rendition = image.get_rendition("width-24|format-jpeg")

    with rendition.open_file() as file:
        data = file.read()
    assert_no_metadata(data)
    assert PILImage.open(io.BytesIO(data)).size == (rendition.width, rendition.height) == (24, 32)


def test_picture_renditions_on_a_page_carry_no_metadata(media_root):
    """The formats the templates ask for with {% picture %}: AVIF, WebP and JPEG."""
    image = get_image_model().objects.create(
        title="Legacy",
        file=ImageFile(io.BytesIO(dirty_jpeg()), name="legacy.jpg"),
        alt_text="A candle",
        credit="© Photo: ISHR",
        licence="All rights reserved",
    )
    write_behind_the_models_back(image, dirty_jpeg())

    renditions = image.get_renditions(
        "fill-400x225|format-avif", "fill-400x225|format-webp", "fill-400x225|format-jpeg"
    )

    assert len(renditions) == 3
    for rendition in renditions.values():
        with rendition.open_file() as file:
            assert_no_metadata(file.read())


@pytest.mark.parametrize("image_format", ["GIF", "TIFF", "BMP"])
def test_a_format_we_do_not_serve_is_refused_in_code_too(media_root, image_format):
    """The admin refuses these by extension; code that creates images cannot slip one in
    with metadata we do not know how to remove."""
    buffer = io.BytesIO()
    pixels().save(buffer, image_format)

    with pytest.raises(ValueError, match="could not be read as a JPEG, PNG, WebP or AVIF image"):
        get_image_model().objects.create(
            title="Other format",
            file=ContentFile(buffer.getvalue(), name=f"other.{image_format.lower()}"),
            alt_text="Nothing",
            credit="© Photo: ISHR",
            licence="All rights reserved",
        )

    assert not get_image_model().objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def test_the_multiple_uploader_refuses_a_damaged_file_with_a_message(editor_client, media_root):
    """A damaged file in the multiple uploader gets an error message, not a server error."""
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile("broken.jpg", dirty_jpeg()[:-300]),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["success"] is False
    assert body["error_message"]
    assert not UploadedFile.objects.exists()
    assert not get_image_model().objects.exists()
