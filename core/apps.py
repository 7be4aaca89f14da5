from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # The purges read the models, which apps.py cannot import (see editorial/apps.py).
        from .cache_purge import connect
        from .logins import connect as connect_logins

        connect()
        connect_logins()
