"""The public pages of the demo site, one of each kind, for the checks that look at every page
type: axe-core in Chromium (``test_accessibility.py``) and the Nu Html Checker
(``tests/test_html_validity.py``), on the ``demo_site`` fixture (``tests/demo_site.py``).

Add a new page type to ``DEMO_PAGES`` and both checks cover it; ``tests/test_demo_content.py``
fails, naming the page type, until one of its pages is listed here.
"""

from tests.demo_site import PROTECTED_STORY_SLUG

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
    ("update page", "/latest-updates/achpr-73-mauritania-should-protect-defenders-by-law/", 200),
    ("stories listing", "/defenders-stories/", 200),
    ("story page", "/defenders-stories/wanjiru-guarding-the-river/", 200),
    ("story page, identity protected", f"/defenders-stories/{PROTECTED_STORY_SLUG}/", 200),
    ("standard page (privacy notice)", "/privacy-notice/", 200),
    ("join us", "/join-us/", 200),
    ("search results", "/search/?q=defenders", 200),
    ("search results of one type", "/search/?q=defenders&type=story", 200),
    ("search without results", "/search/?q=zzzyzzx", 200),
    (
        "stories listing filtered by topic",
        "/defenders-stories/?topic=women-human-rights-defenders",
        200,
    ),
    ("page not found", "/no-such-page/", 404),
]
