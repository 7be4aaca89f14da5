"""Starting and stopping the production stack (deploy/prod.sh) for a test module, on its own
ports and with its own PostgreSQL, Redis and mail server (``STACK_SERVICES=own``), so that a
test may stop one of them without touching what the machine shares.

Slow (it creates a database cluster, migrates and loads the demo content): the stack tests
are run by ``make test-stack`` and CI, not by ``make test``. They are skipped where Varnish,
nginx, Redis or PostgreSQL's programs are missing, unless ``REQUIRE_STACK=1`` (as in CI),
where that fails them.
"""

import os
import secrets
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from email import message_from_bytes, policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "prod.sh"


def missing_services():
    missing = [tool for tool in ("varnishd", "nginx", "redis-server") if not shutil.which(tool)]
    if not (shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))):
        missing.append("PostgreSQL (initdb)")
    return missing


@contextmanager
def running_stack(ports, **settings):
    """The stack started with ``ports`` (FRONT_PORT… PG_PORT, REDIS_PORT, MAIL_PORT) and the
    environment ``settings``; yields its environment, with PROD_DIR, then stops it."""
    missing = missing_services()
    if missing:
        message = f"The production stack needs: {', '.join(missing)}"
        if os.environ.get("REQUIRE_STACK") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Not pytest's tmp_path: its folders are the user's alone, and as root PostgreSQL runs as
    # the postgres user, who must reach its cluster's folder (others may enter, not list).
    run_dir = Path(tempfile.mkdtemp(prefix="ishr-stack-"))
    run_dir.chmod(0o711)
    password = secrets.token_urlsafe(16)  # the stack's PostgreSQL asks for one
    env = {
        **os.environ,
        **{name: str(port) for name, port in ports.items()},
        **settings,
        "STACK_SERVICES": "own",
        "PROD_DIR": str(run_dir),
        "PG_PASSWORD": password,
        # What prod.sh sets them to, for the tests' own commands (manage.py, psycopg).
        "DATABASE_URL": f"postgres://postgres:{password}@127.0.0.1:{ports['PG_PORT']}/ishr_prod",
        "REDIS_URL": f"redis://127.0.0.1:{ports['REDIS_PORT']}/1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = subprocess.run([SCRIPT, "start"], env=env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stderr[-3000:] + logs(run_dir)
        yield env
    finally:
        subprocess.run([SCRIPT, "stop"], env=env, capture_output=True)
        shutil.rmtree(run_dir, ignore_errors=True)


def logs(run_dir):
    """The end of each log the stack wrote, to tell why it did not start."""
    return "".join(
        f"\n--- {path.name}\n{path.read_text(errors='replace')[-1500:]}"
        for path in sorted(run_dir.glob("*.log"))
    )


def service(env, action, name):
    """``deploy/prod.sh service stop|start NAME``: one of the stack's own services."""
    done = subprocess.run(
        [SCRIPT, "service", action, name], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]


def pid(env, name):
    """The process id in PROD_DIR/NAME.pid (app1, app2, worker…)."""
    return int((Path(env["PROD_DIR"]) / f"{name}.pid").read_text())


def received_mail(env):
    """The messages the stack's mail server has received (a Maildir: PROD_DIR/mail/new/)."""
    maildir = Path(env["PROD_DIR"]) / "mail"
    files = sorted(path for folder in ("new", "cur") for path in (maildir / folder).glob("*"))
    return [message_from_bytes(path.read_bytes(), policy=policy.default) for path in files]
