"""Accessibility checks with axe-core, for the browser tests.

``axe-playwright-python`` ships ``axe.min.js``, injected into the page: nothing is
downloaded and no network is needed. ``assert_accessible(page)`` runs every rule axe has
(but the deprecated ones, ``TAGS_LEFT_OUT``) and the label-in-name check below, and
fails with one readable entry per element at fault.

Every rule means more than axe's default set and more than its WCAG tags:

- the experimental rules, which axe runs only when asked for them (``label-content-name-mismatch``
  for WCAG 2.5.3, ``p-as-heading``, ``css-orientation-lock``, ``focus-order-semantics``,
  ``table-fake-caption``, ``td-has-header``, ``hidden-content``);
- the rules axe switches off unless named: ``target-size`` (WCAG 2.2 AA) and level AAA's
  ``identical-links-same-purpose`` and ``meta-refresh-no-exceptions``;
- level AAA's enhanced contrast, ``color-contrast-enhanced`` (7:1);
- the best practices, which are not success criteria but catch real barriers.

The rules are read from axe itself (``axe.getRules()``), so a newer axe brings its new rules in.

axe's ``label-content-name-mismatch`` looks only at an ``aria-label`` or ``aria-labelledby``.
Visually hidden words put before the visible text (``<span class="visually-hidden">Page
</span>2``) break WCAG 2.5.3 just the same for people who use voice control: they say "click 2"
and the name is "Page 2". ``LABEL_IN_NAME`` checks that every link's and button's accessible
name, as axe computes it, begins with the words it shows.
"""

from axe_playwright_python.base import AXE_SCRIPT

# The rules that are not run, and why. Each was run over every page type of the demo
# (tests/demo_site.py) at 1280 and 390 pixels when this list was written.
# None: enhanced contrast (WCAG 1.4.6, level AAA, 7:1) runs too. The one colour that fell
# short of it, the grey for secondary text (dates, bylines, hints), was darkened from #545c62
# (6.3:1 on the page's warm background) to #4d555b (7:1).
RULES_LEFT_OUT = frozenset()
# The rules axe itself has retired (tagged "deprecated" and off by default): duplicate-id and
# duplicate-id-active (WCAG 4.1.1 Parsing, gone from WCAG 2.2; the Nu Html Checker still
# refuses duplicate ids, tests/browser/test_html_validity.py), aria-roledescription,
# audio-caption, and landmark-complementary-is-top-level, whose ARIA rule is gone: it takes
# the French and Spanish demo topics' call to action, an <aside> in <main>, for a misplaced
# landmark.
TAGS_LEFT_OUT = {"deprecated"}

SNIPPET_LENGTH = 200

# Every rule axe has, but those left out.
RULE_IDS = """([rulesLeftOut, tagsLeftOut]) => axe.getRules()
    .filter((rule) => !rulesLeftOut.includes(rule.ruleId)
        && !rule.tags.some((tag) => tagsLeftOut.includes(tag)))
    .map((rule) => rule.ruleId)"""

# Runs axe on the page as it is now, and hands back its violations only (the passes and the
# rest would cross to Python for nothing). ``axe.run`` starts afresh on every call, so a page
# can be checked again after a change, such as a new viewport size.
RUN_AXE = """([context, options]) => (
    context === null ? axe.run(options) : axe.run(context, options)
).then((results) => results.violations)"""

# WCAG 2.5.3 Label in Name, as the site applies it: the accessible name of every link and
# button shown begins with the words it shows. Words are compared without case, punctuation
# or symbols (a "×" or "›" drawn beside the text is not a word). Text shows unless it, or an
# element between it and the control, is not rendered or is clipped to a pixel or less (as
# .visually-hidden is); text hidden from assistive technologies (aria-hidden) but drawn on
# the screen is visible text; an image shows the text of its alternative (a wordmark drawn in
# SVG shows its letters). Answers axe-like violations (an empty list when all is well).
LABEL_IN_NAME = """(context) => {
    const CONTROLS = "a[href], button, summary, input[type=submit], input[type=button], "
        + "input[type=reset], [role=button], [role=link], [role=menuitem], [role=tab]";
    const words = (text) => text.normalize("NFKC").toLocaleLowerCase()
        .replace(/[^\\p{L}\\p{N}]+/gu, " ").trim().split(" ").filter(Boolean);
    const shows = (element, control) => {
        for (let e = element; e; e = e.parentElement) {
            const rendered = {visibilityProperty: true, opacityProperty: true};
            if (!e.checkVisibility(rendered)) return false;
            const box = e.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1) return false;
            if (e === control) return true;
        }
        return true;
    };
    const nameOf = (element) => axe.commons.text.accessibleTextVirtual(
        axe.utils.getNodeFromTree(element)).trim();
    // The text ``element`` shows, inside ``control``. An image (a drawn wordmark) shows what
    // its alternative says, unless it is hidden from assistive technologies as an icon.
    const visibleText = (element, control) => {
        let text = "";
        for (const child of element.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) {
                if (shows(element, control)) text += child.data;
            } else if (child.nodeType !== Node.ELEMENT_NODE) {
                continue;
            } else if (child.matches("img, svg, [role=img]")) {
                if (shows(child, control) && !child.closest("[aria-hidden=true]")) {
                    text += ` ${nameOf(child)} `;
                }
            } else {
                text += visibleText(child, control);
            }
        }
        return text;
    };
    const root = context ? document.querySelector(context) : document;
    const nodes = [];
    axe.setup(document);
    try {
        for (const control of root.querySelectorAll(CONTROLS)) {
            if (!shows(control, control)) continue;
            const shown = control.matches("input") ? control.value
                : visibleText(control, control).replace(/\\s+/g, " ").trim();
            const seen = words(shown);
            if (!seen.length) continue;  // an icon hidden from assistive technologies
            const name = nameOf(control);
            const named = words(name);
            if (seen.every((word, index) => named[index] === word)) continue;
            nodes.push({
                html: control.outerHTML,
                target: [axe.utils.getSelector(control)],
                failureSummary: `Fix the following:\\n  The control shows “${shown}”, is named `
                    + `“${name}”: begin the name with the words shown, and put any words `
                    + "for screen readers after them",
            });
        }
    } finally {
        axe.teardown();
    }
    return nodes.length ? [{
        id: "label-in-name",
        impact: "serious",
        help: "The accessible name of a link or button must begin with its visible text",
        helpUrl: "https://www.w3.org/WAI/WCAG22/Understanding/label-in-name.html",
        nodes,
    }] : [];
}"""


# axe takes everything in a closed <details> for hidden, even where CSS shows it: the header's
# menu and the listing filters are closed <details> that wide screens show whole
# (::details-content). These open the closed ones whose contents are on the screen, so that
# axe checks what visitors see, and close them again afterwards. A closed <details> whose
# contents are hidden, as on a phone, stays closed and unchecked: its contents are checked
# where a test opens it.
OPEN_SHOWN_DETAILS = """() => {
    const opened = [];
    for (const details of document.querySelectorAll("details:not([open])")) {
        const shown = [...details.children].some(
            (child) => child.localName !== "summary" && child.checkVisibility()
        );
        if (shown) {
            details.open = true;
            opened.push(details);
        }
    }
    window.__axeOpenedDetails = opened;
    return opened.length;
}"""
CLOSE_OPENED_DETAILS = """() => {
    for (const details of window.__axeOpenedDetails || []) details.open = false;
    delete window.__axeOpenedDetails;
}"""


def inject_axe(page):
    """Load axe-core into the page's document, unless it is there already: the script is
    large, and the document keeps it until the page navigates."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)


def axe_violations(page, context=None, rules=None):
    """axe's violations on ``page`` as it is now (a list of axe's result dicts), for ``rules``
    (axe's rule ids; by default every rule but ``RULES_LEFT_OUT`` and the deprecated ones).

    ``context`` is axe's: a CSS selector such as ``"main"``, or ``{"exclude": [...]}``.
    """
    inject_axe(page)
    if rules is None:
        rules = page.evaluate(RULE_IDS, [sorted(RULES_LEFT_OUT), sorted(TAGS_LEFT_OUT)])
    options = {"runOnly": {"type": "rule", "values": list(rules)}, "resultTypes": ["violations"]}
    return page.evaluate(RUN_AXE, [context or None, options])


def label_in_name_violations(page, context=None):
    """The links and buttons on ``page`` whose accessible name does not begin with the text
    they show, as one axe-like violation (or none). ``context``: a CSS selector, or None."""
    inject_axe(page)
    return page.evaluate(LABEL_IN_NAME, context if isinstance(context, str) else None)


def format_violations(violations):
    """One paragraph per rule broken: rule, impact, what it asks, then each element at fault."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl'].split('?')[0]}>"
        )
        for node in violation["nodes"]:
            snippet = " ".join(node["html"].split())
            if len(snippet) > SNIPPET_LENGTH:
                snippet = snippet[: SNIPPET_LENGTH - 1] + "…"
            lines.append(f"  - at {', '.join(map(str, node['target']))}")
            lines.append(f"    {snippet}")
            # "Fix any of the following:" then one check per line: one line, "; " between.
            heading, *checks = node.get("failureSummary", "").strip().splitlines() or [""]
            if checks:
                lines.append(f"    {heading} {'; '.join(check.strip() for check in checks)}")
    return "\n".join(lines)


def assert_accessible(page, context=None):
    """Fail with the list of axe violations on ``page`` (every rule but those left out) and
    of the links and buttons whose name does not begin with their visible text."""
    page.evaluate(OPEN_SHOWN_DETAILS)
    try:
        violations = axe_violations(page, context=context)
        violations += label_in_name_violations(page, context=context)
    finally:
        page.evaluate(CLOSE_OPENED_DETAILS)
    if violations:
        count = sum(len(violation["nodes"]) for violation in violations)
        raise AssertionError(
            f"{page.url}: {len(violations)} rule(s) broken on {count} element(s)\n"
            + format_violations(violations)
        )
