"""Image files are stored under random names: an address says nothing of the uploaded file's
name (a defender's name, a place), and cannot be guessed from another image's or from the
original's address."""

import io
import re

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

from tests.core.test_images import image_form_data, stored_files

pytestmark = pytest.mark.django_db

UPLOADED_NAME = "Maria-Lopez_safe-house_Geneva.JPG"
RANDOM_ORIGINAL = re.compile(r"original_images/[A-Za-z0-9_-]{32,}\.jpg")
RANDOM_RENDITION = re.compile(r"images/[A-Za-z0-9_-]{32,}\.(jpg|webp|avif|png)")


def jpeg_upload(name=UPLOADED_NAME, colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def jpeg_file(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (10, 80, 100)).save(buffer, "JPEG")
    return ImageFile(buffer, name=name)


def assert_nothing_of_the_uploaded_name(name):
    for part in ("maria", "lopez", "safe", "geneva"):
        assert part not in name.lower()


def test_an_uploaded_original_is_stored_under_a_random_name(editor_client, media_root):
    response = editor_client.post(
        "/admin/images/add/", image_form_data(title="Portrait", file=jpeg_upload())
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert RANDOM_ORIGINAL.fullmatch(image.file.name), image.file.name
    assert_nothing_of_the_uploaded_name(image.file.name)
    assert [path.relative_to(media_root).as_posix() for path in stored_files(media_root)] == [
        image.file.name
    ]
    assert image.title == "Portrait"  # what editors see is theirs to name


def test_two_uploads_of_the_same_name_get_unrelated_names(editor_client, media_root):
    for colour in ((200, 30, 30), (30, 200, 30)):
        editor_client.post("/admin/images/add/", image_form_data(file=jpeg_upload(colour=colour)))

    first, second = get_image_model().objects.order_by("pk")
    assert first.file.name != second.file.name
    assert first.file.name[:20] != second.file.name[:20]


def test_an_image_made_in_code_is_stored_under_a_random_name(media_root):
    image = get_image_model().objects.create(
        title="Portrait",
        file=jpeg_file("maria-lopez-safe-house.jpeg"),
        alt_text="A portrait",
        credit="© ISHR",
        licence="CC BY 4.0",
    )

    assert re.fullmatch(r"original_images/[A-Za-z0-9_-]{32,}\.jpeg", image.file.name)
    assert_nothing_of_the_uploaded_name(image.file.name)


def test_a_replaced_file_is_stored_under_a_new_random_name(editor_client, media_root):
    editor_client.post("/admin/images/add/", image_form_data(file=jpeg_upload()))
    image = get_image_model().objects.get()
    first_name = image.file.name

    response = editor_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "file": jpeg_upload("Maria-Lopez-second.jpg", colour=(0, 0, 200)),
            "alt_text": image.alt_text,
            "credit": image.credit,
            "licence": image.licence,
            "collection": image.collection_id,
        },
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name != first_name
    assert RANDOM_ORIGINAL.fullmatch(image.file.name)
    assert_nothing_of_the_uploaded_name(image.file.name)


def test_renditions_get_random_names_of_their_own(media_root):
    image = get_image_model().objects.create(
        title="Portrait",
        file=jpeg_file(UPLOADED_NAME),
        alt_text="A portrait",
        credit="© ISHR",
        licence="CC BY 4.0",
    )
    original_stem = image.file.name.removeprefix("original_images/").rsplit(".", 1)[0]

    names = [
        image.get_rendition(spec).file.name
        for spec in ("fill-80x45|format-webp", "fill-80x45|format-jpeg", "width-40")
    ]

    for name in names:
        assert RANDOM_RENDITION.fullmatch(name), name
        assert original_stem[:8] not in name
        assert "fill" not in name and "80x45" not in name and "width" not in name
    assert names[0].endswith(".webp") and names[1].endswith(".jpg")
    assert len(set(names)) == 3


def test_the_multiple_uploader_keeps_the_pending_file_under_a_random_name(
    editor_client, media_root
):
    """A file waiting in the multiple uploader for its credit and licence is in the media
    folder too; the title Wagtail offers still comes from the uploaded name."""
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": jpeg_upload(), "collection": Collection.get_first_root_node().pk},
    )
    body = response.json()

    pending = UploadedFile.objects.get()
    assert re.fullmatch(r"wagtail_uploads/[A-Za-z0-9_-]{32,}\.jpg", pending.file.name)
    assert_nothing_of_the_uploaded_name(pending.file.name)
    assert 'value="Maria-Lopez_safe-house_Geneva.JPG"' in body["form"]

    prefix = f"uploaded-image-{body['uploaded_file_id']}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{body['uploaded_file_id']}/"
    response = editor_client.post(
        url,
        {
            f"{prefix}-title": "Portrait",
            f"{prefix}-alt_text": "A portrait",
            f"{prefix}-credit": "© ISHR",
            f"{prefix}-licence": "CC BY 4.0",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert RANDOM_ORIGINAL.fullmatch(image.file.name)
    assert [path.relative_to(media_root).as_posix() for path in stored_files(media_root)] == [
        image.file.name
    ]
