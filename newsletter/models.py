"""Join us: signups to the organisation's newsletter."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Signup(models.Model):
    email = models.EmailField(_("email address"))
    consent = models.BooleanField(_("consent given"), default=False)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("signed up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signup")
        verbose_name_plural = _("signups")

    def __str__(self):
        return self.email
