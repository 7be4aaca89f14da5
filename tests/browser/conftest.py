"""Browser tests: Playwright drives Debian's Chromium (package ``chromium``) against a live
server. Playwright's own browser download is not used.

Without Chromium the tests are skipped, unless ``REQUIRE_BROWSER=1`` (as in CI), where a
missing browser is an error. ``CHROMIUM=/path/to/chromium`` names another binary.
"""

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path():
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture
def browser(monkeypatch):
    """Chromium, started for one test and stopped before its database is cleaned up.

    Playwright's synchronous API runs an event loop in the test's thread, which Django would
    take for async code: the ORM calls the test makes are synchronous and safe, so async-safety
    is relaxed for this test only, and nothing else (such as ``check --deploy``) inherits it.
    """
    path = chromium_path()
    if not path:
        message = "Chromium is not installed (apt install chromium), or set CHROMIUM=/path"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Opens fresh browser contexts (no cookies, like a new visitor) on the live server."""
    contexts = []

    def open_context(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
