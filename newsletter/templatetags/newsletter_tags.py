from django import template

from wagtail.models import Site

from core.models import SiteSettings
from topics.models import TopicPage

from ..forms import SignupForm

register = template.Library()


@register.inclusion_tag("components/join_us.html", takes_context=True)
def join_us(context, page=None, prompt=""):
    """The Join us box, posting to the signup view with the page it was shown on; on a topic
    page, that topic is already ticked."""
    request = context.get("request")
    initial = {"source_page": page.pk if page else None}
    if isinstance(page, TopicPage):
        initial["topics"] = [page.pk]
    return {
        "form": SignupForm(initial=initial, site=Site.find_for_request(request)),
        "prompt": prompt,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def privacy_notice(context):
    """The site's privacy notice page, if the editors chose one and it is live."""
    request = context.get("request")
    if request is None:
        return None
    return SiteSettings.for_request(request).live_privacy_notice
