"""The Chromium that a test process shares between its browser tests leaves the other tests
alone: outside a browser test no event loop runs in the thread and Django's async-safety
checks hold, so the ORM works and nothing else inherits the relaxed checks."""

import asyncio
import os

from django.contrib.auth.models import Group

import pytest

from editorial.setup import EDITORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def no_running_loop():
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return True
    return False


def test_a_browser_test_runs_playwrights_loop_and_may_use_the_orm(browser):
    browser.new_context().close()

    assert not no_running_loop()
    assert os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"
    assert Group.objects.filter(name=EDITORS).exists()


def test_around_a_browser_test_no_loop_runs_and_async_safety_holds(shared_chromium):
    with shared_chromium.in_use() as browser:  # as a browser test of this process does
        context = browser.new_context()
        assert context.new_page().evaluate("() => 6 * 7") == 42
        context.close()

    assert no_running_loop()
    assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
    assert Group.objects.filter(name=EDITORS).exists()
