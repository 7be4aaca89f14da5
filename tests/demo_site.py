"""The demo site for the tests that look at it: loaded once per test process, then put back in
a few milliseconds for each test that asks for it; and ``DEMO_PAGES``, one public page of each
kind, for the checks that look at every page type: axe-core in Chromium
(``tests/browser/test_accessibility.py``) and the Nu Html Checker
(``tests/browser/test_html_validity.py``). Add a new page type to ``DEMO_PAGES`` and both checks
cover it; ``tests/demo/test_demo_content.py`` fails, naming the page type, until one of its pages
is listed here.

Loading the demo takes seconds, so the first test that asks builds it into a snapshot
(``tests/snapshots.py``) that every test then gets written back. The build also opens every page
of ``DEMO_PAGES`` once, so that the images' renditions (made on a page's first view, the slowest
part of it) are part of what is written back. The snapshot, with the pictures' and renditions'
files, is kept on disk (``tests/kept.py``): one pytest-xdist worker builds it while the others
wait, and later runs read it until the project's code or content changes.

Transactional tests need ``serialized_rollback=True`` (as every browser test has): the demo is
built on the root page and default site that migrations create, which a flush removes.
"""

import io

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

import pytest

from stories.models import StoryPage
from tests.kept_media import keep_pictures, keep_renditions, put_back_pictures, put_back_renditions
from tests.snapshots import restore_or_build

# A story whose defender's identity is protected: the demo has none, so one is protected here
# (its text already withholds her country).
PROTECTED_STORY_SLUG = "building-a-collective-narrative-for-migrant-workers"

# (name, address, status): one page of each type visitors can open, as the demo content makes
# them. The status is checked first, so that a moved page fails loudly instead of the checks
# quietly looking at a "page not found".
DEMO_PAGES = [
    ("home", "/", 200),
    ("topic index", "/topics/", 200),
    ("topic page", "/topics/migrant-and-refugee-rights/", 200),
    ("updates listing", "/latest-updates/", 200),
    (
        "updates listing filtered by topic",
        "/latest-updates/?topic=women-human-rights-defenders",
        200,
    ),
    (
        "updates listing filtered by type, country and year",
        "/latest-updates/?type=statement&country=mauritania&year=2023",
        200,
    ),
    ("updates listing, unknown filter value", "/latest-updates/?type=no-such-type", 404),
    ("updates listing, a year that is not one", "/latest-updates/?year=abcd", 404),
    ("updates listing, second page", "/latest-updates/?page=2", 200),
    ("update page", "/latest-updates/achpr-73-mauritania-should-protect-defenders-by-law/", 200),
    ("stories listing", "/defenders-stories/", 200),
    ("story page", "/defenders-stories/wanjiru-guarding-the-river/", 200),
    ("story page, identity protected", f"/defenders-stories/{PROTECTED_STORY_SLUG}/", 200),
    ("standard page (privacy notice)", "/privacy-notice/", 200),
    ("join us", "/join-us/", 200),
    ("join us: check your email", "/join-us/thanks/", 200),
    ("join us: subscribed", "/join-us/confirmed/", 200),
    ("join us: a confirmation link that does not work", "/join-us/confirm/not-a-link/", 400),
    ("join us: unsubscribed", "/join-us/unsubscribed/", 200),
    ("search, before a search", "/search/", 200),
    ("a preview share link that does not work", "/share/not-a-link/", 404),
    ("search results", "/search/?q=defenders", 200),
    ("search results of one type", "/search/?q=defenders&type=story", 200),
    ("search without results", "/search/?q=zzzyzzx", 200),
    (
        "stories listing filtered by topic",
        "/defenders-stories/?topic=women-human-rights-defenders",
        200,
    ),
    ("page not found", "/no-such-page/", 404),
    # French and Spanish: each page type, and listings that show what is not translated yet
    # in English, marked with its language.
    ("home in French", "/fr/", 200),
    ("topic index in French", "/fr/nos-priorites/", 200),
    (
        "topic page in French",
        "/fr/nos-priorites/droits-des-personnes-migrantes-et-refugiees/",
        200,
    ),
    ("updates listing in French, filtered", "/fr/actualites/?country=mauritania", 200),
    (
        "update page in French",
        "/fr/actualites/cadhp-73-mauritanie-proteger-les-defenseurs-par-la-loi/",
        200,
    ),
    (
        "story page in French",
        "/fr/paroles-de-defenseurs/un-recit-collectif-pour-les-travailleurs-migrants/",
        200,
    ),
    ("privacy notice in French", "/fr/politique-de-confidentialite/", 200),
    ("join us in French", "/fr/join-us/", 200),
    ("search results in French", "/fr/search/?q=defenseurs", 200),
    (
        "topic page in Spanish",
        "/es/nuestras-prioridades/derechos-de-las-personas-migrantes-y-refugiadas/",
        200,
    ),
    ("updates listing in Spanish", "/es/novedades/", 200),
    (
        "update page in Spanish",
        "/es/novedades/cdh51-impunidad-de-las-violaciones-en-ceuta-y-melilla/",
        200,
    ),
    ("stories listing in Spanish", "/es/voces-de-personas-defensoras/", 200),
    ("page not found in Spanish", "/es/no-such-page/", 404),
]


@pytest.fixture
def demo_site(db):
    """The demo site, as ``load_demo_content`` builds it, with one story's defender protected.

    Works for ``db`` tests and for ``transactional_db`` and ``live_server`` ones alike."""
    restore_demo_site()


def restore_demo_site():
    """Write the demo back as the load left it; build it first if this process has not yet
    (also for TestCase classes, from ``setUpTestData``)."""
    restore_or_build("demo site", build_demo_site, kept=True)


def build_demo_site():
    """Load the demo content, protect one story's defender, and open every live page and
    every address of ``DEMO_PAGES`` once, which makes the renditions each page shows."""
    load_demo_site()
    put_back_renditions()
    client = Client()
    pages = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
    for url in dict.fromkeys([*pages, *(url for _name, url, _status in DEMO_PAGES)]):
        client.get(url)
    keep_renditions()


@pytest.fixture(scope="session", autouse=True)
def kept_pictures():
    """The demo's pictures drawn by earlier runs, for every load of the demo in this process;
    those drawn meanwhile are kept for the next runs."""
    put_back_pictures()
    yield
    keep_pictures()


def load_demo_site():
    """Load the demo content, with one story's defender protected."""
    call_command("load_demo_content", stdout=io.StringIO())
    story = StoryPage.objects.get(slug=PROTECTED_STORY_SLUG)
    story.protect_identity = True
    story.save_revision().publish()
