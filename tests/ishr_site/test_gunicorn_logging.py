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


def logged(path, referer=None):
    logger = RedactingLogger(Config())
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": path, "SERVER_PROTOCOL": "HTTP/1.1"}
    headers = [("REFERER", referer)] if referer else []
    if referer:
        environ["HTTP_REFERER"] = referer
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    return logger.atoms(response, SimpleNamespace(headers=headers), environ, datetime.timedelta(0))


def test_a_share_token_in_a_percent_encoded_address_is_replaced_too():
    """Django decodes the address before routing it: ``/%73hare/…`` opens the share link."""
    for path in [f"/%73hare/{TOKEN}/", f"/sh%61re/{TOKEN}/", f"/share/{TOKEN[:5]}%41{TOKEN[5:]}/"]:
        atoms = logged(path, referer=f"https://www.ishr.ch{path}")

        assert TOKEN[5:] not in str(atoms), path
        assert atoms["r"] == "GET /share/[token]/ HTTP/1.1"


def test_the_newsletters_confirm_and_unsubscribe_tokens_are_replaced():
    """Each would confirm someone's subscription or end it, and the address tells whose."""
    for path, redacted in [
        (f"/join-us/confirm/{TOKEN}/", "/join-us/confirm/[token]/"),
        (f"/fr/join-us/unsubscribe/{TOKEN}/", "/fr/join-us/unsubscribe/[token]/"),
        (
            f"/es/join-us/unsubscribe/{TOKEN}/one-click/",
            "/es/join-us/unsubscribe/[token]/one-click/",
        ),
        (f"/join-us/%63onfirm/{TOKEN}/", "/join-us/confirm/[token]/"),
    ]:
        atoms = logged(path)

        assert TOKEN not in str(atoms), path
        assert atoms["r"] == f"GET {redacted} HTTP/1.1"
