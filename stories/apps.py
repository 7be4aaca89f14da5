from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Defenders' stories")

    def ready(self):
        from wagtail.signals import page_published, page_slug_changed, post_page_move

        from .models import StoryPage
        from .signals import forget_redirects_to_protected_story

        for signal in (page_published, page_slug_changed, post_page_move):
            signal.connect(forget_redirects_to_protected_story, sender=StoryPage)
