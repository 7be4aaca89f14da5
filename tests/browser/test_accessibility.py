"""Every public page type of the demo site passes every axe-core rule (the experimental ones
too: see ``axe.py``) and names each link and button beginning with its visible text, on a
desktop and on a phone; and the keyboard path works: the skip link comes first and lands in the
main content, and every element that takes focus shows it.

The page types are ``DEMO_PAGES`` in ``tests/demo_site.py``: extend that list for new ones.
Pages that only a visitor's action shows (a form sent with mistakes, the pages behind an
email's links) are checked after them, in the same browser session.
"""

import pytest

from newsletter import tokens
from newsletter.models import Subscription
from tests.conftest import build_tree
from tests.demo_site import DEMO_PAGES

from .axe import assert_accessible
from .conftest import resize

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# A desktop and a phone (the width of an iPhone 12 to 15).
WIDTHS = [1280, 390]

# At most this many Tab presses when walking a page's focus order.
MAX_TABS = 150


def test_every_page_type_passes_axe_at_desktop_and_phone_widths(
    new_context, demo_site, subtests, settings
):
    page = new_context().new_page()
    # A page's first visit makes its images' renditions: on a busy machine that takes a while.
    page.set_default_navigation_timeout(60_000)

    def check(number, name, status, load):
        """Check the page ``load()`` opens (answering the response) at both widths."""
        response = None
        for width in WIDTHS if number % 2 == 0 else WIDTHS[::-1]:
            with subtests.test(msg=f"{name} at {width}px"):
                resize(page, width)
                if response is None:
                    response = load()
                assert response.status == status, f"{name} answered {response.status}"
                assert_accessible(page)

    # The site's pages adapt to the width with CSS alone (they run no scripts), so each page
    # is loaded once and checked at both widths, axe running anew after the resize. The widths
    # take turns at loading, so that each also sees half the pages just as they loaded.
    for number, (name, address, status) in enumerate(DEMO_PAGES):
        check(number, f"{name} ({address})", status, lambda address=address: page.goto(address))

    def send_empty_signup_form():
        # Sent at once: a form sent back sooner than a person could fill it in is taken for a
        # script's and thanked without a word about its mistakes.
        settings.NEWSLETTER_MIN_FORM_SECONDS = 0
        page.goto("/join-us/")
        # The form's answer (playwright's expect_navigation fails on reading its own value).
        with page.expect_response(lambda answer: answer.request.method == "POST") as sent:
            page.get_by_role("button", name="Sign up").click()
        page.wait_for_load_state()
        return sent.value

    subscription = Subscription.objects.create(email="visitor@example.org")
    confirm = f"/join-us/confirm/{tokens.make_confirm_token(subscription)}/"
    unsubscribe = f"/join-us/unsubscribe/{tokens.make_unsubscribe_token(subscription)}/"
    check(0, "Join us form sent with its mistakes", 400, send_empty_signup_form)
    check(1, "the email's confirmation page", 200, lambda: page.goto(confirm))
    check(0, "the email's unsubscribe page", 200, lambda: page.goto(unsubscribe))


@pytest.fixture
def listing():
    """An updates listing with a filter form, cards and more than one page."""
    tree = build_tree()
    for number in range(14):
        tree.add_update(f"Update number {number}", [tree.migrants, tree.women])
    return tree.update_index


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(listing, new_context):
    page = new_context().new_page()
    page.goto(listing.url)

    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName, href: el.getAttribute("href"), text: el.textContent.trim()};
        }"""
    )
    assert skip["tag"] == "A" and skip["href"] == "#main", skip
    assert skip["text"] == "Skip to main content"

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    # The next Tab goes on from the main content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_every_element_focused_with_the_keyboard_shows_a_visible_focus_indicator(
    listing, new_context
):
    page = new_context().new_page()
    page.goto(listing.url)

    focused = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        index = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                window.focusWalk = window.focusWalk || [];
                if (window.focusWalk.some((step) => step.el === el)) return null;
                const cs = getComputedStyle(el);
                window.focusWalk.push({
                    el,
                    focused: [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow],
                });
                return window.focusWalk.length - 1;
            }"""
        )
        if index is None:
            break
        focused.append(index)

    # Blur, then read the same properties unfocused: the focused look must differ by a ring
    # (an outline at least 2px wide, or a box shadow) that the unfocused look lacks.
    missing = page.evaluate(
        """() => {
            document.activeElement.blur();
            const px = (value) => parseFloat(value) || 0;
            return window.focusWalk.filter(({el, focused}) => {
                const [style, width, colour, shadow] = focused;
                const cs = getComputedStyle(el);
                const ring = style !== "none" && px(width) >= 2 && !colour.endsWith(", 0)")
                    && (cs.outlineStyle === "none" || px(cs.outlineWidth) === 0
                        || cs.outlineColor !== colour);
                const halo = shadow !== "none" && shadow !== cs.boxShadow;
                return !(ring || halo);
            }).map(({el, focused}) => el.outerHTML.slice(0, 120) + " " + focused.join(" / "));
        }"""
    )
    assert len(focused) > 10, "the Tab walk stopped early"
    assert not missing, "no visible focus indicator on:\n" + "\n".join(missing)
