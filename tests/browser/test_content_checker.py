"""Wagtail's content checker, as an editor sees it on the site's pages: it runs by itself in the
userbar (and in the editor's preview panel, with the same configuration: see
tests/core/test_content_checker.py) and counts what it finds. On the site's own header, footer
and other chrome it finds nothing, so its count is the editor's to bring to zero."""

import re

from django.contrib.auth.models import Group

from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from core.models import SiteSettings
from editorial.setup import EDITORS
from home.models import StandardPage
from tests.builders import build
from tests.conftest import build_tree

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(django_user_model):
    """The tree, an editor, and a footer with every part the settings can fill in."""
    tree = build_tree()
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    notice = build(StandardPage, tree, title="Privacy notice", slug="privacy-notice")
    settings = SiteSettings.for_site(tree.site)
    settings.privacy_notice = notice
    settings.address = "Rue de Varembé 1\n1211 Geneva 20"
    settings.email = "info@example.org"
    settings.phone = "+41 22 123 45 67"
    settings.donate_url = "https://example.org/donate"
    settings.mastodon_url = "https://mastodon.social/@ishr_demo"
    settings.x_url = "https://x.com/ishr_demo"
    settings.save()
    tree.update = tree.add_update("HRC61: an update", [tree.migrants])
    return tree


def checker_count(page):
    """The number of findings the userbar's checker shows, once it has run (empty before)."""
    count = page.locator("wagtail-userbar [data-content-checker-count]").first
    expect(count).to_have_text(re.compile(r"^\d+$"))
    return int(count.text_content())


def findings(page):
    """What the checker's dialog lists, one line per finding."""
    page.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    page.locator("wagtail-userbar #checker-trigger").click()
    rows = page.locator("wagtail-userbar [data-content-checker-row]")
    return [" ".join(row.split()) for row in rows.all_inner_texts()]


def test_the_checker_finds_nothing_on_the_sites_own_header_and_footer(site, new_context):
    page = new_context().new_page()
    log_in(page, "edith", "pw")

    for url in (site.home.url, site.migrants.url, site.update.url, site.update_index.url):
        page.goto(url)
        assert page.locator("footer .donate-link").is_visible()
        assert checker_count(page) == 0, (url, findings(page))


def test_the_checker_still_reports_what_an_editor_wrote(site, new_context):
    """A sub-section heading with no section above it, in the page's body: the editor can fix
    that (with a section heading)."""
    about = build(
        StandardPage,
        site,
        body=[
            ("heading3", "Our team"),
            ("paragraph", RichText("<p>We are twenty people.</p>")),
        ],
    )
    page = new_context().new_page()
    log_in(page, "edith", "pw")

    page.goto(about.url)

    assert checker_count(page) == 1
    assert findings(page) == ["Incorrect heading hierarchy Avoid skipping levels"]
