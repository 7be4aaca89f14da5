"""Production settings are safe, and the models and migrations agree."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ishr_site.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-" + "x" * 40 + "-with-enough-entropy-1234567",
    "ALLOWED_HOSTS": "www.ishr.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "WAGTAILADMIN_BASE_URL": "https://www.ishr.example",
}


def run_manage(*args, env):
    clean_env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "database_url", ["sqlite:///:memory:", "postgres://ishr@db.example:5432/ishr"]
)
def test_check_deploy_passes_with_production_settings(database_url):
    env = {**PRODUCTION_ENV, "DATABASE_URL": database_url}

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL"]
)
def test_production_settings_refuse_to_start_without_their_environment(missing, monkeypatch):
    """Checked where it happens, on importing the settings, in this process: the same module
    a server would load (``check --deploy`` above runs it through manage.py)."""
    for name, value in PRODUCTION_ENV.items():
        if name == missing:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "ishr_site.settings.production", raising=False)

    with pytest.raises(ImproperlyConfigured, match=f"Set the {missing} environment variable"):
        importlib.import_module("ishr_site.settings.production")


def test_base_settings_are_safe_by_default():
    code = (
        "from ishr_site.settings import base as b; "
        "print(b.DEBUG, b.SECRET_KEY, b.ALLOWED_HOSTS, b.X_FRAME_OPTIONS)"
    )
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "None", "[]", "DENY"]


def test_production_uses_redis_and_object_storage_when_configured():
    env = {
        **PRODUCTION_ENV,
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "AWS_STORAGE_BUCKET_NAME": "ishr-media",
    }
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.STORAGES['default']['BACKEND']); "
        "print(s.STORAGES['staticfiles']['BACKEND']); "
        "print(s.LOGGING['formatters'][s.LOGGING['handlers']['console']['formatter']]['()'])"
    )

    result = run_manage("shell", "--no-imports", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_redis.cache.RedisCache",
        "storages.backends.s3.S3Storage",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "ishr_site.logs.JsonFormatter",  # logs in JSON
    ]


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# --- Media in a private bucket -----------------------------------------------------------

BUCKET_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "ishr-media",
    "AWS_S3_REGION_NAME": "eu-central-2",
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLEEXAMPLE00",
    "AWS_SECRET_ACCESS_KEY": "not-a-real-secret-key-only-for-signing-offline",
}
MEDIA_ENV = (
    *BUCKET_ENV,
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_QUERYSTRING_AUTH",
    "AWS_QUERYSTRING_EXPIRE",
    "PAGE_CACHE_SECONDS",
)
DAY = 24 * 3600


def base_settings(monkeypatch, **env):
    """``ishr_site.settings.base`` imported afresh with ``env`` (and no other media setting)."""
    for name in MEDIA_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "ishr_site.settings.base", raising=False)
    return importlib.import_module("ishr_site.settings.base")


def test_media_stay_on_disk_and_pages_are_cached_a_week_without_a_bucket(monkeypatch):
    base = base_settings(monkeypatch)

    assert base.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert base.PAGE_CACHE_SECONDS == 7 * DAY


def test_a_bucket_is_private_and_pages_are_cached_no_longer_than_its_addresses_work(
    monkeypatch,
):
    base = base_settings(monkeypatch, **BUCKET_ENV)

    storage = base.STORAGES["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["querystring_auth"] is True
    assert storage["OPTIONS"]["querystring_expire"] == 7 * DAY  # S3's longest
    assert storage["OPTIONS"]["default_acl"] is None  # never public-read
    # A fragment, the response made with it and the front's copy of that response, each kept
    # as long as the page cache allows, then a day on a visitor's screen: within 7 days.
    assert base.PAGE_CACHE_SECONDS == 2 * DAY
    assert 3 * base.PAGE_CACHE_SECONDS + DAY <= 7 * DAY
    assert base.NEWSLETTER_FORM_MAX_SECONDS == 3 * DAY  # follows the page cache


def test_a_shorter_signature_shortens_the_page_cache(monkeypatch):
    base = base_settings(monkeypatch, **BUCKET_ENV, AWS_QUERYSTRING_EXPIRE=str(4 * DAY))

    assert base.PAGE_CACHE_SECONDS == DAY


def test_a_page_cache_within_the_signatures_life_is_kept(monkeypatch):
    base = base_settings(monkeypatch, **BUCKET_ENV, PAGE_CACHE_SECONDS="3600")

    assert base.PAGE_CACHE_SECONDS == 3600


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PAGE_CACHE_SECONDS": str(7 * DAY)}, "PAGE_CACHE_SECONDS is at most 172800"),
        ({"PAGE_CACHE_SECONDS": str(2 * DAY + 1)}, "PAGE_CACHE_SECONDS is at most 172800"),
        ({"AWS_QUERYSTRING_EXPIRE": str(7 * DAY + 1)}, "AWS_QUERYSTRING_EXPIRE is at most"),
        ({"AWS_QUERYSTRING_EXPIRE": "0"}, "AWS_QUERYSTRING_EXPIRE is at most"),
        ({"AWS_QUERYSTRING_EXPIRE": str(DAY)}, "AWS_QUERYSTRING_EXPIRE is too short"),
        ({"AWS_S3_CUSTOM_DOMAIN": "media.ishr.example"}, "AWS_S3_CUSTOM_DOMAIN gives unsigned"),
    ],
    ids=[
        "week-cache",
        "cache-a-second-too-long",
        "signature-over-7-days",
        "no-signature",
        "signature-too-short",
        "custom-domain",
    ],
)
def test_settings_that_would_give_dead_or_unsigned_image_addresses_are_refused(
    monkeypatch, env, message
):
    with pytest.raises(ImproperlyConfigured, match=message):
        base_settings(monkeypatch, **BUCKET_ENV, **env)


def test_a_bucket_anyone_may_read_gives_plain_addresses_and_keeps_the_page_cache(monkeypatch):
    base = base_settings(
        monkeypatch,
        **BUCKET_ENV,
        AWS_QUERYSTRING_AUTH="0",
        AWS_S3_CUSTOM_DOMAIN="media.ishr.example",
        PAGE_CACHE_SECONDS=str(7 * DAY),
    )

    assert base.STORAGES["default"]["OPTIONS"]["querystring_auth"] is False
    assert base.PAGE_CACHE_SECONDS == 7 * DAY
