"""gunicorn's access log, without share-link tokens.

A share link's address is its only key: anyone who can read the logs could open the draft.
The access log keeps the request but replaces the token with "[token]".
"""

import re

from gunicorn.glogging import Logger

SHARE_TOKEN = re.compile(r"(/share/)[^/?#\s\"]+")


def redact(value):
    return SHARE_TOKEN.sub(r"\1[token]", value) if isinstance(value, str) else value


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
