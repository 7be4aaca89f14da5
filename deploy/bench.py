"""``make bench``: the production stack under load, measured with wrk.

Starts the stack (``deploy/prod.sh``) on its own ports, database and folder (``.bench/``),
measures a fixed set of scenarios with the demo content topped up to ``--small`` updates, then
again with ``--updates`` (100,000 by default; ``manage.py generate_bench_content``), and prints
requests per second, p50 and p99 latency and errors per scenario, each one's ratio to a static
file served by the same gunicorn (the most one worker process can answer), and how each p50 grew
with the content. The results go to ``.bench/results.json`` as well, and how the database ran
the listings' queries at each size (``manage.py explain_listings``) to ``.bench/plans-*.txt``
and how many queries each kind of page costs (``manage.py count_queries``) to
``.bench/queries-*.txt``.

"Uncached" scenarios send a session cookie that matches no session, which the page cache and
Varnish pass: the page is rendered for each request (plus the one query that looks the session
up). Run it on a machine doing nothing else; it takes about ten minutes.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import nullcontext
from pathlib import Path

import psycopg  # the project's own dependency: run with .venv's Python (make bench)

ROOT = Path(__file__).resolve().parents[1]
RUN_DIR = ROOT / ".bench"
PORTS = {"FRONT_PORT": 28080, "APP1_PORT": 28001, "APP2_PORT": 28002, "MEDIA_PORT": 28003}
FRONT = f"http://127.0.0.1:{PORTS['FRONT_PORT']}"
APP = f"http://127.0.0.1:{PORTS['APP1_PORT']}"
UNCACHED = {"Cookie": "sessionid=bench-no-such-session"}
EDITOR = {}  # the admin's session, once signed in (sign_in)
ADMIN_PASSWORD = secrets.token_urlsafe(16)
TOPIC = "/topics/migrant-and-refugee-rights/"


def scenarios(static_path):
    """(name, base address, path, extra headers[, connections])."""
    return [
        ("static file (gunicorn)", APP, static_path, {}),
        ("topic page, cached at the front", FRONT, TOPIC, {}),
        ("topic page, cached in the app", APP, TOPIC, {}),
        ("topic page, uncached", APP, TOPIC, UNCACHED),
        # The server time of one page: one request at a time.
        ("topic page, uncached, one at a time", APP, TOPIC, UNCACHED, 1),
        ("updates listing, uncached", APP, "/latest-updates/", UNCACHED),
        # A filter that finds updates at both sizes (with a year too, the 100 updates of the
        # small run had none, and an empty listing is no fair comparison).
        (
            "updates listing filtered, uncached",
            APP,
            "/latest-updates/?topic=migrant-and-refugee-rights",
            UNCACHED,
        ),
        ("update page, uncached", APP, None, UNCACHED),  # the newest update, found below
        ("search", APP, "/search/?q=migrants", UNCACHED),
        # A word most pages have: every match is ranked.
        ("search, a common word", APP, "/search/?q=rights", UNCACHED),
        (
            "topic feed, uncached",
            APP,
            "/latest-updates/feeds/migrant-and-refugee-rights/rss/",
            UNCACHED,
        ),
        ("sitemap index, uncached", APP, "/sitemap.xml", UNCACHED),
        # Signed in as the stack's admin (the session cookie is filled in by measure()).
        ("editors' dashboard", APP, "/admin/", EDITOR),
    ]


def environment():
    return {
        **os.environ,
        **{name: str(port) for name, port in PORTS.items()},
        "PROD_DIR": str(RUN_DIR),
        # The machine's PostgreSQL and Redis, named below: the bench empties them itself
        # before each size (drop_database, redis-cli flushdb), by these addresses.
        "STACK_SERVICES": "system",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/ishr_bench"
        ),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "5"),
        # An admin account, for the dashboard.
        "PROD_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }


def manage(env, *args, output=None):
    """``manage.py`` with the production settings on the bench's database; its output to the
    file ``output`` if given."""
    production = {
        "DJANGO_SETTINGS_MODULE": "ishr_site.settings.production",
        "SECRET_KEY": "bench-content-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": FRONT,
        "MEDIA_ROOT": str(RUN_DIR / "media"),
        "STATIC_ROOT": str(RUN_DIR / "static"),  # as the stack's (deploy/prod.sh)
        "VARNISH_PURGE_URLS": "",
    }
    with open(output, "w") if output else nullcontext() as stdout:
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
            cwd=ROOT,
            env={**env, **production},
            check=True,
            stdout=stdout,
        )


def drop_database(url):
    """Start from an empty database: a bigger run before would be measured as the small one."""
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fetch(url, headers=None, timeout=120):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read().decode()


def wrk(url, headers, seconds, connections):
    # A request slower than gunicorn's own timeout (30 s) counts as an error.
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        url,
    ]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def _seconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60}[unit]


def parse_wrk(output):
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    if not requests:
        return {
            "requests_per_second": 0.0,
            "p50_ms": None,
            "p99_ms": None,
            "requests": 0,
            "errors": 1,
        }
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(
            _seconds(re.search(r"^\s+50%\s+(\S+)\s*$", output, re.M).group(1)) * 1000, 2
        ),
        "p99_ms": round(
            _seconds(re.search(r"^\s+99%\s+(\S+)\s*$", output, re.M).group(1)) * 1000, 2
        ),
        "requests": requests,
        "errors": errors,
    }


def _ms(value):
    return f"{value:>8.2f} ms" if value is not None else "       — ms"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _cookie(response, name):
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{name}="):
            return header.split(";", 1)[0].split("=", 1)[1]
    return None


def sign_in():
    """The admin's session cookie, from the admin's own login form. The production settings'
    cookies are for HTTPS only, so the requests say they came through an HTTPS proxy."""
    https = {"X-Forwarded-Proto": "https", "Referer": f"https://{APP.split('//')[1]}/admin/"}
    with urllib.request.urlopen(
        urllib.request.Request(APP + "/admin/login/", headers=https)
    ) as page:
        csrf = _cookie(page, "csrftoken")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode())
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": "admin", "password": ADMIN_PASSWORD}
    ).encode()
    request = urllib.request.Request(
        APP + "/admin/login/", data=data, headers={**https, "Cookie": f"csrftoken={csrf}"}
    )
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request)
    except urllib.error.HTTPError as redirect:  # the login's redirect to the dashboard
        response = redirect
    session = _cookie(response, "sessionid")
    signed_in = {"Cookie": f"sessionid={session}", "X-Forwarded-Proto": "https"}
    dashboard = urllib.request.Request(APP + "/admin/", headers=signed_in)
    try:
        # The dashboard itself, not a redirect to the login form (which wrk would count).
        urllib.request.build_opener(_NoRedirect).open(dashboard).read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"could not sign in as the stack's admin ({error.code})") from None
    return signed_in


def measure(label, env, args):
    EDITOR.update(sign_in())
    home = fetch(APP + "/latest-updates/", UNCACHED)
    update_path = re.search(r'class="card__title"><a href="(/latest-updates/[^"]+)"', home).group(
        1
    )
    css = re.search(r'href="(/static/[^"]+\.css)"', fetch(APP + TOPIC)).group(1)
    results = []
    for name, base, path, headers, *connections in scenarios(css):
        connections = connections[0] if connections else args.connections
        url = base + (path or update_path)
        try:
            fetch(url, headers)  # warm: renditions made, caches filled
        except OSError as error:  # too slow, or failing: wrk counts what follows
            print(f"  {label:>7} {name}: the warm-up request failed ({error})", flush=True)
        wrk(url, headers, 2, connections)
        result = wrk(url, headers, args.seconds, connections)
        results.append({"scenario": name, "url": url, **result})
        print(
            f"  {label:>7} {name:<38} {result['requests_per_second']:>9.1f} req/s"
            f"  p50 {_ms(result['p50_ms'])}  p99 {_ms(result['p99_ms'])}"
            f"  errors {result['errors']}",
            flush=True,
        )
    static = results[0]["requests_per_second"]
    for result in results:
        result["ratio_to_static"] = round(result["requests_per_second"] / static, 3)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--updates", type=int, default=int(os.environ.get("BENCH_UPDATES", 100_000))
    )
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--topics", type=int, default=50)
    parser.add_argument("--stories", type=int, default=5_000)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    env = environment()
    subprocess.run(["redis-cli", "-n", env["REDIS_URL"].rsplit("/", 1)[1], "flushdb"], check=False)
    script = ROOT / "deploy" / "prod.sh"
    subprocess.run([script, "stop"], env=env, check=False, capture_output=True)
    drop_database(env["DATABASE_URL"])
    subprocess.run([script, "start"], env=env, check=True)
    report = {"machine": os.uname().nodename, "cores": os.cpu_count(), "runs": {}}
    try:
        sizes = [("small", args.small), ("large", args.updates)]
        for label, updates in sizes:
            started = time.monotonic()
            manage(
                env,
                "generate_bench_content",
                f"--updates={max(updates - 20, 0)}",
                f"--topics={args.topics}",
                f"--stories={args.stories if label == 'large' else 10}",
            )
            print(f"{label}: content ready in {time.monotonic() - started:.0f} s", flush=True)
            # What was cached before the content grew would be measured instead of the pages.
            subprocess.run(
                ["redis-cli", "-n", env["REDIS_URL"].rsplit("/", 1)[1], "flushdb"], check=False
            )
            urllib.request.urlopen(
                urllib.request.Request(FRONT + "/", method="PURGE", headers={"xkey-purge": "site"})
            ).read()
            report["runs"][label] = {"updates": updates, "results": measure(label, env, args)}
            # How the database ran the listings' queries at this size (EXPLAIN ANALYZE).
            plans = RUN_DIR / f"plans-{label}.txt"
            manage(env, "explain_listings", output=plans)
            print(f"  {label:>7} query plans written to {plans}", flush=True)
            # How many queries each kind of page costs when the page cache passes it.
            queries = RUN_DIR / f"queries-{label}.txt"
            manage(env, "count_queries", output=queries)
            report["runs"][label]["queries"] = queries.read_text().splitlines()
            for line in report["runs"][label]["queries"]:
                print(f"  {label:>7} {line}", flush=True)
    finally:
        subprocess.run([script, "stop"], env=env, check=False, capture_output=True)
    small = {r["scenario"]: r for r in report["runs"]["small"]["results"]}
    print("\nscenario                                  ratio to static  p50 large / small")
    for result in report["runs"]["large"]["results"]:
        before = small[result["scenario"]]["p50_ms"]
        growth = result["p50_ms"] / max(before, 0.01) if result["p50_ms"] and before else None
        result["p50_growth"] = round(growth, 2) if growth else None
        shown = f"{growth:>12.2f}" if growth else "           —"
        print(f"  {result['scenario']:<40} {result['ratio_to_static']:>8.3f}  {shown}")
    errors = sum(r["errors"] for run in report["runs"].values() for r in run["results"])
    report["errors"] = errors
    (RUN_DIR / "results.json").write_text(json.dumps(report, indent=2))
    print(f"\nerrors: {errors}; written to {RUN_DIR / 'results.json'}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
