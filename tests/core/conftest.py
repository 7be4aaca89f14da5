"""Fixtures shared by the tests of core: a media folder of the test's own, and a signed-in
superuser's client."""

import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Media stored in the test's own folder, so that it can list what was written."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client
