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
up).

Then, at the large size, the load scenario: 64 connections for five minutes at the front
(Varnish), reading the public pages of every language that links lead to from the home pages
and the sitemap (topics, listings, filtered listings, updates, stories, feeds, sitemaps) and
searches, with one request in 20 a newsletter signup sent as a browser sends the Join us form
(``deploy/wrk/mixed.lua``), each with an address and a client address of its own. It passes
with no socket error or timeout, every page answered 200, every signup accepted, and each
accepted address stored once in the database; otherwise ``make bench`` exits non-zero.

Run it on a machine doing nothing else; it takes about twenty minutes. ``BENCH_ONLY=load``
runs only the load scenario (at ``BENCH_UPDATES``); with ``BENCH_LOAD_SECONDS`` shorter, e.g.
``BENCH_ONLY=load BENCH_UPDATES=100 BENCH_LOAD_SECONDS=20 make bench`` while changing it.
"""

import argparse
import html
import json
import os
import re
import secrets
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, deque
from contextlib import nullcontext
from pathlib import Path

import psycopg  # the project's own dependency: run with .venv's Python (make bench)

ROOT = Path(__file__).resolve().parents[1]
RUN_DIR = ROOT / ".bench"
PORTS = {
    "FRONT_PORT": 28080,
    "APP1_PORT": 28001,
    "APP2_PORT": 28002,
    "MEDIA_PORT": 28003,
    "EMAIL_PORT": 28025,  # the mail server bench.py runs for the stack (MailSink)
}
FRONT = f"http://127.0.0.1:{PORTS['FRONT_PORT']}"
APP = f"http://127.0.0.1:{PORTS['APP1_PORT']}"
UNCACHED = {"Cookie": "sessionid=bench-no-such-session"}
EDITOR = {}  # the admin's session, once signed in (sign_in)
ADMIN_PASSWORD = secrets.token_urlsafe(16)
TOPIC = "/topics/migrant-and-refugee-rights/"
LOAD_SCRIPT = ROOT / "deploy" / "wrk" / "mixed.lua"
SIGNUP_EVERY = 20  # in the load scenario, one request in 20 is a signup
# Seconds between reading the Join us page and sending it: the view takes a form sent back
# sooner than NEWSLETTER_MIN_FORM_SECONDS (3) for a script's and drops it.
FORM_WAIT = 5
SIGNUP_MARGIN = 10  # no signup in the scenario's last 10 s, so that each one is answered
LANGUAGE_PREFIXES = ("", "/fr", "/es")  # of the addresses of each language's pages
# Words the searches of the load scenario look for, in each language's search page.
SEARCHES = {"": ("migrants", "rights"), "/fr": ("droits",), "/es": ("derechos",)}


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
        # The load scenario signs people up as many visitors do, each from an address of its
        # own, which wrk writes in X-Forwarded-For; Varnish adds wrk's own address (127.0.0.1)
        # after it. Trusting two proxies instead of prod.sh's one makes the app take wrk's
        # entry for the visitor's address, as it would take a load balancer's in front of
        # Varnish. With one, every signup would come from 127.0.0.1, and the limit per address
        # (NEWSLETTER_RATE_LIMIT_PER_IP) would refuse all but the first few: the limit is not
        # what is measured. The other scenarios do not sign anyone up.
        "NEWSLETTER_TRUSTED_PROXY_COUNT": "2",
        # The emails the signups owe go to MailSink, which counts and drops them.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_USE_TLS": "0",
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


class MailSink(socketserver.ThreadingTCPServer):
    """The stack's mail server while it is measured: speaks just enough SMTP to take every
    message, counts them and keeps none. The worker's emails then cost what they cost in
    production, and no one else's mail server on this machine receives thousands of them."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _SmtpSession)
        self.delivered = 0
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _SmtpSession(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 bench mail sink\r\n")
        for line in self.rfile:
            command = line[:4].upper()
            if command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            if command == b"DATA":
                self.wfile.write(b"354 end with a dot\r\n")
                for data in self.rfile:
                    if data == b".\r\n":
                        break
                with self.server.lock:
                    self.server.delivered += 1
            self.wfile.write(b"250 ok\r\n")


def _no_redirect_fetch(path):
    """(status, content type, text) of ``path`` at the front, as a visitor without cookies;
    a redirect is answered as it is, not followed."""
    try:
        with urllib.request.build_opener(_NoRedirect).open(FRONT + path, timeout=120) as page:
            return page.status, page.headers.get("Content-Type", ""), page.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def _language(path):
    return next((p for p in LANGUAGE_PREFIXES if p and path.startswith(f"{p}/")), "")


def public_paths(per_kind=4, most=400):
    """The public pages the load scenario reads, as visitors find them: the links followed from
    each language's home page and from the sitemap, at most ``per_kind`` pages of each kind in
    each language (a kind is the page's template, with the names of its query's parameters: a
    filtered listing is not the listing), and searches in each language. Each answered 200
    when found (which also put it in the caches). At most ``most`` addresses are opened, in
    turn from each language's. Returns ({path: kind}, how many of each kind)."""
    queues = {prefix: deque([f"{prefix}/"]) for prefix in LANGUAGE_PREFIXES}
    queues[""].append("/sitemap.xml")
    seen = {path for queue in queues.values() for path in queue}
    found, kinds, fetched = {}, Counter(), 0
    skipped = ("/static/", "/media/", "/admin/", "/documents/", "/share/", "/_util/")
    while any(queues.values()) and fetched < most:
        for language, queue in queues.items():
            if not queue:
                continue
            path = queue.popleft()
            fetched += 1
            status, content_type, text = _no_redirect_fetch(path)
            if status != 200:
                continue
            if "xml" in content_type and ("<urlset" in text or "<sitemapindex" in text):
                kind = "sitemap"
            elif "rss" in content_type or "atom" in content_type:
                kind = "feed"
            elif match := re.search(r'<body class="template-([\w-]+)', text):
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
                kind = "?".join([match.group(1), "&".join(sorted(query))]).rstrip("?")
            else:
                continue
            if kinds[language, kind] < per_kind:
                kinds[language, kind] += 1
                found[path] = kind
            links = re.findall(r'href="(/[^"#]*)"', text) + [
                urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", text)
            ]
            for link in map(html.unescape, links):
                if link not in seen and not link.startswith(skipped) and "/join-us/" not in link:
                    seen.add(link)
                    queues[_language(link)].append(link)
    for prefix, words in SEARCHES.items():
        for word in words:
            path = f"{prefix}/search/?q={word}"
            if _no_redirect_fetch(path)[0] == 200:
                found[path] = "search"
    return found, Counter(found.values())


def signup_forms():
    """{Join us page: the ids of the first two topics it offers}, in each language."""
    forms = {}
    for prefix in LANGUAGE_PREFIXES:
        status, _type, text = _no_redirect_fetch(f"{prefix}/join-us/")
        if status != 200:
            raise RuntimeError(f"{prefix}/join-us/ answered {status}")
        forms[f"{prefix}/join-us/"] = re.findall(r'name="topics"[^>]*?value="(\d+)"', text, re.S)[
            :2
        ]
    return forms


def parse_load(output):
    """What mixed.lua's done() counted, and wrk's socket errors and timeouts."""
    counts = {
        "signups_sent": int(re.search(r"^signups sent (\d+)$", output, re.M).group(1)),
        "signups_accepted": int(re.search(r"^signups accepted (\d+)$", output, re.M).group(1)),
        "statuses": {
            code: int(n) for code, n in re.findall(r"^status (\d+) (\d+)$", output, re.M)
        },
        "socket_errors": 0,
    }
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        counts["socket_errors"] = sum(int(n) for n in match.groups())
    return counts


def load_problems(counts, stored, distinct):
    """Why the load scenario failed, one sentence each; none if it passed. ``counts`` is
    ``parse_load``'s; ``stored`` and ``distinct`` are the rows and distinct addresses of the
    run's signups in the database."""
    problems = []
    statuses = {int(code): n for code, n in counts["statuses"].items()}
    if counts["socket_errors"]:
        problems.append(f"{counts['socket_errors']} socket errors or timeouts")
    if server_errors := sum(n for code, n in statuses.items() if code >= 500):
        problems.append(f"{server_errors} server errors (5xx)")
    # Pages answer 200 and signups a redirect to the "check your email" page: anything else
    # (a refused signup, a missing page) is a failure. None is expected: each signup has its
    # own address and client address, and a time stamp older than the minimum.
    for code, n in sorted(statuses.items()):
        if code not in (200, 302) and code < 500:
            problems.append(f"{n} answers {code}")
    if other_redirects := statuses.get(302, 0) - counts["signups_accepted"]:
        problems.append(f"{other_redirects} redirects elsewhere than the thanks page")
    if unanswered := counts["signups_sent"] - counts["signups_accepted"]:
        problems.append(f"{unanswered} of {counts['signups_sent']} signups not accepted")
    if stored != counts["signups_accepted"]:
        problems.append(f"{counts['signups_accepted']} signups accepted but {stored} stored")
    # The email column is unique, so this only confirms what the database holds to; the
    # check with force is the one above (every accepted signup stored, none lost).
    if distinct != stored:
        problems.append(f"{stored - distinct} addresses stored more than once")
    return problems


def stored_signups(database_url, run):
    """(rows, distinct addresses, rows still owing their email) of the run's signups."""
    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "SELECT count(*), count(DISTINCT email), count(*) FILTER (WHERE email_due <> '')"
            " FROM newsletter_subscription WHERE email LIKE %s",
            [f"load-{run}-%@bench.example.org"],
        ).fetchone()


def load(label, env, args, mail):
    """The load scenario: ``args.load_connections`` visitors for ``args.load_seconds`` at the
    front, reading the public pages, one request in SIGNUP_EVERY a signup (deploy/wrk/mixed.lua).
    Passes with no socket error or timeout, every page answered 200, every signup accepted, and
    each accepted signup's address stored once."""
    paths, kinds = public_paths()
    forms = signup_forms()
    plan = RUN_DIR / "load-plan.txt"
    plan.write_text(
        "".join(f"page\t{path}\n" for path in paths)
        + "".join(f"form\t{path}\t{' '.join(topics)}\n" for path, topics in forms.items())
    )
    print(
        f"  {label:>7} load: {len(paths)} pages ("
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        + f") and {len(forms)} Join us forms",
        flush=True,
    )
    run = secrets.token_hex(4)
    delivered_before = mail.delivered
    command = [
        "wrk",
        "-t2",
        f"-c{args.load_connections}",
        f"-d{args.load_seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(LOAD_SCRIPT),
        FRONT,
        "--",
        str(plan),
        run,
        str(SIGNUP_EVERY),
        str(FORM_WAIT),
        str(SIGNUP_MARGIN),
        str(args.load_seconds),
        FRONT,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    (RUN_DIR / "load-wrk.txt").write_text(output)
    counts = parse_load(output)
    stored, distinct, unsent = stored_signups(env["DATABASE_URL"], run)
    problems = load_problems(counts, stored, distinct)
    result = {
        "scenario": f"public pages and signups, {args.load_connections} connections at the front",
        "url": FRONT,
        "seconds": args.load_seconds,
        "pages": len(paths),
        **parse_wrk(output),
        **counts,
        "signups_stored": stored,
        "signups_distinct": distinct,
        # Not a criterion: the worker sends them after the answer, and may be behind.
        "emails_sent_during_run": mail.delivered - delivered_before,
        "emails_still_owed": unsent,
        "problems": problems,
    }
    print(
        f"  {label:>7} {'pages and signups at the front':<38}"
        f" {result['requests_per_second']:>9.1f} req/s"
        f"  p50 {_ms(result['p50_ms'])}  p99 {_ms(result['p99_ms'])}"
        f"  errors {result['errors']}",
        flush=True,
    )
    print(
        f"  {label:>7} signups: {counts['signups_sent']} sent, {counts['signups_accepted']}"
        f" accepted, {stored} stored ({distinct} distinct addresses);"
        f" answers by status {dict(sorted(counts['statuses'].items()))};"
        f" {counts['socket_errors']} socket errors or timeouts;"
        f" {result['emails_sent_during_run']} emails sent meanwhile, {unsent} still owed",
        flush=True,
    )
    for problem in problems:
        print(f"  {label:>7} load scenario FAILED: {problem}", flush=True)
    return result


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
    parser.add_argument(
        "--load-seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", 300))
    )
    parser.add_argument("--load-connections", type=int, default=64)
    parser.add_argument(
        "--only",
        choices=["load"],
        default=os.environ.get("BENCH_ONLY") or None,
        help="only the load scenario, at the large size (BENCH_ONLY=load)",
    )
    args = parser.parse_args()
    if args.only not in (None, "load"):
        sys.exit(f"BENCH_ONLY={args.only}: the only scenario run alone is 'load'")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    env = environment()
    subprocess.run(["redis-cli", "-n", env["REDIS_URL"].rsplit("/", 1)[1], "flushdb"], check=False)
    script = ROOT / "deploy" / "prod.sh"
    subprocess.run([script, "stop"], env=env, check=False, capture_output=True)
    drop_database(env["DATABASE_URL"])
    mail = MailSink(PORTS["EMAIL_PORT"])
    subprocess.run([script, "start"], env=env, check=True)
    report = {"machine": os.uname().nodename, "cores": os.cpu_count(), "runs": {}}
    try:
        sizes = [("small", args.small), ("large", args.updates)]
        for label, updates in sizes[1:] if args.only else sizes:
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
            if not args.only:
                measure_size(label, updates, env, args, report)
        # Five minutes at the large size only: at 100 updates it would find what the large
        # one finds (the signup does not depend on the content), in five more minutes.
        report["load"] = load("large", env, args, mail)
    finally:
        subprocess.run([script, "stop"], env=env, check=False, capture_output=True)
        mail.shutdown()
    if not args.only:
        compare_sizes(report)
    errors = sum(r["errors"] for run in report["runs"].values() for r in run["results"])
    report["errors"] = errors + report["load"]["errors"]
    (RUN_DIR / "results.json").write_text(json.dumps(report, indent=2))
    problems = report["load"]["problems"]
    print(
        f"\nerrors: {report['errors']}; load scenario: "
        + ("; ".join(problems) if problems else "passed")
        + f"; written to {RUN_DIR / 'results.json'}"
    )
    sys.exit(1 if report["errors"] or problems else 0)


def measure_size(label, updates, env, args, report):
    """The scenarios at one size, the listings' query plans and the queries per page."""
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


def compare_sizes(report):
    """Each scenario's ratio to the static file and how its p50 grew, printed and kept."""
    small = {r["scenario"]: r for r in report["runs"]["small"]["results"]}
    print("\nscenario                                  ratio to static  p50 large / small")
    for result in report["runs"]["large"]["results"]:
        before = small[result["scenario"]]["p50_ms"]
        growth = result["p50_ms"] / max(before, 0.01) if result["p50_ms"] and before else None
        result["p50_growth"] = round(growth, 2) if growth else None
        shown = f"{growth:>12.2f}" if growth else "           —"
        print(f"  {result['scenario']:<40} {result['ratio_to_static']:>8.3f}  {shown}")


if __name__ == "__main__":
    main()
