"""The stylesheet's print rules, focus rings and reduced motion, measured in Chromium, and the
error pages checked with axe-core."""

from django.test import RequestFactory

import pytest

from core.errors import server_error
from tests.conftest import build_tree, make_image

from .axe import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXTERNAL = "https://example.org/hrc-report"


@pytest.fixture
def update():
    tree = build_tree()
    related = tree.add_update("An earlier statement", [tree.women])
    update = tree.add_update(
        "Reprisals against women defenders",
        [tree.women],
        listing_image=make_image("Council chamber", credit="Photo: UN Geneva"),
        body=[
            (
                "paragraph",
                f'<p>Read the <a href="{EXTERNAL}">report</a> and our '
                f'<a href="/topics/">priorities</a>.</p>',
            )
        ],
    )
    assert related.live
    return update


def style(page, selector, prop, pseudo=None):
    """The computed value of ``prop`` on the first element matching ``selector``."""
    return page.eval_on_selector(
        selector,
        "(el, [prop, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(prop)",
        [prop, pseudo],
    )


def test_printed_update_shows_the_article_alone_black_on_white_in_a_serif(update, new_context):
    page = new_context().new_page()
    page.goto(update.url)
    page.emulate_media(media="print")

    for hidden in (".skip-link", ".site-nav", ".site-footer", ".join-us", ".listing-section"):
        if page.locator(hidden).count():
            assert style(page, hidden, "display") == "none", hidden
    assert style(page, "body", "color") == "rgb(0, 0, 0)"
    assert style(page, "body", "background-color") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert "serif" in style(page, ".stream", "font-family").split(",")[-1]
    assert page.get_by_role("heading", level=1).is_visible()


def test_printed_update_keeps_the_image_credit_and_the_date(update, new_context):
    page = new_context().new_page()
    page.goto(update.url)
    page.emulate_media(media="print")

    credit = page.locator(".lead-image .image-credit__text")
    assert credit.is_visible()
    assert "Photo: UN Geneva" in credit.inner_text()
    assert not page.locator(".image-credit__toggle").is_visible()
    assert page.locator(".page-header time").is_visible()
    assert style(page, ".lead-image", "break-inside") == "avoid"


def test_printed_article_spells_out_external_link_addresses_but_not_navigation(
    update, new_context
):
    page = new_context().new_page()
    page.goto(update.url)
    page.emulate_media(media="print")

    after = style(page, f".stream a[href='{EXTERNAL}']", "content", "::after")
    assert "attr(href)" in after or EXTERNAL in after
    assert style(page, ".stream a[href='/topics/']", "content", "::after") in ("none", "normal")
    assert style(page, ".site-header__brand", "content", "::after") in ("none", "normal")


def test_every_focusable_element_on_an_update_shows_a_3px_focus_ring(update, new_context):
    page = new_context().new_page()
    page.goto(update.url)

    rings = []
    for _ in range(60):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const cs = getComputedStyle(el);
                return [el.outerHTML.slice(0, 80), cs.outlineStyle, cs.outlineWidth];
            }"""
        )
        if ring is None or (rings and ring[0] == rings[0][0]):
            break
        rings.append(ring)

    assert len(rings) > 5
    for html, outline_style, width in rings:
        assert outline_style == "solid" and float(width.removesuffix("px")) >= 3, html


def test_skip_link_appears_when_focused(update, new_context):
    page = new_context().new_page()
    page.goto(update.url)
    skip = page.locator(".skip-link")
    assert skip.bounding_box()["y"] < 0 or style(page, ".skip-link", "clip-path") != "none"

    page.keyboard.press("Tab")

    box = skip.bounding_box()
    assert skip.evaluate("el => el === document.activeElement")
    assert box["y"] >= 0 and box["height"] >= 24
    assert style(page, ".skip-link", "clip-path") == "none"


def test_reduced_motion_turns_off_smooth_scrolling_and_transitions(update, new_context):
    page = new_context(reduced_motion="reduce").new_page()
    page.goto("/join-us/")

    assert style(page, "html", "scroll-behavior") == "auto"
    duration = style(page, ".button", "transition-duration")
    assert all(float(part.strip().removesuffix("s")) <= 0.001 for part in duration.split(","))


@pytest.mark.parametrize("width", [1280, 390])
def test_page_not_found_is_accessible_with_targets_of_at_least_24_pixels(
    update, new_context, width
):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    response = page.goto("/no-such-page/")

    assert response.status == 404
    assert_accessible(page)
    for link in page.locator("main a").all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, link.inner_text()


@pytest.mark.parametrize("width", [1280, 390])
def test_server_error_page_is_accessible_and_styled(update, new_context, width):
    html = server_error(RequestFactory().get("/")).content.decode()
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/join-us/")  # the live server's address, so /static/ resolves
    page.set_content(html)

    assert style(page, ".site-header", "background-color") == "rgb(11, 79, 108)"
    assert_accessible(page)
