"""No address leads to a protected story from an old one: its old slug named the defender
often enough (the demo's did). Wagtail creates a redirect from a page's old address when its
slug changes or it moves; for a story whose defender's identity is protected, the redirects
to it are removed once the change is committed, and when protection is turned on."""

from django.db import transaction

from wagtail.contrib.redirects.models import Redirect

from .models import StoryPage


def forget_redirects_to_protected_story(sender, instance, **kwargs):
    page_id = instance.pk

    def forget():
        if StoryPage.objects.filter(pk=page_id, protect_identity=True).exists():
            for redirect in Redirect.objects.filter(redirect_page_id=page_id):
                redirect.delete()  # one by one: each deletion purges what it showed

    transaction.on_commit(forget, robust=True)
