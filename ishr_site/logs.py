"""Logs in production: one JSON object per line, for a log collector to read without parsing
text, and without the tokens that addresses carry (``gunicorn_logging.redact``): Django logs
the address of a request that failed, and a share link's or the newsletter's token in it
would open a draft or change someone's subscription."""

import datetime
import json
import logging

from .gunicorn_logging import redact


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
