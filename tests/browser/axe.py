"""Accessibility checks with axe-core, for the browser tests.

``axe-playwright-python`` ships ``axe.min.js``, injected into the page: nothing is
downloaded and no network is needed. ``assert_accessible(page)`` runs the rules of WCAG 2.2
level A and AA, plus Deque's best practices, and fails with one readable entry per element at
fault.
"""

from axe_playwright_python.base import AXE_SCRIPT

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added
# it), and the best practices that are not success criteria but catch real barriers.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

SNIPPET_LENGTH = 200

# Runs axe on the page as it is now, and hands back its violations only (the passes and the
# rest would cross to Python for nothing). ``axe.run`` starts afresh on every call, so a page
# can be checked again after a change, such as a new viewport size.
RUN_AXE = """([context, options]) => (
    context === null ? axe.run(options) : axe.run(context, options)
).then((results) => results.violations)"""


def inject_axe(page):
    """Load axe-core into the page's document, unless it is there already: the script is
    large, and the document keeps it until the page navigates."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)


def axe_violations(page, context=None, tags=WCAG_22_AA):
    """axe's violations on ``page`` as it is now (a list of axe's result dicts).

    ``context`` is axe's: a CSS selector such as ``"main"``, or ``{"exclude": [...]}``.
    """
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    inject_axe(page)
    return page.evaluate(RUN_AXE, [context or None, options])


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


def assert_accessible(page, context=None, tags=WCAG_22_AA):
    """Fail with the list of axe violations on ``page`` (WCAG 2.2 AA and best practices)."""
    violations = axe_violations(page, context=context, tags=tags)
    if violations:
        count = sum(len(violation["nodes"]) for violation in violations)
        raise AssertionError(
            f"{page.url}: {len(violations)} axe rule(s) broken on {count} element(s)\n"
            + format_violations(violations)
        )
