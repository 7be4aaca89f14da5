"""The content checker (Wagtail's "Checks": axe in the editor's preview panel and in the userbar
on live pages) looks only at the page's own content, the ``<main>`` element, so that editors see
only what they can fix: the site's header, breadcrumb and footer are the developers' to check
(tests/browser/test_accessibility.py). It keeps every rule Wagtail runs, and adds a few that
catch what editors write."""

import json
import re

from wagtail.admin.userbar import ContentCheckerItem

from tests.builders import builder_for
from topics.models import TopicPage

WAGTAIL_RULES = ContentCheckerItem.axe_run_only


def axe_configuration(html):
    found = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        html,
        flags=re.S,
    )
    assert found, "no content checker on the page"
    return json.loads(found.group(1))


def assert_checks_the_page_content_only(configuration):
    assert configuration["context"]["include"] == ["main"]
    assert {"fromShadowDom": ["wagtail-userbar", "wagtail-inline-userbar"]} in configuration[
        "context"
    ]["exclude"]
    rules = configuration["options"]["runOnly"]
    assert set(WAGTAIL_RULES) <= set(rules)
    assert "image-redundant-alt" in rules
    assert set(rules) <= set(configuration["messages"]), "every rule has a message for editors"


def test_the_checks_panel_of_the_page_editor_checks_the_page_content_only(editor_client, tree):
    html = editor_client.get(f"/admin/pages/{tree.migrants.pk}/edit/").content.decode()

    assert_checks_the_page_content_only(axe_configuration(html))


def test_the_userbar_on_a_live_page_checks_the_page_content_only(editor_client, tree):
    html = editor_client.get(tree.migrants.url).content.decode()

    assert_checks_the_page_content_only(axe_configuration(html))


def test_the_preview_checks_the_page_content_only(editor_client, tree):
    url = f"/admin/pages/{tree.migrants.pk}/edit/preview/"
    data = builder_for(TopicPage).form_data(tree, tree.migrants)
    assert editor_client.post(url, data).json()["is_valid"]

    html = editor_client.get(url, {"mode": "", "in_preview_panel": "true"}).content.decode()

    assert_checks_the_page_content_only(axe_configuration(html))
