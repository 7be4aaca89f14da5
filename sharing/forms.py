from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS


def lifetime_choices():
    """1 to 7 days, labelled in the editor's language when the form is shown."""
    return [
        (days, ngettext("%(days)d day", "%(days)d days", days) % {"days": days})
        for days in range(1, MAX_LIFETIME_DAYS + 1)
    ]


class ShareLinkForm(forms.Form):
    expires_in_days = forms.TypedChoiceField(
        label=_("Expires in"),
        choices=lifetime_choices,
        coerce=int,
        initial=DEFAULT_LIFETIME_DAYS,
        help_text=_("The link stops working after this time. You can revoke it sooner."),
        error_messages={
            "required": _("Choose how long the link should work: 1 to 7 days."),
            "invalid_choice": _("Choose how long the link should work: 1 to 7 days."),
        },
    )
