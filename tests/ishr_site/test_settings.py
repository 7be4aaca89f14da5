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
