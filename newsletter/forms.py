from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from core.locales import language_of, locale_id_of
from pagecache.keys import SITE, TOPICS
from pagecache.store import remember
from topics.models import TopicPage

from . import tokens

# Change the version whenever the consent wording changes in substance: each subscription
# records the version its owner agreed to.
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "I agree that ISHR may email me news of its work on the topics I chose. I can unsubscribe "
    "at any time with the link in every email."
)

# The honeypot's name: a field people never see and scripts like to fill in.
HONEYPOT_FIELD = "website"


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, like name@example.org."),
        },
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics that interest you"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Please choose among the topics listed."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please tick the box to agree to receive our emails.")},
    )
    # Which page the form was on. Never a reason to refuse a signup: an unknown value is
    # dropped rather than shown to the visitor as an error they cannot fix.
    source_page = forms.CharField(required=False, widget=forms.HiddenInput)
    # When the form was shown, signed: a form sent back too quickly was sent by a script.
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, site=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = language or translation.get_language()
        topics = offered_topics(site, language)
        self.offered_topics = {topic.pk: topic for topic in topics}
        self.fields["topics"].choices = [
            (topic.pk, topic_label(topic, language)) for topic in topics
        ]
        # When the form is first shown; shown again after an error, it keeps the time sent.
        self.initial["started"] = tokens.make_form_started()
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_topics(self):
        return [self.offered_topics[pk] for pk in self.cleaned_data["topics"]]

    def clean_source_page(self):
        value = self.cleaned_data.get("source_page") or ""
        if not value.isdigit() or len(value) > 18:
            return None
        return Page.objects.live().public().filter(pk=int(value)).first()

    def looks_automated(self):
        """True for a submission only a script would make: the hidden field filled in, or
        the form sent back sooner than a person could fill it in (or without our time stamp).
        Works on the raw data, before and whatever the validation."""
        if self.data.get(HONEYPOT_FIELD):
            return True
        age = tokens.form_age(self.data.get("started"))
        return age is None or age < settings.NEWSLETTER_MIN_FORM_SECONDS

    def expired(self):
        """True when the form was shown longer ago than its time stamp works: sent back by a
        person who left it open (or by a script that keeps one stamp for ever)."""
        age = tokens.form_age(self.data.get("started"))
        return age is not None and age > settings.NEWSLETTER_FORM_MAX_SECONDS

    @property
    def errors_in_order(self):
        """(field, message) for the error summary, in the order the fields appear."""
        return [
            (self[name], errors[0])
            for name, errors in self.errors.items()
            if name in self.fields and errors
        ]


def topic_label(topic, language):
    """A topic's title, marked with its language where that is not the form's (a topic not
    translated yet)."""
    if language_of(topic) == language:
        return topic.title
    return format_html('<span lang="{}">{}</span>', language_of(topic), topic.title)


def offered_topics(site=None, language=None):
    """The topics visitors may choose: the live, public topic pages of ``site``, each in
    ``language`` where it is translated (else in English), or of every site if None; by
    title. A site's are kept between requests (every page's Join us box offers them) until a
    topic is published, unpublished, moved or deleted, or who may see it changes."""

    def find():
        if site is None:
            topics = TopicPage.objects.live().public()
        else:
            topics = TopicPage.objects.of_site(site.root_page, locale_id_of(language))
        return list(topics.order_by("title", "pk").only("pk", "title", "locale_id"))

    if site is None:
        return find()
    return remember(f"signup-topics:{site.pk}:{language}", [TOPICS, SITE], find)
