import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def jpeg_upload(name="photo.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def test_an_image_is_uploaded_with_its_alt_text_credit_and_licence(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "refugees welcome protest",
            "file": jpeg_upload(),
            "alt_text": "People holding a banner reading Refugees welcome",
            "credit": "© Photo: Creative Commons Zero - CC0",
            "licence": "CC0 1.0",
            "source_url": "https://example.org/photo",
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.credit == "© Photo: Creative Commons Zero - CC0"
    assert image.licence == "CC0 1.0"
    assert image.default_alt_text == "People holding a banner reading Refugees welcome"


def test_an_image_without_alt_text_is_refused(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "No alt",
            "file": jpeg_upload(),
            "alt_text": "",
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_the_image_form_asks_for_alt_text_credit_licence_and_source(editor_client):
    html = editor_client.get("/admin/images/add/").content.decode()

    for field in ("alt_text", "credit", "licence", "source_url"):
        assert f'name="{field}"' in html


# Credit and licence are required, like alt text.


def image_form_data(**fields):
    return {
        "title": "refugees welcome protest",
        "file": jpeg_upload(),
        "alt_text": "People holding a banner reading Refugees welcome",
        "credit": "© Photo: Creative Commons Zero - CC0",
        "licence": "CC0 1.0",
        "collection": Collection.get_first_root_node().pk,
        **fields,
    }


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.parametrize("field", ["credit", "licence"])
def test_an_image_without_credit_or_licence_is_refused(editor_client, media_root, field):
    response = editor_client.post("/admin/images/add/", image_form_data(**{field: ""}))

    assert response.status_code == 200
    assert field_errors(response, field) == ["This field is required."]
    assert not get_image_model().objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("field", ["credit", "licence"])
def test_an_image_cannot_lose_its_credit_or_licence_when_edited(editor_client, field):
    image = make_image()

    response = editor_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "alt_text": image.alt_text,
            "credit": image.credit,
            "licence": image.licence,
            "collection": image.collection_id,
            field: "   ",
        },
    )

    assert response.status_code == 200
    assert field_errors(response, field) == ["This field is required."]
    image.refresh_from_db()
    assert getattr(image, field)


def test_the_multiple_uploader_asks_for_credit_and_licence_before_creating_the_image(
    editor_client, media_root
):
    """Wagtail's multiple uploader cannot create an image from the file alone (alt text,
    credit and licence are required), so it keeps the file aside and asks for them."""
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": jpeg_upload(), "collection": Collection.get_first_root_node().pk},
    )
    body = response.json()
    assert body["success"] is True
    assert "image_id" not in body
    for field in ("alt_text", "credit", "licence"):
        assert f'name="uploaded-image-{body["uploaded_file_id"]}-{field}"' in body["form"]
    assert not get_image_model().objects.exists()

    prefix = f"uploaded-image-{body['uploaded_file_id']}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{body['uploaded_file_id']}/"
    data = {
        f"{prefix}-title": "Protest",
        f"{prefix}-alt_text": "People holding a banner",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
    }
    response = editor_client.post(url, data)

    assert response.json()["success"] is False
    assert response.context["form"].errors["credit"] == ["This field is required."]
    assert response.context["form"].errors["licence"] == ["This field is required."]
    assert not get_image_model().objects.exists()
    assert UploadedFile.objects.count() == 1

    data.update({f"{prefix}-credit": "© Photo: ISHR", f"{prefix}-licence": "CC BY 4.0"})
    response = editor_client.post(url, data)

    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert (image.credit, image.licence) == ("© Photo: ISHR", "CC BY 4.0")
    assert not UploadedFile.objects.exists()
    assert [path.parent.name for path in stored_files(media_root)] == ["original_images"]


# Uploads we do not accept: refused with a clear message, and nothing is stored.


def assert_refused(response, media_root, message):
    assert response.status_code == 200
    errors = " ".join(field_errors(response, "file"))
    assert message in errors
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_files(media_root) == []


def test_an_upload_over_the_size_limit_is_refused(editor_client, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 500
    big = io.BytesIO()
    PILImage.effect_noise((64, 64), 80).convert("RGB").save(big, "JPEG", quality=95)
    assert len(big.getvalue()) > 500
    upload = SimpleUploadedFile("big.jpg", big.getvalue(), content_type="image/jpeg")

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert_refused(response, media_root, "This file is too big")
    assert "Maximum filesize 500\xa0bytes" in " ".join(field_errors(response, "file"))


def test_an_upload_over_the_pixel_limit_is_refused(editor_client, media_root, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48 - 1

    response = editor_client.post("/admin/images/add/", image_form_data())

    assert_refused(response, media_root, "This file has too many pixels (3072)")


def test_a_gif_is_refused(editor_client, media_root):
    gif = io.BytesIO()
    PILImage.new("P", (16, 16)).save(gif, "GIF")
    upload = SimpleUploadedFile("animation.gif", gif.getvalue(), content_type="image/gif")

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert_refused(response, media_root, "Not a supported image format.")
    assert "AVIF, JPG, JPEG, PNG, WEBP" in " ".join(field_errors(response, "file"))


def test_an_svg_is_refused(editor_client, media_root):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
    upload = SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml")

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert_refused(response, media_root, "Not a supported image format.")


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7 not a photo at all", b"<html><script>alert(1)</script></html>", b""],
    ids=["pdf", "html", "empty"],
)
def test_a_file_that_is_not_an_image_is_refused_even_named_jpg(editor_client, media_root, content):
    upload = SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg")

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert response.status_code == 200
    assert field_errors(response, "file")
    assert not get_image_model().objects.exists()
    assert stored_files(media_root) == []


def test_a_png_named_jpg_is_refused(editor_client, media_root):
    png = io.BytesIO()
    PILImage.new("RGB", (16, 16)).save(png, "PNG")
    upload = SimpleUploadedFile("photo.jpg", png.getvalue(), content_type="image/jpeg")

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert_refused(response, media_root, "The extension does not match the file format (png)")


@pytest.mark.parametrize("keep", [0.5, 0.9], ids=["half", "most"])
def test_a_truncated_jpeg_is_refused_not_a_server_error(editor_client, media_root, keep):
    photo = io.BytesIO()
    PILImage.effect_noise((256, 256), 80).convert("RGB").save(photo, "JPEG", quality=90)
    data = photo.getvalue()
    upload = SimpleUploadedFile("broken.jpg", data[: int(len(data) * keep)])

    response = editor_client.post("/admin/images/add/", image_form_data(file=upload))

    assert_refused(response, media_root, "Upload a valid image.")
