from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Join us")

    def ready(self):
        from core.backups import count_in_backups

        from .models import Subscription

        # A backup says how many subscribers it holds, and a restore checks them all came back.
        count_in_backups("subscribers", _("subscribers"), Subscription)
