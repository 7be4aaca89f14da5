from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import post_page_move


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        # These modules import models, which apps.py, loaded while the app registry is being
        # built, cannot: the handlers are imported once the registry is ready.
        from wagtail.models import get_page_models

        from updates.models import UpdatePage

        from .dashboard import forget_saved_pages
        from .setup import set_up_after_migrate
        from .signals import redirect_from_the_site_left_behind

        post_migrate.connect(set_up_after_migrate, sender=self)
        post_page_move.connect(redirect_from_the_site_left_behind)
        # What the dashboard keeps of the pages (the updates without a topic or a summary, the
        # number of pages) is read again after a page or an update's topics change.
        for model in get_page_models():
            for signal in (post_save, post_delete):
                signal.connect(forget_saved_pages, sender=model)
        m2m_changed.connect(forget_saved_pages, sender=UpdatePage.topics.through)
