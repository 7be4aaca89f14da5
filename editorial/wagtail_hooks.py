from wagtail import hooks

from .dashboard import attention_panels
from .site_summary import keep_the_page_count


@hooks.register("construct_homepage_panels")
def add_needs_attention_panels(request, panels):
    """Add the editor's desk panels to the admin dashboard (see ``editorial/dashboard.py``)."""
    panels.extend(attention_panels())


# After Wagtail's own hook, which adds the item this one replaces.
hooks.register("construct_homepage_summary_items", keep_the_page_count, order=1)
