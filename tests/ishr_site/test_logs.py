"""Production logs: a JSON object a line, without tokens."""

import json
import logging
import sys

from ishr_site.logs import JsonFormatter

TOKEN = "n2t3BwN097wTcZr6XL2sWXI857AJZtq8yUNgERCQSyc"


def record(message, *args, exc_info=None, **extra):
    entry = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, message, args, exc_info
    )
    entry.__dict__.update(extra)
    return entry


def test_a_record_is_one_line_of_json_with_its_time_level_logger_and_message():
    line = JsonFormatter().format(record("Not Found: %s", "/latest-updates/x/", status_code=404))

    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /latest-updates/x/"
    assert entry["status"] == 404
    assert entry["time"].endswith("+00:00")


def test_tokens_in_addresses_and_tracebacks_are_replaced():
    try:
        raise ValueError(f"/join-us/confirm/{TOKEN}/")
    except ValueError:
        failure = sys.exc_info()

    line = JsonFormatter().format(
        record("Bad Request: %s", f"/%73hare/{TOKEN}/", exc_info=failure)
    )

    entry = json.loads(line)
    assert TOKEN not in line
    assert entry["message"] == "Bad Request: /share/[token]/"
    assert "ValueError" in entry["exception"]
