"""Browser tests: Playwright drives Debian's Chromium (package ``chromium``) against a live
server. Playwright's own browser download is not used.

Without Chromium the tests are skipped, unless ``REQUIRE_BROWSER=1`` (as in CI), where a
missing browser is an error. ``CHROMIUM=/path/to/chromium`` names another binary.

Chromium starts once per test process (once per pytest-xdist worker) and each test gets
fresh browser contexts: a context has its own cookies, storage and cache, so tests stay
isolated without paying for a browser launch each.
"""

import asyncio
import os
import shutil
from contextlib import contextmanager

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path():
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


class SharedChromium:
    """One Chromium, driven through Playwright's synchronous API, shared by a process's tests.

    Playwright's synchronous API keeps an event loop marked as running in the thread that
    started it, between its calls too. Django takes a running loop for async code and refuses
    the ORM then, so the loop is marked as running only while a browser test runs
    (``in_use()``): the other tests of the process see no loop, as if no browser were open.
    """

    def __init__(self, path):
        self.playwright = sync_playwright().start()
        self.loop = asyncio.get_running_loop()  # Playwright's, marked as running just now
        try:
            self.browser = self.playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS
            )
        except BaseException:
            self.playwright.stop()
            raise
        asyncio._set_running_loop(None)

    @contextmanager
    def in_use(self):
        asyncio._set_running_loop(self.loop)
        try:
            yield self.browser
        finally:
            asyncio._set_running_loop(None)

    def stop(self):
        asyncio._set_running_loop(self.loop)
        try:
            try:
                self.browser.close()
            finally:
                self.playwright.stop()  # runs Playwright's loop to its end
        finally:
            asyncio._set_running_loop(None)


@pytest.fixture(scope="session")
def shared_chromium():
    """Chromium for all the browser tests of this process; tests use ``browser``."""
    path = chromium_path()
    if not path:
        message = "Chromium is not installed (apt install chromium), or set CHROMIUM=/path"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    chromium = SharedChromium(path)
    yield chromium
    chromium.stop()


@pytest.fixture
def browser(shared_chromium, monkeypatch):
    """The shared Chromium, for one test; the contexts the test opens are closed after it,
    before its database is cleaned up.

    Playwright's synchronous API runs an event loop in the test's thread, which Django would
    take for async code: the ORM calls the test makes are synchronous and safe, so async-safety
    is relaxed for this test only, and nothing else (such as ``check --deploy``) inherits it.
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with shared_chromium.in_use() as browser:
        already_open = set(browser.contexts)
        try:
            yield browser
        finally:
            for context in browser.contexts:
                if context not in already_open:
                    context.close()


@pytest.fixture
def new_context(browser, live_server):
    """Opens fresh browser contexts (no cookies, like a new visitor) on the live server.

    Whatever the Content Security Policy made the browser refuse on any page of the test, the
    site's or the admin's, fails the test: the policy must allow everything the pages need."""
    contexts = []
    refused = []

    def note_refusal(message):
        if "Content Security Policy" in message.text:
            refused.append(f"{message.page.url if message.page else ''}: {message.text}")

    def open_context(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        context.on("console", note_refusal)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    assert not refused, "\n".join(refused)


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def resize(page, width, height=900):
    """Give the page a new viewport size, and wait until its layout has followed: the media
    queries match the new width and two frames have been drawn with it."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(
        "(width) => window.innerWidth === width && matchMedia(`(width: ${width}px)`).matches",
        arg=width,
    )
    page.evaluate(
        "() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))"
    )
