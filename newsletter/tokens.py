"""Signed values: the links in the emails and the time stamp in the form.

Each purpose signs with its own salt, so a value made for one purpose is refused by every
other: a confirmation link cannot unsubscribe anyone, nor an unsubscribe link confirm. The
links name the subscription by its key and a keyed hash of its address, so that a link
cannot be read for the address and stops working if the row is replaced by another one.
"""

import time

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
FORM_STARTED_SALT = "newsletter.form-started"

# Longer values are not ours: refuse them before any work is done on them.
MAX_TOKEN_LENGTH = 200


class InvalidToken(Exception):
    """The link was altered, made for another purpose, or names no subscription."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is too old."""


def _email_digest(email):
    return salted_hmac("newsletter.email", email, algorithm="sha256").hexdigest()[:16]


def _payload(subscription):
    return {"s": subscription.pk, "e": _email_digest(subscription.email)}


def make_confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(_payload(subscription))


def make_unsubscribe_token(subscription):
    # No expiry: an unsubscribe link in an old email must keep working.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(_payload(subscription))


def _load(signer, token, **kwargs):
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken
    try:
        payload = signer.unsign_object(token, **kwargs)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken from error
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise InvalidToken
    return payload


def _matching(queryset, payload):
    subscription = queryset.filter(pk=payload["s"]).first()
    if subscription is None or _email_digest(subscription.email) != payload.get("e"):
        return None
    return subscription


def subscription_to_confirm(queryset, token):
    """The subscription a confirmation link is for; ``ExpiredToken`` past its age,
    ``InvalidToken`` if it was tampered with or its subscription is gone."""
    payload = _load(
        signing.TimestampSigner(salt=CONFIRM_SALT),
        token,
        max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE,
    )
    subscription = _matching(queryset, payload)
    if subscription is None:
        raise InvalidToken
    return subscription


def subscription_to_unsubscribe(queryset, token):
    """The subscription an unsubscribe link is for, or None if it no longer exists (the
    address is then on no list); ``InvalidToken`` if the link was tampered with."""
    return _matching(queryset, _load(signing.Signer(salt=UNSUBSCRIBE_SALT), token))


def make_form_started(at=None):
    """The value of the form's hidden time stamp: when the form was shown."""
    return signing.Signer(salt=FORM_STARTED_SALT).sign_object(
        {"t": round(time.time() if at is None else at, 3)}
    )


def form_age(value):
    """Seconds since the form carrying ``value`` was shown; None if the value is missing or
    was not made by us (which only a script would send)."""
    if not value or len(value) > MAX_TOKEN_LENGTH:
        return None
    try:
        started = signing.Signer(salt=FORM_STARTED_SALT).unsign_object(value)["t"]
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return None
    if not isinstance(started, (int, float)):
        return None
    return time.time() - started
