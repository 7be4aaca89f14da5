"""Old addresses keep working: Wagtail creates a redirect when a page's slug changes or it
moves, and editors import the old site's addresses from a CSV file."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest

from home.models import HomePage
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db


def test_changing_a_published_slug_redirects_the_old_address(
    tree, client, django_capture_on_commit_callbacks
):
    update = tree.add_update("Statement on Melilla", [tree.migrants], slug="melilla")
    old_url = update.url

    update.slug = "hrc51-ceuta-and-melilla"
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/latest-updates/hrc51-ceuta-and-melilla/")
    assert client.get(response["Location"]).status_code == 200


def test_renaming_a_section_redirects_every_page_below_it(
    tree, client, django_capture_on_commit_callbacks
):
    update = tree.add_update("Kenya statement", [tree.migrants], slug="kenya")
    assert update.url == "/latest-updates/kenya/"

    tree.update_index.slug = "news-and-statements"
    with django_capture_on_commit_callbacks(execute=True):
        tree.update_index.save_revision().publish()

    response = client.get("/latest-updates/kenya/")
    assert response.status_code == 301
    assert response["Location"].endswith("/news-and-statements/kenya/")
    assert client.get("/latest-updates/").status_code == 301


@pytest.fixture
def regional_stories(tree):
    """The stories section of a second site, regional.example.org."""
    regional_home = HomePage(title="Regional site", slug="regional", intro="Hello.")
    tree.root.add_child(instance=regional_home)
    Site.objects.create(hostname="regional.example.org", root_page=regional_home)
    stories = StoryIndexPage(title="Stories", slug="stories")
    regional_home.add_child(instance=stories)
    return stories


def test_moving_a_page_redirects_its_old_address(
    tree, regional_stories, client, django_capture_on_commit_callbacks
):
    story = tree.add_story("A defender's journey", [tree.migrants], slug="journey")

    with django_capture_on_commit_callbacks(execute=True):
        story.move(regional_stories, pos="last-child")

    response = client.get("/defenders-stories/journey/")
    assert response.status_code == 301
    assert response["Location"] == "http://regional.example.org/stories/journey/"


def import_csv(client, content, name="legacy.csv"):
    upload = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    confirm = client.post("/admin/redirects/import/", {"import_file": upload})
    html = confirm.content.decode()
    hidden = dict(re.findall(r'name="(import_file_name|input_format)" value="([^"]+)"', html))
    assert set(hidden) == {"import_file_name", "input_format"}, html
    return client.post(
        "/admin/redirects/import/process/",
        hidden | {"from_index": 0, "to_index": 1, "permanent": "on", "site": ""},
    )


def test_an_editor_imports_the_old_sites_addresses_from_csv(tree, editor_client, client):
    update = tree.add_update("ACHPR 73: Mauritania", [tree.migrants], slug="achpr-73-mauritania")
    csv = (
        "old address,new address\n"
        "/news/achpr73-mauritania,http://localhost/latest-updates/achpr-73-mauritania/\n"
        "/node?page=2,http://localhost/latest-updates/?page=3\n"
    )

    response = import_csv(editor_client, csv)

    assert response.status_code == 302
    assert Redirect.objects.count() == 2
    client.logout()
    response = client.get("/news/achpr73-mauritania")
    assert response.status_code == 301
    assert response["Location"] == update.full_url
    response = client.get("/node", {"page": "2"})
    assert response.status_code == 301
    assert response["Location"] == "http://localhost/latest-updates/?page=3"
    # An old address that was not imported is still a 404.
    assert client.get("/node", {"page": "7"}, follow=True).status_code == 404


def test_rows_that_cannot_be_imported_are_reported_and_the_others_imported(tree, editor_client):
    csv = "old,new\n/news/fine,http://localhost/latest-updates/\n/news/bad,/not-a-full-address/\n"

    response = import_csv(editor_client, csv)

    assert response.status_code == 200
    assert "created 1 and found 1 errors" in response.content.decode()
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/news/fine"]


def test_the_example_file_in_the_docs_imports(tree, editor_client, settings):
    content = (settings.BASE_DIR / "docs" / "legacy-redirects-example.csv").read_text()

    response = import_csv(editor_client, content)

    assert response.status_code == 302
    assert Redirect.objects.count() == len(content.strip().splitlines()) - 1


def test_a_move_never_replaces_a_redirect_an_editor_made(
    tree, regional_stories, client, django_capture_on_commit_callbacks
):
    story = tree.add_story("A defender's journey", [tree.migrants], slug="journey")
    Redirect.objects.create(
        old_path="/defenders-stories/journey",
        site=tree.site,
        redirect_link="https://www.ishr.ch/chosen-by-an-editor/",
    )

    with django_capture_on_commit_callbacks(execute=True):
        story.move(regional_stories, pos="last-child")

    response = client.get("/defenders-stories/journey/")
    assert response["Location"] == "https://www.ishr.ch/chosen-by-an-editor/"
