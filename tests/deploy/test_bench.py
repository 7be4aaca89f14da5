"""``make bench``'s load scenario (deploy/bench.py, deploy/wrk/mixed.lua): what makes it fail,
and its wrk script signing visitors up through the real Join us form."""

import importlib.util
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest

from newsletter.models import RateLimitWindow, Subscription
from tests.conftest import build_tree

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench", ROOT / "deploy" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

WRK_OUTPUT = """\
Running 5m test @ http://127.0.0.1:28080
  2 threads and 64 connections
  Latency Distribution
     50%    6.08ms
     99%    3.92s
  7171 requests in 20.03s, 221.50MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:    356.93
Transfer/sec:     11.06MB
signups sent 55
signups accepted 54
status 200 7116
status 302 54
status 429 1
"""


def counts(sent=100, accepted=100, statuses=None, socket_errors=0):
    return {
        "signups_sent": sent,
        "signups_accepted": accepted,
        "statuses": statuses or {"200": 1900, "302": accepted},
        "socket_errors": socket_errors,
    }


def test_the_script_counts_and_wrks_socket_errors_are_read_from_its_output():
    assert bench.parse_load(WRK_OUTPUT) == {
        "signups_sent": 55,
        "signups_accepted": 54,
        "statuses": {"200": 7116, "302": 54, "429": 1},
        "socket_errors": 3,
    }


def test_the_load_scenario_passes_when_every_signup_is_accepted_and_stored_once():
    assert bench.load_problems(counts(), stored=100, distinct=100) == []


@pytest.mark.parametrize(
    ("run", "stored", "distinct", "problem"),
    [
        (counts(socket_errors=2), 100, 100, "2 socket errors or timeouts"),
        (
            counts(statuses={"200": 1890, "302": 100, "503": 7, "500": 3}),
            100,
            100,
            "10 server errors (5xx)",
        ),
        (
            counts(accepted=99, statuses={"200": 1900, "302": 99, "429": 1}),
            99,
            99,
            "1 answers 429",
        ),
        (
            counts(accepted=99, statuses={"200": 1900, "302": 99}),
            99,
            99,
            "1 of 100 signups not accepted",
        ),
        (
            counts(accepted=99, statuses={"200": 1900, "302": 100}),
            99,
            99,
            "1 redirects elsewhere than the thanks page",
        ),
        (counts(statuses={"200": 1899, "404": 1, "302": 100}), 100, 100, "1 answers 404"),
        # Accepted but dropped: what the thanks page says for a form it took for a script's.
        (counts(), 97, 97, "100 signups accepted but 97 stored"),
        (counts(), 100, 98, "2 addresses stored more than once"),
    ],
)
def test_the_load_scenario_fails_on(run, stored, distinct, problem):
    assert problem in bench.load_problems(run, stored=stored, distinct=distinct)


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is missing: apt install wrk")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_load_script_signs_each_visitor_up_once_from_an_address_of_its_own(
    live_server, settings, tmp_path
):
    tree = build_tree()
    # Straight to the app, no Varnish: the one proxy trusted is wrk's X-Forwarded-For.
    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 1
    # A second signup from one client address would be refused: the script must not need it.
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = (1, 3600)
    settings.NEWSLETTER_MIN_FORM_SECONDS = 1
    plan = tmp_path / "plan.txt"
    plan.write_text(f"page\t/topics/\nform\t/join-us/\t{tree.migrants.pk} {tree.women.pk}\n")
    run = secrets.token_hex(4)
    seconds, wait, margin = 5, 2, 1
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            "-c1",
            f"-d{seconds}s",
            "-s",
            str(bench.LOAD_SCRIPT),
            live_server.url,
            "--",
            str(plan),
            run,
            "3",
            str(wait),
            str(margin),
            str(seconds),
            live_server.url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    counts = bench.parse_load(output)
    signed_up = Subscription.objects.filter(email__startswith=f"load-{run}-")
    assert counts["signups_sent"] >= 2, output
    assert (
        bench.load_problems(
            counts, signed_up.count(), signed_up.values("email").distinct().count()
        )
        == []
    ), output
    assert {
        frozenset(subscription.topics.values_list("pk", flat=True)) for subscription in signed_up
    } == {frozenset({tree.migrants.pk, tree.women.pk})}
    # One client address each: one window per address, and one per email address.
    assert RateLimitWindow.objects.filter(key__startswith="ip:").count() == signed_up.count()
