import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def jpeg_upload(name="photo.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


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
