"""The production stack when a service fails: PostgreSQL restarted under load, Redis gone, the
mail server down. Each test really stops the stack's own service (``deploy/prod.sh service
stop``) and starts it again. Slow, and skipped without the stack's programs: see
tests/deploy/stack.py.
"""

import os
import re
import threading
import time
import uuid

import psycopg
import pytest
import requests

from .stack import pid, received_mail, running_stack, service

PORTS = {
    "FRONT_PORT": 38080,
    "APP1_PORT": 38001,
    "APP2_PORT": 38002,
    "MEDIA_PORT": 38003,
    "PG_PORT": 35432,
    "REDIS_PORT": 36379,
    "MAIL_PORT": 31025,
}
FRONT = f"http://127.0.0.1:{PORTS['FRONT_PORT']}"
APP1 = f"http://127.0.0.1:{PORTS['APP1_PORT']}"
TOPIC = "/topics/migrant-and-refugee-rights/"
PAGES = [TOPIC, "/latest-updates/", "/topics/", "/"]
# A session cookie that matches no session: Varnish and the page cache pass the request, and
# the app looks the session up in the database (as deploy/bench.py's "uncached").
UNCACHED = {"Cookie": "sessionid=faults-no-such-session"}
# How soon the site answers uncached pages again once PostgreSQL is back.
RECOVERY_SECONDS = 10
# Seconds a person takes at least to fill in the Join us form (NEWSLETTER_MIN_FORM_SECONDS).
FORM_SECONDS = 3

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stack():
    # A failed email is tried again after 2, 4, 8… seconds, and the worker looks for those due
    # every 2 seconds, instead of minutes: the mail test waits seconds for the retry.
    settings = {"NEWSLETTER_EMAIL_RETRY_SECONDS": "2", "WORKER_EVERY_SECONDS": "2"}
    with running_stack(PORTS, **settings) as env:
        for page in PAGES:  # in the front's cache, as the pages visitors ask for most
            requests.get(FRONT + page, timeout=10)
        yield env


@pytest.fixture
def database(stack):
    with psycopg.connect(stack["DATABASE_URL"], autocommit=True) as connection:
        yield connection


def assert_page_or_unavailable(response):
    """A page (200), or the site's "back in a moment" page: a 503 in the site's look that
    tells when to try again."""
    if response.status_code == 200:
        return
    assert response.status_code == 503, (response.url, response.status_code)
    assert response.headers["Retry-After"] == "30"
    assert "<title>Temporarily unavailable |" in response.text
    assert re.search(
        r'<link rel="stylesheet" href="/static/css/site\.[0-9a-f]+\.css">', response.text
    )


def sign_up(address):
    """A signup through the front, as a visitor's browser sends the Join us form; the
    subscription's email address."""
    form = requests.get(f"{FRONT}/join-us/", timeout=10)
    assert form.status_code == 200
    started = re.search(r'name="started" value="([^"]+)"', form.text).group(1)
    time.sleep(FORM_SECONDS)  # the form's stamp: sent back sooner, it is taken for a script's
    response = requests.post(
        f"{FRONT}/join-us/",
        data={"email": address, "consent": "on", "started": started, "website": ""},
        headers={"Origin": FRONT, "Sec-Fetch-Site": "same-origin"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, (response.status_code, response.text[:2000])
    assert response.headers["Location"].endswith("/join-us/thanks/")
    return address


def stored_subscription(database, address):
    return database.execute(
        "SELECT status, email_due, email_attempts FROM newsletter_subscription WHERE email = %s",
        [address],
    ).fetchone()


def new_address():
    return f"faults-{uuid.uuid4().hex[:12]}@example.org"


def wait_until(condition, seconds, message):
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        assert time.monotonic() < deadline, message
        time.sleep(0.2)
    return result


class Visitors(threading.Thread):
    """Visitors asking for pages without stopping, from the front's cache and past it, and a
    load balancer's health check; every answer is kept with the phase it was asked in."""

    def __init__(self):
        super().__init__(daemon=True)
        self.phase = "up"
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for path, headers in [*((page, {}) for page in PAGES), (TOPIC, UNCACHED)]:
                self.ask(path, headers)
            self.ask("/healthz", {})

    def ask(self, path, headers):
        phase = self.phase
        try:
            response = requests.get(FRONT + path, headers=headers, timeout=10)
        except requests.RequestException as error:  # no answer at all: kept, to fail the test
            response = error
        self.answers.append((phase, path, bool(headers), response))

    def during(self, phase, path, uncached=False):
        return [
            response
            for asked_in, asked, without_cache, response in self.answers
            if (asked_in, asked, without_cache) == (phase, path, uncached)
        ]


def test_while_postgresql_restarts_visitors_get_pages_or_a_503_to_retry_then_the_site_recovers(
    stack,
):
    apps = {name: pid(stack, name) for name in ("app1", "app2", "worker")}
    visitors = Visitors()
    visitors.start()
    try:
        time.sleep(1)
        service(stack, "stop", "postgres")
        visitors.phase = "down"
        time.sleep(4)
        visitors.phase = "restarting"
        service(stack, "start", "postgres")
        visitors.phase = "back"
        back = time.monotonic()
        # The same gunicorns connect again by themselves: nothing is restarted.
        wait_until(
            lambda: requests.get(FRONT + TOPIC, headers=UNCACHED, timeout=10).status_code == 200,
            RECOVERY_SECONDS,
            f"uncached pages still fail {RECOVERY_SECONDS} s after PostgreSQL is back",
        )
        assert time.monotonic() - back < RECOVERY_SECONDS
    finally:
        visitors.stopping.set()
        visitors.join(timeout=30)

    for _phase, path, _uncached, response in visitors.answers:
        assert not isinstance(response, Exception), (path, response)
        if path != "/healthz":
            assert_page_or_unavailable(response)
    # While PostgreSQL is down, the cached page is served as ever, the page rendered for a
    # session says to come back, and the health check says the instance cannot serve.
    assert {r.status_code for r in visitors.during("down", TOPIC)} == {200}
    assert {r.status_code for r in visitors.during("down", TOPIC, uncached=True)} == {503}
    health = visitors.during("down", "/healthz")
    assert health and {r.status_code for r in health} == {503}
    assert health[0].json()["database"] == "unavailable"
    assert {name: pid(stack, name) for name in apps} == apps
    for process in apps.values():
        os.kill(process, 0)  # still running (the worker too), or ProcessLookupError
    assert requests.get(FRONT + "/healthz", timeout=10).json()["status"] == "ok"


def test_without_redis_the_site_serves_and_signups_are_stored(stack, database):
    service(stack, "stop", "redis")
    try:
        for page in PAGES:
            for base, headers in [(FRONT, {}), (FRONT, UNCACHED), (APP1, {})]:
                response = requests.get(base + page, headers=headers, timeout=10)
                assert response.status_code == 200, (base + page, headers, response.status_code)
        health = requests.get(FRONT + "/healthz", timeout=10)
        assert (health.status_code, health.json()["cache"]) == (200, "unavailable")

        address = sign_up(new_address())

        assert stored_subscription(database, address)[0] == "pending"
    finally:
        service(stack, "start", "redis")
    assert requests.get(FRONT + "/healthz", timeout=10).json()["status"] == "ok"
    assert requests.get(APP1 + TOPIC, timeout=10).status_code == 200


def test_while_the_mail_server_is_down_signups_are_kept_and_their_email_sent_once_it_is_back(
    stack, database
):
    service(stack, "stop", "mail")
    try:
        address = sign_up(new_address())
        # The worker tried to send the confirmation, and will try again.
        wait_until(
            lambda: stored_subscription(database, address)[2] >= 1,
            10,
            "the worker did not try to send the confirmation",
        )
        status, email_due, _attempts = stored_subscription(database, address)
        assert (status, email_due) == ("pending", "confirmation")
        assert not [m for m in received_mail(stack) if m["To"] == address]
    finally:
        service(stack, "start", "mail")

    messages = wait_until(
        lambda: [m for m in received_mail(stack) if m["To"] == address],
        30,
        "the confirmation did not arrive once the mail server was back",
    )
    assert len(messages) == 1
    assert messages[0]["Subject"] == "Please confirm your subscription to ISHR news"
    assert f"{FRONT}/join-us/confirm/" in messages[0].get_body().get_content()
    assert stored_subscription(database, address)[1] == ""
