"""Take the screenshots in docs/editors.md from the running site.

Starts its own development server on a free port with a throw-away SQLite database and media
folder (your own database is not touched), loads the demo content and accounts, then walks the
editor's path in Debian's Chromium and saves PNGs in docs/img/. Run it with
``make docs-screenshots`` after changing the admin or the guide.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
PYTHON = sys.executable
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(workdir, port):
    return {
        "DJANGO_SETTINGS_MODULE": "ishr_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }


def start_server(workdir, port):
    env = os.environ | site_env(workdir, port)
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["create_demo_admin"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("The development server did not start.")


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def shoot(page, name, locator=None):
    target = locator or page
    target.screenshot(path=OUT / f"{name}.png", animations="disabled")
    print(f"docs/img/{name}.png")


def page_ids(workdir, port):
    """The admin addresses the walk needs, read from the throw-away database."""
    os.environ.update(site_env(workdir, port))
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from wagtail.models import Locale

    from stories.models import StoryPage
    from updates.models import UpdateIndexPage

    # The English listing: the demo has one in each language.
    return {
        "update_index": UpdateIndexPage.objects.get(locale=Locale.get_default()).pk,
        "story": StoryPage.objects.live().order_by("pk").first().pk,
    }


def walk(browser, base_url, ids):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 860})
    context.set_default_timeout(20_000)
    page = context.new_page()
    log_in(page, "editor", "ishr-demo-editor")

    # 1. The desk: what needs attention.
    shoot(page, "01-dashboard")

    # 2. A new update under Latest updates, tagged to a topic.
    page.goto(f"/admin/pages/{ids['update_index']}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url("**/add/updates/updatepage/**")
    page.locator("#id_title").fill("HRC61: States must protect migrants at sea")
    page.locator("#id_update_type").select_option(label="Statement")
    page.locator("#id_summary").fill(
        "ISHR and partner organisations call on States at the Human Rights Council to end "
        "pushbacks and protect people rescued at sea."
    )
    shoot(page, "02-new-update")
    page.get_by_label("Migrant and refugee rights").check()
    page.get_by_role("searchbox", name="Countries and regions").fill("eur")
    page.get_by_role("group", name="Countries and regions").get_by_label("Europe").check()
    page.get_by_label("Migrant and refugee rights").scroll_into_view_if_needed()
    shoot(page, "03-tagging")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    edit_url = page.url

    # 3. Preview, as a page and as its card in listings.
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("iframe#w-preview-iframe").get_by_role("heading", level=1).wait_for()
    shoot(page, "04-preview")

    # 4. Share the draft.
    page.goto(edit_url)
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Share draft").click()
    page.get_by_role("button", name="Create share link").click()
    page.locator("input[readonly][id^=share-link-]").first.wait_for()
    shoot(page, "05-share-link")
    address = page.locator("input[readonly][id^=share-link-]").first.input_value()
    stranger = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 700})
    shared = stranger.new_page()
    shared.goto(address)
    shoot(shared, "06-shared-draft")
    stranger.close()

    # 5. Schedule: the go-live date is set from the status panel.
    page.goto(edit_url)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = (
        page.get_by_role("dialog")
        .filter(has_text="Set privacy")
        .or_(page.get_by_role("dialog").filter(has_text="schedule"))
        .first
    )
    dialog.wait_for()
    shoot(page, "07-schedule")
    page.keyboard.press("Escape")

    # 6. Submit for moderation.
    page.goto(edit_url)
    page.get_by_role("button", name="More actions").click()
    shoot(page, "08-submit")
    page.get_by_role("button", name="Submit to Review and publish").click()
    page.wait_for_load_state()

    # 7. Protecting a defender: the option on a story.
    page.goto(f"/admin/pages/{ids['story']}/edit/")
    checkbox = page.locator("#id_protect_identity")
    checkbox.scroll_into_view_if_needed()
    shoot(page, "09-protect-identity")
    context.close()

    # 8. The moderator approves.
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 860})
    page = context.new_page()
    log_in(page, "moderator", "ishr-demo-moderator")
    shoot(page, "10-moderator-dashboard")
    page.locator("section", has_text="Awaiting your review").get_by_role(
        "link", name="HRC61: States must protect migrants at sea"
    ).click()
    page.wait_for_url("**/edit/")
    page.get_by_role("button", name="More actions").click()
    shoot(page, "11-approve")
    context.close()


def main():
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("Install Debian's chromium (apt install chromium) or set CHROMIUM.")
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        server = start_server(Path(workdir), port)
        ids = page_ids(Path(workdir), port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                walk(browser, f"http://127.0.0.1:{port}", ids)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
