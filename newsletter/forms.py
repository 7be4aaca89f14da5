from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .models import Signup


class SignupForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that ISHR may email me news of its work. I can unsubscribe at any time."),
        error_messages={"required": _("Please tick the box to agree to receive our emails.")},
    )
    # Which page the form was on. Never a reason to refuse a signup: an unknown value is
    # dropped rather than shown to the visitor as an error they cannot fix.
    source_page = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Signup
        fields = ["email", "consent"]
        labels = {"email": _("Email address")}
        error_messages = {
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter a valid email address, like name@example.org."),
            }
        }

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_source_page(self):
        value = self.cleaned_data.get("source_page") or ""
        if not value.isdigit():
            return None
        return Page.objects.live().public().filter(pk=int(value)).first()

    def save(self, commit=True):
        self.instance.source_page = self.cleaned_data.get("source_page")
        return super().save(commit=commit)
