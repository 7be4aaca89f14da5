"""What every response says about what its page may load, who may embed it and which browser
features it may use: a strict Content Security Policy (Django's own), Permissions-Policy and
Cross-Origin-Resource-Policy, on fresh and cached pages alike; the admin's own policy; and the
topic page scored as the MDN HTTP Observatory scores it, with the Observatory's own code.
"""

import importlib
import json
import os
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

import pytest

from tests.conftest import build_tree, make_image

ROOT = Path(__file__).resolve().parents[2]
OBSERVATORY = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
TOPIC = "/topics/migrant-and-refugee-rights/"


def directives(header):
    """``"default-src 'none'; img-src 'self'"`` as ``{"default-src": ["'none'"], ...}``."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_strict_public_policy(response):
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    every_source = [value for values in policy.values() for value in values]
    assert not [value for value in every_source if "unsafe" in value or "nonce" in value]
    assert "data:" not in every_source and "*" not in every_source
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.fixture
def site_with_images(tree):
    tree.migrants.hero_image = make_image(title="Hero")
    tree.migrants.save_revision().publish()
    tree.add_update("Council hears defenders", [tree.migrants])
    tree.add_update("A draft about a secret hearing", [tree.migrants], live=False)
    return tree


@pytest.mark.parametrize(
    "path",
    [
        TOPIC,
        "/latest-updates/",
        "/latest-updates/?topic=nowhere&page=abc",  # bad filter input: a 4xx page
        "/latest-updates/council-hears-defenders/",
        "/search/?q=defenders",
        "/join-us/",
        "/fr/",
        "/latest-updates/feeds/migrant-and-refugee-rights/rss/",
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page/",
        "/latest-updates/a-draft-about-a-secret-hearing/",  # a draft: 404
    ],
)
def test_public_answers_carry_the_strict_policy(client, site_with_images, path):
    response = client.get(path)
    assert response.status_code in {200, 400, 404}, response.status_code
    assert_strict_public_policy(response)


def test_a_page_from_the_page_cache_carries_the_same_policy(client, site_with_images, settings):
    settings.PAGE_CACHE_ENABLED = True
    fresh = client.get(TOPIC)
    cached = client.get(TOPIC)
    assert fresh["X-Cache"] == "miss" and cached["X-Cache"] == "hit"
    headers = ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Resource-Policy")
    for header in headers:
        assert cached.headers[header] == fresh.headers[header]
    assert_strict_public_policy(cached)


def test_public_pages_need_nothing_the_policy_refuses(client, site_with_images):
    """No inline script or style, no style attribute, no event handler attribute: under the
    policy a browser would drop them. Structured data (JSON-LD) is not a script that runs."""
    html = client.get(TOPIC).content.decode()
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html and " onload=" not in html
    scripts = html.count("<script")
    assert scripts == html.count('<script type="application/ld+json">')


def test_the_admin_has_its_own_policy_and_frames_its_previews(admin_client, site_with_images):
    page = admin_client.get("/admin/")
    policy = directives(page.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "'self'" in policy["frame-src"]
    assert "'unsafe-eval'" not in policy["script-src"]

    # The edit view's preview panel shows the preview in a frame of the admin.
    preview_url = f"/admin/pages/{site_with_images.migrants.pk}/edit/preview/"
    preview = admin_client.get(preview_url)
    assert preview.status_code == 200
    assert directives(preview.headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert preview.headers.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"


def test_the_policy_follows_a_media_address_on_another_site():
    """Images on a bucket or a CDN (MEDIA_URL on another site) are allowed from there only."""
    code = (
        "from ishr_site.settings import base;"
        "import json; print(json.dumps([base.SECURE_CSP['img-src'], base.ADMIN_CSP['img-src']]))"
    )
    env = {**os.environ, "MEDIA_URL": "https://media.example.org/ishr/"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    public, admin = json.loads(result.stdout)
    assert public == ["'self'", "https://media.example.org"]
    assert "https://media.example.org" in admin


# The Observatory ------------------------------------------------------------------------------


class OneRequestAtATime(WSGIServer):
    """Django's live server answers each request in a thread of its own, which on in-memory
    SQLite would all share the test's one connection: the Observatory asks several things at
    once, and a connection used by two threads at once fails (the site then answers 503).
    This one answers them in turn, on the server's thread."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class LiveServer(LiveServerThread):
    """Django's live server, started once the test's settings are in place (the security
    middleware reads them when it starts). With a certificate it answers over TLS, as a TLS
    terminator in front of it would forward: with ``X-Forwarded-Proto: https``, which
    production trusts (SECURE_PROXY_SSL_HEADER)."""

    server_class = OneRequestAtATime

    def __init__(self, certificate=None):
        self.shared = {
            connection.alias: connection
            for connection in connections.all()
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        super().__init__("127.0.0.1", StaticFilesHandler, connections_override=self.shared)
        self.certificate = certificate
        self.daemon = True

    def _create_server(self, connections_override=None):
        server = super()._create_server(connections_override)
        if self.certificate:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self.certificate)
            server.socket = context.wrap_socket(server.socket, server_side=True)
            server.base_environ["HTTP_X_FORWARDED_PROTO"] = "https"
        return server

    def __enter__(self):
        for connection in self.shared.values():
            connection.inc_thread_sharing()
        self.start()
        self.is_ready.wait()
        if self.error:
            self.__exit__()
            raise self.error
        return self.port

    def __exit__(self, *exc_info):
        self.terminate()
        for connection in self.shared.values():
            connection.dec_thread_sharing()


@pytest.fixture
def certificate(tmp_path):
    """A certificate for 127.0.0.1, trusted only by the programs that are told to."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert,
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def production_headers(settings, monkeypatch):
    """The security settings of ``ishr_site.settings.production``, as a deployment has them."""
    for name, value in {
        "SECRET_KEY": "observatory-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    production = importlib.reload(importlib.import_module("ishr_site.settings.production"))
    for name in dir(production):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
            setattr(settings, name, getattr(production, name))
    assert settings.SECURE_SSL_REDIRECT and settings.SECURE_HSTS_SECONDS >= 15768000
    return settings


def observatory_command():
    node = shutil.which("node")
    missing = [] if node else ["Node.js (apt install nodejs)"]
    if not (OBSERVATORY / "package.json").is_file():
        missing.append(f"{OBSERVATORY} (npm ci)")
    if not shutil.which("openssl"):
        missing.append("openssl")
    if missing:
        message = "The Observatory's scoring needs: " + ", ".join(missing)
        if os.environ.get("REQUIRE_OBSERVATORY") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [node, str(ROOT / "tests" / "core" / "observatory.mjs")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_topic_page_scores_at_least_125_on_the_observatory(production_headers, certificate):
    """Over http the site sends visitors to https (Django's SSL redirect, to SECURE_SSL_HOST);
    over https it answers with HSTS, the policy and the other headers. Before this issue the
    page scored 75 (grade B): no policy cost 25 points."""
    command = observatory_command()
    tree = build_tree()
    tree.migrants.hero_image = make_image(title="Hero")
    tree.migrants.save_revision().publish()
    tree.add_update("Council hears defenders", [tree.migrants])

    with LiveServer(certificate) as https_port:
        production_headers.SECURE_SSL_HOST = f"127.0.0.1:{https_port}"
        with LiveServer() as http_port:
            result = subprocess.run(
                [*command, "127.0.0.1", str(http_port), str(https_port), TOPIC],
                env={**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate[0])},
                capture_output=True,
                text=True,
                timeout=60,
            )
    assert result.returncode == 0, result.stdout + result.stderr
    scan = json.loads(result.stdout)
    assert scan["status"] == 200
    penalties = {name: test for name, test in scan["tests"].items() if test["modifier"] < 0}
    assert not penalties, penalties
    csp = scan["tests"]["content-security-policy"]["result"]
    assert csp == "csp-implemented-with-no-unsafe-default-src-none"
    assert scan["tests"]["redirection"]["result"] == "redirection-to-https"
    assert scan["score"] >= 125, scan
    assert scan["grade"] == "A+"
