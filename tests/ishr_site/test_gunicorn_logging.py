"""The access log never holds a share link's token (it would open the draft)."""

import datetime
from types import SimpleNamespace

from gunicorn.config import Config

from ishr_site.gunicorn_logging import RedactingLogger

TOKEN = "n2t3BwN097wTcZr6XL2sWXI857AJZtq8yUNgERCQSyc"


def test_the_access_log_replaces_share_tokens():
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/share/{TOKEN}/",
        "PATH_INFO": f"/share/{TOKEN}/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://www.ishr.ch/share/{TOKEN}/",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", f"https://www.ishr.ch/share/{TOKEN}/")])

    atoms = logger.atoms(response, request, environ, datetime.timedelta(seconds=1))

    assert TOKEN not in str(atoms)
    assert atoms["r"] == "GET /share/[token]/ HTTP/1.1"
    assert atoms["U"] == "/share/[token]/"
    assert atoms["h"] == "-"  # everything else as gunicorn has it


def test_other_addresses_are_logged_as_they_are():
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/latest-updates/?topic=migrant-and-refugee-rights",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])

    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(0))

    assert atoms["r"] == "GET /latest-updates/?topic=migrant-and-refugee-rights HTTP/1.1"
