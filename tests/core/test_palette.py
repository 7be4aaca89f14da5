"""The site's colours stay readable: every text and background pair the stylesheet uses, and
every component boundary, is checked here against WCAG 2.2 AA with the colours read from the
:root block of static/css/site.css, so changing a colour there cannot silently break contrast.

Put a new pair here when the stylesheet puts a colour on a new background."""

import re
from pathlib import Path

from django.conf import settings

import pytest

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"

TEXT = 4.5  # normal text (1.4.3)
LARGE = 3.0  # text of at least 24 px, or 18.66 px bold (1.4.3)
UI = 3.0  # component boundaries and states (1.4.11)

# (foreground, background, minimum, where).
PAIRS = [
    # Body text on the page, on cards and on the tinted bands (stories section, notices).
    ("ink", "bg", TEXT, "body text"),
    ("ink", "surface", TEXT, "text on cards and forms"),
    ("ink", "primary-tint", TEXT, "text on the tinted bands"),
    ("ink-soft", "bg", TEXT, "lede"),
    ("ink-soft", "surface", TEXT, "card summaries"),
    ("ink-soft", "primary-tint", TEXT, "ledes on the tinted bands"),
    ("muted", "bg", TEXT, "dates, bylines, breadcrumb"),
    ("muted", "surface", TEXT, "dates and bylines on cards"),
    ("muted", "primary-tint", TEXT, "section notes on the tinted bands"),
    ("muted", "error-bg", TEXT, "hints in an error box"),
    # Links and the eyebrow.
    ("primary", "bg", TEXT, "links"),
    ("primary", "surface", TEXT, "links on cards, secondary buttons"),
    ("primary", "primary-tint", TEXT, "links on the tinted bands"),
    ("primary", "badge-bg", TEXT, "links on a filter chip"),
    ("primary-dark", "bg", TEXT, "links on hover"),
    ("primary-dark", "surface", TEXT, "card titles on hover"),
    ("primary-dark", "badge-bg", TEXT, "update type badge"),
    # Dark areas: header, footer, join-us band, call to action, secondary button on hover.
    ("on-dark", "primary", TEXT, "header text and links, secondary button on hover"),
    ("on-dark", "primary-dark", TEXT, "join-us band"),
    ("on-dark", "primary-darker", TEXT, "footer links"),
    ("on-dark-muted", "primary", TEXT, "muted text in the header"),
    ("on-dark-muted", "primary-dark", TEXT, "join-us text"),
    ("on-darker-muted", "primary-darker", TEXT, "footer text"),
    # Amber calls to action: dark text on amber; amber as the current-place mark on blue.
    ("ink", "accent", TEXT, "Join us, buttons"),
    ("ink", "accent-hover", TEXT, "buttons on hover"),
    ("accent", "primary", UI, "current section underline, Join us against the header"),
    ("accent", "primary-dark", UI, "Join us against the join-us band"),
    # Errors.
    ("error", "error-bg", TEXT, "error messages"),
    ("error", "surface", TEXT, "field errors"),
    ("error", "bg", TEXT, "field errors on the page"),
    # Boundaries of form fields and focus.
    ("input-border", "surface", UI, "field borders in a white box"),
    ("input-border", "bg", UI, "field borders on the page"),
    ("ink", "bg", UI, "focus ring"),
    ("ink", "accent", UI, "focus ring on its amber halo"),
    ("on-dark", "primary", UI, "focus ring on the header"),
    ("on-dark", "primary-darker", UI, "focus ring on the footer"),
]


def palette(css):
    """The ``--color-*`` custom properties of the first :root block, as name -> (r, g, b).
    A colour that names another (var(--color-x)) takes that one's value."""
    root = re.search(r":root\s*\{(.*?)\}", css, re.S)
    assert root, "the stylesheet has no :root block"
    declared = dict(re.findall(r"--color-([a-z0-9-]+)\s*:\s*([^;]+);", root.group(1)))
    colours = {}
    for name, value in declared.items():
        value = value.strip()
        while (alias := re.fullmatch(r"var\(--color-([a-z0-9-]+)\)", value)) is not None:
            value = declared[alias.group(1)].strip()
        colours[name] = rgb(value)
    return colours


def rgb(value):
    match = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", value)
    if match is None:
        raise ValueError(f"not a hexadecimal colour: {value!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def luminance(colour):
    """Relative luminance, as WCAG 2 defines it."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def colours():
    return palette(STYLESHEET.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("foreground", "background", "minimum", "where"),
    PAIRS,
    ids=[f"{fg} on {bg}" for fg, bg, *_ in PAIRS],
)
def test_the_pair_has_enough_contrast(colours, foreground, background, minimum, where):
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, (
        f"--color-{foreground} on --color-{background} ({where}) is {ratio:.2f}:1, "
        f"under {minimum}:1"
    )


def test_the_contrast_formula_gives_wcag_s_reference_values():
    assert contrast(rgb("#000"), rgb("#fff")) == pytest.approx(21)
    assert contrast(rgb("#fff"), rgb("#fff")) == pytest.approx(1)
    # The lightest grey that passes on white, and the one just lighter, which does not.
    assert contrast(rgb("#767676"), rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast(rgb("#777777"), rgb("#ffffff")) < TEXT


def test_a_colour_changed_in_root_is_what_the_pairs_are_checked_with():
    """The checks read the stylesheet: a paler ink or a named alias is what they see."""
    css = ":root {\n  --color-ink: #999999;\n  --color-bg: #ffffff;\n  --focus: 1px;\n"
    css += "  --color-text: var(--color-ink);\n}\n.x { --color-ink: #000000; }"
    colours = palette(css)
    assert colours == {"ink": (153, 153, 153), "bg": (255, 255, 255), "text": (153, 153, 153)}
    assert contrast(colours["text"], colours["bg"]) < TEXT


def test_a_colour_the_checks_cannot_read_is_an_error_rather_than_a_pass():
    with pytest.raises(ValueError, match="not a hexadecimal colour"):
        palette(":root { --color-ink: rebeccapurple; }")


def test_every_colour_of_the_palette_is_in_a_checked_pair(colours):
    """A colour added to :root without a pair here has not been checked against anything."""
    checked = {name for fg, bg, *_ in PAIRS for name in (fg, bg)}
    decorative = {"border", "border-strong", "accent-edge"}  # rules and edges beside text
    assert set(colours) - decorative <= checked, set(colours) - decorative - checked
