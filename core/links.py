"""The addresses site settings link to from every page: secure web addresses only (a
``javascript:`` or ``data:`` address typed into a setting would run on every page), social
media profiles on their network's own site, and phone numbers a phone can dial."""

import re
from urllib.parse import urlsplit

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

HTTPS_ONLY = _("Enter a full web address beginning with https://, such as https://example.org/.")

https_only = validators.URLValidator(schemes=["https"], message=HTTPS_ONLY)


def plain_address(value):
    """Refuses what makes a browser go elsewhere than the address seems to say: a backslash,
    which browsers read as a slash (``https://evil.example\\@linkedin.com/`` is on
    evil.example, while Python finds linkedin.com), and a user name or password before the
    host (``https://linkedin.com@evil.example/``)."""
    if "\\" in value or "@" in urlsplit(value).netloc:
        raise ValidationError(
            _(
                "Enter the address as the browser shows it, without a user name, password or "
                "backslash."
            ),
            code="hidden_host",
        )


class HttpsURLFormField(forms.URLField):
    """A web address that must begin with ``https://`` (one typed without, such as
    ``bsky.app/profile/…``, is taken to mean it)."""

    default_validators = [https_only, plain_address]
    default_error_messages = {"invalid": HTTPS_ONLY}


class HttpsURLField(models.URLField):
    """A ``URLField`` that only takes secure web addresses, with a message that says so."""

    default_validators = [https_only, plain_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": HttpsURLFormField, **kwargs})


@deconstructible
class OnHosts:
    """Refuses an address that is not on one of ``hosts`` (or a subdomain of one): a LinkedIn
    profile pasted where Facebook's belongs, say."""

    def __init__(self, message, hosts):
        self.message = message
        self.hosts = tuple(hosts)

    def __call__(self, value):
        host = (urlsplit(value).hostname or "").lower()
        if not any(host == allowed or host.endswith("." + allowed) for allowed in self.hosts):
            raise ValidationError(self.message, code="wrong_network")

    def __eq__(self, other):
        return isinstance(other, OnHosts) and (self.message, self.hosts) == (
            other.message,
            other.hosts,
        )


def social_link_field(network, hosts=()):
    """A setting for the address of the organisation's profile on ``network``, which must be on
    one of ``hosts`` where the network has fixed ones (Mastodon has many servers)."""
    checks = []
    if hosts:
        named = hosts[0]
        if len(hosts) == 2:
            named = format_lazy(_("{first} or {second}"), first=hosts[0], second=hosts[1])
        message = format_lazy(
            _("{network} addresses are on {hosts}: this one is not."),
            network=network,
            hosts=named,
        )
        checks.append(OnHosts(message, hosts))
    return HttpsURLField(
        format_lazy(_("{network} profile"), network=network),
        blank=True,
        validators=checks,
        help_text=format_lazy(
            _("The address of the organisation's {network} page. Leave empty to show no link."),
            network=network,
        ),
    )


# The networks' settings (``core.models.SiteSettings``), in the order the footer lists them.
SOCIAL_NETWORKS = (
    ("bluesky_url", "Bluesky"),
    ("mastodon_url", "Mastodon"),
    ("linkedin_url", "LinkedIn"),
    ("facebook_url", "Facebook"),
    ("instagram_url", "Instagram"),
    ("youtube_url", "YouTube"),
    ("x_url", "X"),
)

# + and the country code (which never begins with 0), then the rest of the number: 7 to 15
# digits in all (E.164), a space, dot or dash allowed between two. No brackets: "+41 (0)22 …"
# would become tel:+41022…, which no phone should dial.
PHONE_NUMBER = validators.RegexValidator(
    r"^\+[1-9](?:[ .-]?[0-9]){6,14}$",
    message=_(
        "Enter the number in digits, starting with + and the country code, such as "
        "+41 22 123 45 67. Spaces, dots and dashes may separate the digits."
    ),
)


def tel_address(phone):
    """The ``tel:`` address of a phone number as it is written: its digits and leading +."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)
