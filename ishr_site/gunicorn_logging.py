"""gunicorn's access log, without the tokens that addresses carry.

A share link's address is its only key: anyone who can read the logs could open the draft. The
newsletter's confirm and unsubscribe addresses would confirm or end someone's subscription.
The access log keeps the request but replaces each token with "[token]". Django routes an
address once percent-decoded (``/%73hare/…`` is a share link), so the log looks for tokens in
the decoded address, and writes that one when it holds a token.
"""

import re
from urllib.parse import unquote

from gunicorn.glogging import Logger

TOKEN = re.compile(r"(/share/|/join-us/(?:confirm|unsubscribe)/)[^/?#\s\"]+")


def redact(value):
    if not isinstance(value, str):
        return value
    decoded = unquote(value)
    return TOKEN.sub(r"\1[token]", decoded) if TOKEN.search(decoded) else value


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
