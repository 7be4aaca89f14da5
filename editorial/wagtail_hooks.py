from wagtail import hooks

from .dashboard import attention_panels


@hooks.register("construct_homepage_panels")
def add_needs_attention_panels(request, panels):
    """Add the editor's desk panels to the admin dashboard (see ``editorial/dashboard.py``)."""
    panels.extend(attention_panels())
