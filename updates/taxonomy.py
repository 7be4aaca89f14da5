"""What updates are tagged with besides topics: their type, and the UN or regional mechanism
and session they concern. Editors manage these under Update tagging and translate them with
wagtail-localize."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from core.locales import in_default_language


class UpdateType(TranslatableMixin, index.Indexed, models.Model):
    """News, statement, joint letter…: editors manage the list, and translate each type with
    wagtail-localize. A type's slug, the filters' value in addresses, is the same in every
    language (``override_translatable_fields``)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"],
                name="unique_update_type_name",
                violation_error_message=_(
                    "Another update type of this language has this name already."
                ),
            ),
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="unique_update_type_slug",
                violation_error_message=_(
                    "Another update type of this language has this slug already."
                ),
            ),
        ]
        verbose_name = _("update type")
        verbose_name_plural = _("update types")

    def __str__(self):
        return self.name


class Mechanism(TranslatableMixin, index.Indexed, models.Model):
    """A UN or regional human rights mechanism, such as the Human Rights Council. Its name and
    acronym are translated with wagtail-localize (the Human Rights Council is the CDH in
    French)."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20)

    panels = [FieldPanel("name"), FieldPanel("acronym")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"],
                name="unique_mechanism_name",
                violation_error_message=_(
                    "Another mechanism of this language has this name already."
                ),
            ),
            models.UniqueConstraint(
                fields=["locale", "acronym"],
                name="unique_mechanism_acronym",
                violation_error_message=_(
                    "Another mechanism of this language has this acronym already."
                ),
            ),
        ]
        verbose_name = _("mechanism")
        verbose_name_plural = _("mechanisms")

    def __str__(self):
        return f"{self.acronym} – {self.name}"


class MechanismSession(index.Indexed, models.Model):
    """One session of a mechanism, such as HRC51 or ACHPR 73."""

    mechanism = models.ForeignKey(
        Mechanism,
        verbose_name=_("mechanism"),
        on_delete=models.PROTECT,
        related_name="sessions",
        # Sessions belong to the default language's mechanism, whose translations name it.
        limit_choices_to=in_default_language,
    )
    name = models.CharField(
        _("name"), max_length=40, unique=True, help_text=_('As it is cited, e.g. "HRC51".')
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    panels = [
        FieldPanel("mechanism"),
        FieldPanel("name"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = [models.F("starts_on").desc(nulls_last=True), "name"]
        verbose_name = _("mechanism session")
        verbose_name_plural = _("mechanism sessions")

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A session cannot end before it starts.")})
