"""``/healthz``: whether this instance can serve, for a load balancer or a monitor.

It reads the database and writes to the cache, and answers in JSON: 200 when the database
answers (the site serves without its cache, only slower: "degraded"), 503 when it does not.
Never cached, and it says nothing of why a part failed (the log does). A middleware near the
top answers it, before anything that needs the database (finding the site) or checks the
``Host`` header, which a load balancer's probe may not send."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    # Read back what was written: in production the cache ignores Redis's errors (the site
    # serves without it), so a write to a Redis that is gone fails silently.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, 1, timeout=5)
    if cache.get(key) != 1:
        raise ConnectionError("The cache did not keep what was written to it.")
    cache.delete(key)


def _check(name, probe):
    try:
        probe()
    except Exception:  # whatever failed, the answer is the same; the log tells why
        logger.exception("Health check: the %s is unavailable.", name)
        return "unavailable"
    return "ok"


class HealthCheckMiddleware:
    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == self.path:
            return healthz(request)
        return self.get_response(request)


@never_cache
@require_safe
def healthz(request):
    parts = {"database": _check("database", _database), "cache": _check("cache", _cache)}
    if parts["database"] != "ok":
        status = "unavailable"
    else:
        status = "ok" if parts["cache"] == "ok" else "degraded"
    return JsonResponse(
        {"status": status, **parts}, status=503 if status == "unavailable" else 200
    )
