"""The axe-core helper itself: it runs offline, applies WCAG 2.2 AA, and says what is wrong
where."""

import pytest

from .axe import assert_accessible
from .conftest import resize

pytestmark = pytest.mark.browser

FAULTY = """<!DOCTYPE html>
<html><head><title>Faulty</title></head>
<body><main>
  <h1>Faulty page</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color: #aaa; background: #fff">Pale grey text</p>
  <button style="width: 10px; height: 10px; padding: 0; margin: 0"></button><button
    style="width: 10px; height: 10px; padding: 0; margin: 0">B</button>
</main></body></html>"""

CLEAN = """<!DOCTYPE html>
<html lang="en"><head><title>Clean</title></head>
<body><main><h1>Clean page</h1><p>Black on white.</p></main></body></html>"""


def test_assert_accessible_lists_each_rule_broken_with_its_elements(browser):
    page = browser.new_page()
    page.set_content(FAULTY)

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)

    report = str(failure.value)
    assert "image-alt (critical): Images must have alternative text" in report
    assert "html-has-lang (serious)" in report
    assert "color-contrast (serious)" in report
    assert "target-size" in report  # a WCAG 2.2 AA rule
    assert "button-name (critical)" in report
    assert "  - at p\n" in report  # the target selector
    assert '<p style="color: #aaa; background: #fff">Pale grey text</p>' in report
    page.close()


def test_assert_accessible_passes_a_clean_page_and_can_check_a_part_only(browser):
    page = browser.new_page()
    page.set_content(CLEAN)
    assert_accessible(page)

    page.set_content(FAULTY.replace("<html>", '<html lang="en">'))
    assert_accessible(page, context="h1")
    page.close()


# Pale text on a narrow screen only, as a page whose phone layout breaks a rule would have it.
PALE_WHEN_NARROW = """<!DOCTYPE html>
<html lang="en"><head><title>Narrow</title>
<style>@media (max-width: 600px) { p { color: #bbb; } }</style></head>
<body><main><h1>Narrow page</h1><p>Black on white, or pale grey on a phone.</p></main></body>
</html>"""


def test_a_check_after_a_resize_applies_the_new_widths_styles(browser):
    page = browser.new_page()
    page.set_content(PALE_WHEN_NARROW)
    resize(page, 1280)
    assert_accessible(page)

    resize(page, 390)
    with pytest.raises(AssertionError, match="color-contrast"):
        assert_accessible(page)

    resize(page, 1280)
    assert_accessible(page)
    page.close()
