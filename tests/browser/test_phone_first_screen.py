"""A phone's first screen (390×844, an iPhone 12 to 15) shows the page, not the header: the
header is one row with a "Menu" control that opens from the keyboard, without JavaScript, and
says whether it is open; an update's summary and the updates listing's first result are in
the first screen. On a desktop the same header shows everything without the control."""

import pytest

from core.models import SiteSettings
from tests.conftest import build_tree

from .axe import assert_accessible
from .conftest import resize

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
# The demo's longest update title and summary (demo/content), the listing's introduction.
TITLE = "HRC53: States must end reprisals against women defenders who engage with the UN"
SUMMARY = (
    "In a statement to the Human Rights Council, ISHR warned that women defenders who cooperate "
    "with the UN face reprisals shaped by their gender, from sexualised smear campaigns to "
    "threats against their children."
)
INTRO = (
    "News, statements, joint letters, press releases, reports and events from our work at the "
    "UN and in regional human rights systems."
)


@pytest.fixture
def updates():
    tree = build_tree()
    tree.update_index.intro = INTRO
    tree.update_index.save_revision().publish()
    for number in range(3):
        tree.add_update(f"Earlier update {number}", [tree.migrants])
    update = tree.add_update(
        TITLE, [tree.migrants, tree.women], update_type=tree.statement, summary=SUMMARY
    )
    update.date = update.date.replace(year=2025)
    update.save_revision().publish()
    return tree, update


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def menu_state(page):
    """What the browser tells assistive technologies about the menu control: its role, name
    and whether it is expanded (Chromium's accessibility tree, as screen readers get it)."""
    cdp = page.context.new_cdp_session(page)
    try:
        summary = cdp.send(
            "DOM.describeNode",
            {
                "objectId": cdp.send(
                    "Runtime.evaluate",
                    {"expression": "document.querySelector('.site-menu > summary')"},
                )["result"]["objectId"]
            },
        )["node"]["backendNodeId"]
        (node,) = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": summary})["nodes"][
            :1
        ]
    finally:
        cdp.detach()
    properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
    return node["role"]["value"], node["name"]["value"], properties.get("expanded")


def test_a_phones_first_screen_shows_the_page_and_the_menu_opens_by_keyboard(updates, new_context):
    tree, update = updates
    page = new_context(viewport=PHONE).new_page()
    page.goto(update.url)

    # One row: the brand and the control; the menu's contents wait behind it.
    assert box(page, ".site-header")["height"] <= 72
    nav = page.get_by_role("navigation", name="Main")
    search = page.get_by_role("search", name="Site")
    languages = page.get_by_role("navigation", name="Language")
    for hidden in (nav, search, languages):
        assert not hidden.is_visible()

    # The update's summary starts in the first screen, its title said once above it.
    lede = box(page, ".page-header .lede")
    assert lede["y"] + 24 <= PHONE["height"], lede
    trail = page.get_by_role("navigation", name="Breadcrumb")
    assert [link.inner_text() for link in trail.get_by_role("link").all()] == [
        "Home",
        "Latest updates",
    ]
    assert "HRC53" not in trail.inner_text()

    # Skip link, brand, then the control: Enter opens it, and it says so.
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Menu"
    assert menu_state(page) == ("DisclosureTriangle", "Menu", False)
    page.keyboard.press("Enter")
    assert menu_state(page) == ("DisclosureTriangle", "Menu", True)
    for shown in (nav, search, languages):
        assert shown.is_visible()
    for name in ("Our priorities", "Latest updates", "Defenders' stories", "Join us"):
        assert nav.get_by_role("link", name=name).is_visible()
    for link in languages.get_by_role("link").all():
        size = link.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, link.inner_text()
        assert size["x"] >= 0 and size["x"] + size["width"] <= PHONE["width"]
    # axe takes a closed <details>'s contents for hidden whatever the CSS: check them open.
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Our priorities"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert menu_state(page)[2] is False
    assert not nav.is_visible()

    # The listing: its filters folded, its first result in the first screen.
    page.goto(tree.update_index.url)
    assert page.get_by_text("Filters", exact=True).is_visible()
    assert not page.get_by_role("combobox", name="Topic").is_visible()
    first = box(page, ".card .card__title")
    assert first["y"] + first["height"] <= PHONE["height"], first
    page.get_by_text("Filters", exact=True).click()
    assert page.get_by_role("combobox", name="Topic").is_visible()
    assert_accessible(page)

    # A desktop: everything shows, without the control.
    resize(page, 1280)
    assert not page.locator(".site-menu__toggle").is_visible()
    for shown in (nav, search, languages, page.get_by_role("combobox", name="Topic")):
        assert shown.is_visible()
    assert box(page, ".site-header")["height"] <= 160


# The sections as the demo names them in French and Spanish, the longest of the three.
SECTIONS = {
    "fr": ("Accueil", "Nos priorités", "Dernières actualités", "Paroles de défenseurs"),
    "es": ("Inicio", "Nuestras prioridades", "Últimas novedades", "Voces de personas defensoras"),
}


@pytest.fixture
def three_languages():
    """The tree in English, French and Spanish, its sections named as in the demo, with a
    Donate link."""
    tree = build_tree()
    settings = SiteSettings.for_site(tree.site)
    settings.donate_url = "https://example.org/donate"
    settings.save()
    for language, (home, *sections) in SECTIONS.items():
        tree.translate(tree.home, language, title=home)
        for index, title in zip(
            (tree.topic_index, tree.update_index, tree.story_index), sections, strict=True
        ):
            tree.translate(index, language, title=title, slug=f"{index.slug}-{language}")
    return tree


def test_a_wide_header_is_two_rows_in_every_language(three_languages, new_context):
    """The brand, the search box and the languages in a row; the sections, Join us and Donate
    in the row below, whatever the language's longer names (French and Spanish took three
    rows, as the sections and the buttons wrapped below the brand)."""
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    for language in ("en", "fr", "es"):
        page.goto("/" if language == "en" else f"/{language}/")
        for width in (1024, 1280, 1600):
            resize(page, width)
            links = page.locator(".site-nav__link").all()
            assert len(links) == 5, (language, width)
            rows = {round(link.bounding_box()["y"]) for link in links}
            assert len(rows) == 1, (language, width, "the sections wrap")
            brand = box(page, ".site-header__brand")
            search = box(page, ".site-search")
            switcher = box(page, ".language-switcher")
            for beside in (search, switcher):
                assert beside["y"] < brand["y"] + brand["height"], (language, width)
                assert beside["x"] >= brand["x"] + brand["width"], (language, width)
            assert min(rows) >= brand["y"] + brand["height"], (language, width)
            assert box(page, ".site-header")["height"] <= 150, (language, width)


def test_a_phones_header_is_one_row_in_every_language(three_languages, new_context):
    """The brand and the Menu control only, whatever the length of the organisation's name in
    the language (in Spanish it took five lines beside the control: a 98 px header)."""
    page = new_context(viewport=PHONE).new_page()
    for language in ("en", "fr", "es"):
        page.goto("/" if language == "en" else f"/{language}/")
        assert box(page, ".site-header")["height"] <= 72, language
        # The drawn wordmark shows; the name stays in the link's accessible name.
        assert page.locator(".site-header__logo").is_visible()
