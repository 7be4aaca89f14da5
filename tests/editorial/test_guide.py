"""The editors' guide (docs/editors.md) read in the admin: under the Help menu, with its
screenshots, for the team only."""

import json
import re

import pytest

from editorial import guide

pytestmark = pytest.mark.django_db

GUIDE = "/admin/editors-guide/"


def help_menu_links(dashboard_html):
    """(label, address) of each link of the admin's Help menu, read from the sidebar's props
    (Wagtail draws the sidebar from this JSON, in telepath's format)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        dashboard_html,
        re.S,
    )
    found = []

    def walk(node, in_help):
        if isinstance(node, dict):
            args = node.get("_args") or [{}]
            options = args[0] if isinstance(args[0], dict) else {}
            is_submenu = node.get("_type") == "wagtail.sidebar.SubMenuItem"
            if is_submenu and options.get("name") == "help":
                walk(args[1:], True)
                return
            if in_help and node.get("_type") == "wagtail.sidebar.LinkMenuItem":
                found.append((options["label"], options["url"]))
            for value in node.values():
                walk(value, in_help)
        elif isinstance(node, list):
            for value in node:
                walk(value, in_help)

    walk(json.loads(props.group(1)), False)
    return found


def test_an_editor_finds_the_guide_in_the_help_menu(editor_client):
    links = help_menu_links(editor_client.get("/admin/").content.decode())

    assert ("Editors' guide", GUIDE) in links


def test_the_guide_shows_its_sections_and_screenshots_in_the_admin(editor_client):
    response = editor_client.get(GUIDE)

    assert response.status_code == 200
    # Under the admin's own policy, which lets its pages show images from the site itself.
    policy = response["Content-Security-Policy"]
    assert re.search(r"img-src [^;]*'self'", policy) and "script-src 'self'" in policy
    html = response.content.decode()
    assert "<title>Editors&#x27; guide" in html or "<title>Editors' guide" in html
    assert '<h2 id="who-does-what">Who does what</h2>' in html
    assert len(re.findall(r"<h1\b", html)) == 1  # the admin's header; not the file's too
    assert "Approve and Publish" in html
    images = re.findall(r'<img alt="[^"]+" src="(/admin/editors-guide/img/[^"]+)"', html)
    assert "/admin/editors-guide/img/04-preview.png" in images
    for src in images:
        image = editor_client.get(src)
        assert image.status_code == 200, src
        assert image["Content-Type"] == "image/png", src


def test_the_guide_links_to_its_example_file_and_sections(editor_client):
    html = editor_client.get(GUIDE).content.decode()

    # Links between sections of the guide work; the example CSV is served too.
    assert 'href="/admin/editors-guide/legacy-redirects-example.csv"' in html
    csv = editor_client.get("/admin/editors-guide/legacy-redirects-example.csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")


def test_raw_html_in_the_guide_is_shown_as_text(editor_client, monkeypatch, tmp_path):
    (tmp_path / "editors.md").write_text(
        '# Guide\n\n<script>alert(1)</script>\n\nA <b onclick="x()">bold</b> claim.\n'
    )
    monkeypatch.setattr(guide, "GUIDE_DIR", tmp_path)

    html = editor_client.get(GUIDE).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b onclick" not in html


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    for url in (GUIDE, "/admin/editors-guide/img/04-preview.png"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize(
    "name",
    [
        "../editors.md",
        "..%2Feditors.md",
        "..%2F..%2Fpyproject.toml",
        "%2E%2E/README.md",
        "missing.png",
        "04-preview.PNG.exe",
    ],
)
def test_only_the_guide_images_are_served(editor_client, name):
    assert editor_client.get(f"/admin/editors-guide/img/{name}").status_code == 404
