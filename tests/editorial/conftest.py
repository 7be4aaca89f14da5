"""Fixtures shared by the editorial tests."""

from django.contrib.auth.models import Group

import pytest

from editorial.setup import EDITORS


@pytest.fixture
def editor_client(client, django_user_model):
    """A client signed in as a member of the Editors group (test_dashboard has its own)."""
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return client
