from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import guide, visibility
from .dashboard import dashboard_panels
from .site_summary import keep_the_page_count


@hooks.register("construct_homepage_panels")
def add_needs_attention_panels(request, panels):
    """Add the editor's desk panels to the admin dashboard, and list each page in one panel
    only, the one that matters most (see ``editorial/dashboard.py``)."""
    dashboard_panels(panels)


# After Wagtail's own hook, which adds the item this one replaces.
hooks.register("construct_homepage_summary_items", keep_the_page_count, order=1)

# What an editor restricted to one section sees of the others (``editorial/visibility.py``).
hooks.register("construct_page_chooser_queryset", visibility.chooser_pages)
hooks.register("before_move_page", visibility.refuse_impossible_moves)
# After Wagtail's own bulk actions for pages, images and documents, which these replace (the
# last one registered for an action is the one used).
for action in visibility.BULK_ACTIONS:
    hooks.register("register_bulk_action", action, order=1)
# After Wagtail's, which register the endpoints these replace.
hooks.register("construct_admin_api", visibility.choosable_media_api, order=1)


@hooks.register("register_admin_urls")
def editors_guide_urls():
    return guide.urlpatterns


@hooks.register("register_help_menu_item")
def editors_guide_menu_item():
    # Before Wagtail's own "Editor Guide", which is about Wagtail in general.
    return MenuItem(
        guide.TITLE, reverse("editors_guide"), name="editors-guide", icon_name="help", order=900
    )
