from django import template

from ..forms import SignupForm

register = template.Library()


@register.inclusion_tag("components/join_us.html", takes_context=True)
def join_us(context, page=None, prompt=""):
    """The Join us box, posting to the signup view with the page it was shown on."""
    return {
        "form": SignupForm(initial={"source_page": page.pk if page else None}),
        "prompt": prompt,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
