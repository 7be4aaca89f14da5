"""The production stack on one machine (deploy/prod.sh): Varnish in front of two gunicorn
instances sharing PostgreSQL and Redis, nginx serving the media. Slow, and skipped without
the stack's programs: see tests/deploy/stack.py.
"""

import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

from .stack import ROOT, running_stack

PORTS = {"FRONT_PORT": 18080, "APP1_PORT": 18001, "APP2_PORT": 18002, "MEDIA_PORT": 18003}
SERVICE_PORTS = {"PG_PORT": 18432, "REDIS_PORT": 18379, "MAIL_PORT": 18025}
FRONT, APP1, APP2 = (f"http://127.0.0.1:{PORTS[name]}" for name in PORTS if name != "MEDIA_PORT")
TOPIC = "/topics/migrant-and-refugee-rights/"
ADMIN_PASSWORD = "stack-test-password"

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stack():
    with running_stack(PORTS | SERVICE_PORTS, PROD_ADMIN_PASSWORD=ADMIN_PASSWORD) as env:
        yield env


def manage(env, *args):
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def get(base, path=TOPIC, **kwargs):
    response = requests.get(base + path, timeout=10, **kwargs)
    assert response.status_code == 200, (base + path, response.status_code)
    return response


def test_the_front_and_each_instance_answer_from_their_caches(stack):
    get(FRONT)
    front = get(FRONT)
    assert front.headers["X-Cache-Front"] == "hit"
    assert front.headers["Content-Encoding"] == "gzip"
    assert "xkey" not in front.headers  # the keys stay between the app and Varnish
    assert "Accept-Language" not in front.headers["Vary"]
    for app in (APP1, APP2):
        get(app)
        assert get(app).headers["X-Cache"] == "hit"


def test_images_are_served_by_nginx_through_the_front(stack):
    html = get(FRONT).text
    image = re.search(r'src="(/media/images/[^"]+)"', html).group(1)

    response = requests.get(FRONT + image, timeout=10)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/")
    assert "gunicorn" not in response.headers.get("Server", "")
    # Documents may be private: never straight from the media folder.
    assert requests.get(f"{FRONT}/media/documents/any.pdf", timeout=10).status_code == 404
    # Nor the originals of images (of drafts, private pages, protected stories too), though
    # the file is there: pages give renditions only.
    original = manage(
        stack,
        "shell",
        "-c",
        "from wagtail.images import get_image_model; "
        "print(get_image_model().objects.order_by('pk').first().file.name)",
    ).split()[-1]  # after the shell's own line on what it imported
    assert (Path(stack["PROD_DIR"]) / "media" / original).is_file()
    assert requests.get(f"{FRONT}/media/{original}", timeout=10).status_code == 404


def test_cached_pages_carry_the_security_headers_through_the_front(stack):
    get(FRONT)
    cached = get(FRONT)
    assert cached.headers["X-Cache-Front"] == "hit"
    assert "default-src 'none'" in cached.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in cached.headers["Content-Security-Policy"]
    assert "camera=()" in cached.headers["Permissions-Policy"]
    assert cached.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_varnish_purges_by_key_and_only_by_key(stack):
    get(FRONT, "/robots.txt")
    assert get(FRONT, "/robots.txt").headers["X-Cache-Front"] == "hit"

    assert requests.request("PURGE", FRONT + "/", timeout=10).status_code == 400
    assert get(FRONT, "/robots.txt").headers["X-Cache-Front"] == "hit"

    purged = requests.request("PURGE", FRONT + "/", headers={"xkey-purge": "site"}, timeout=10)
    assert purged.status_code == 200
    assert get(FRONT, "/robots.txt").headers["X-Cache-Front"] == "miss"


def test_a_publish_through_one_instance_shows_at_the_front_and_the_other_within_a_second(stack):
    """An editor publishes through instance 1; visitors of the front and of instance 2 see it
    within a second, each cache purged by the keys of what it shows."""
    update_id, title = manage(
        stack,
        "shell",
        "--no-imports",
        "-c",
        "from updates.models import UpdatePage\n"
        "from topics.models import TopicPage\n"
        "topic = TopicPage.objects.get(\n"
        "    slug='migrant-and-refugee-rights', locale__language_code='en')\n"
        # The update the topic page lists first: its French and Spanish translations have
        # the same date and topics, and none of them shows on the English page.
        "update = UpdatePage.objects.get(pk=topic.latest_updates()[0].pk)\n"
        "update.title = 'Stack test: a new title ' + str(update.pk)\n"
        "update.save_revision()\n"
        "print(update.pk, update.title)",
    ).split(" ", 1)
    title = title.strip()
    for base in (FRONT, FRONT, APP2, APP2):
        assert title not in get(base).text

    editor = requests.Session()
    login_page = editor.get(f"{APP1}/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text).group(1)
    # Production cookies are Secure: over this plain-HTTP stack they are sent by hand.
    cookies = {"csrftoken": login_page.cookies.get("csrftoken")}
    logged_in = editor.post(
        f"{APP1}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "admin", "password": ADMIN_PASSWORD},
        headers={"Referer": f"{APP1}/admin/login/", "Origin": APP1},
        cookies=cookies,
        allow_redirects=False,
        timeout=10,
    )
    assert logged_in.status_code == 302, logged_in.text[:2000]
    cookies.update(
        sessionid=logged_in.cookies.get("sessionid"),
        csrftoken=logged_in.cookies.get("csrftoken") or cookies["csrftoken"],
    )
    publish_url = f"{APP1}/admin/bulk/wagtailcore/page/publish/?id={update_id}"
    form = editor.get(publish_url, cookies=cookies, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    published = editor.post(
        publish_url,
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": publish_url, "Origin": APP1},
        cookies=cookies,
        allow_redirects=False,
        timeout=10,
    )
    assert published.status_code == 302, published.text[:2000]
    published_at = time.monotonic()

    for base in (FRONT, APP2):
        while title not in get(base).text:
            assert time.monotonic() - published_at < 1, f"{base} still shows the old page"
            time.sleep(0.05)


def test_a_visitor_waits_for_busy_instances_rather_than_being_refused(stack):
    """Under load both instances can be too busy to answer Varnish's health check in time.
    Varnish must then still hand a request that no cache answers (a search, a signup) to
    them, and the visitor gets the page late, not a 503. Busy is played here by stopping
    every gunicorn worker until the health checks have failed (SIGSTOP; SIGCONT after)."""
    workers = gunicorn_workers(stack, "app1") + gunicorn_workers(stack, "app2")
    search = f"{FRONT}/search/?q=busy-{time.monotonic_ns()}"  # never from a cache
    for pid in workers:
        os.kill(pid, signal.SIGSTOP)
    try:
        # Varnish polls every 2 s, times a poll out after 2 s, and calls an instance sick
        # after two of its last three polls failed.
        time.sleep(8)
        threading.Timer(1, lambda: [os.kill(pid, signal.SIGCONT) for pid in workers]).start()
        answer = requests.get(search, timeout=30)
    finally:
        for pid in workers:
            os.kill(pid, signal.SIGCONT)
    assert answer.status_code == 200


def gunicorn_workers(stack, name):
    """The process ids of the workers of the gunicorn instance ``name`` (app1, app2)."""
    master = (Path(stack["PROD_DIR"]) / f"{name}.pid").read_text().strip()
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    assert workers, f"{name} has no workers"
    return [int(pid) for pid in workers]
