"""Pieces every content app shares: the image model with its credit and licence, and the
countries and regions that updates and stories concern."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index


class CustomImage(AbstractImage):
    """An image that always carries alt text, a credit and a licence."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe the image for people who cannot see it. Required; it is read out by "
            "screen readers and shown if the image fails to load."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_('Shown with the image, for example "© Photo: Creative Commons Zero - CC0".'),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_('For example "CC0 1.0", "CC BY 4.0" or "All rights reserved".'),
    )
    source_url = models.URLField(
        _("source link"),
        blank=True,
        help_text=_("Where the image was obtained, if it comes from elsewhere."),
    )

    admin_form_fields = (
        *(field for field in Image.admin_form_fields if field != "description"),
        "alt_text",
        "credit",
        "licence",
        "source_url",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", _("Can choose image"))]

    @property
    def default_alt_text(self):
        return self.alt_text or self.title


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CountryOrRegion(index.Indexed, models.Model):
    """A country or region that updates and stories can concern."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.COUNTRY)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or region")
        verbose_name_plural = _("countries and regions")

    def __str__(self):
        return self.name
