"""``/healthz``: whether this instance can serve, for a load balancer or a monitor."""

import json

from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

import pytest

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


def test_a_healthy_instance_says_so_and_is_never_cached(client):
    response, body = health(client)

    assert response.status_code == 200
    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def raising(error):
    """A stand-in for a method of a service that is down."""

    def refused(*args, **kwargs):
        raise error

    return refused


def test_without_the_database_the_instance_answers_503(client, monkeypatch):
    monkeypatch.setattr(CursorWrapper, "execute", raising(OperationalError("connection refused")))

    response, body = health(client)

    assert response.status_code == 503
    assert body == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "connection refused" not in response.content.decode()


def test_a_probe_with_an_unknown_host_is_answered(client):
    """A load balancer probes each instance by its address, which ALLOWED_HOSTS need not
    name."""
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")

    assert response.status_code == 200


def test_without_the_cache_the_instance_still_serves(client, monkeypatch):
    """The site keeps serving without Redis (its caches pass): the instance stays in use."""
    monkeypatch.setattr(cache, "set", raising(ConnectionError("Redis is gone")))

    response, body = health(client)

    assert response.status_code == 200
    assert body == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_a_redis_that_is_gone_is_reported_though_the_site_ignores_its_errors(client, settings):
    """In production the caches ignore Redis's errors (the site serves without it): writing to
    it then fails silently, so the check reads back what it wrote."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
    }

    response, body = health(client)

    assert response.status_code == 200
    assert body == {"status": "degraded", "database": "ok", "cache": "unavailable"}
