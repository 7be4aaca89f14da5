"""The admin carries the organisation's name and logo: on the sign-in page, on the dashboard, in
every admin page's title and as its icon."""

import re

LOGO = 'src="/static/img/favicon.svg"'


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1).split()


def test_the_sign_in_page_names_the_organisation_and_shows_its_logo(client, tree):
    html = client.get("/admin/login/").content.decode()

    assert "Sign in to the International Service for Human Rights website" in html
    assert "Sign in to Wagtail" not in html
    assert f'<img {LOGO} alt="" width="80" height="80">' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert "favicon.ico" not in html
    assert title_of(html)[-1] == "ISHR"


def test_the_dashboard_names_the_organisation_and_shows_its_logo(editor_client, tree):
    html = editor_client.get("/admin/").content.decode()

    assert "International Service for Human Rights" in html
    branding = re.search(
        r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, flags=re.S
    )
    assert LOGO in branding.group(1)
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert title_of(html)[-2:] == ["-", "ISHR"]
    assert "Wagtail</title>" not in html


def test_the_admins_page_not_found_shows_the_organisations_logo(editor_client, tree):
    response = editor_client.get("/admin/no-such-admin-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert LOGO in html
    assert 'aria-label="Wagtail"' not in html


def test_the_user_bar_on_the_sites_pages_shows_the_organisations_logo(editor_client, tree):
    html = editor_client.get(tree.home.url).content.decode()

    userbar = re.search(r'<template id="wagtail-userbar-template">(.*?)</template>', html, re.S)
    assert userbar, "the editor sees the user bar"
    assert LOGO in userbar.group(1)
    assert 'aria-label="Wagtail"' not in userbar.group(1)
