"""What every content app shares in the database: the image model with its credit and licence,
the countries and regions that updates and stories concern, and the site-wide settings. The
abstract page types are in ``core.pages``."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from wagtail_localize.fields import SynchronizedField

from core.images import (
    MetadataFreeFile,
    UnreadableImageError,
    random_name,
    rendition_without_metadata,
    strip_metadata,
)
from core.links import PHONE_NUMBER, SOCIAL_NETWORKS, HttpsURLField, social_link_field, tel_address
from core.locales import locale_id_of
from core.query import in_private_section
from pagecache.keys import SITE, depend_on, image_key, page_key
from pagecache.store import remember


class CustomImage(AbstractImage):
    """An image that always carries alt text, a credit and a licence, and whose file carries no
    location or camera metadata, nor the name it was uploaded under (see core.images)."""

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
        help_text=_('Shown with the image, for example "© Photo: Creative Commons Zero - CC0".'),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        help_text=_('For example "CC0 1.0", "CC BY 4.0" or "All rights reserved".'),
    )
    source_url = models.URLField(
        _("source link"),
        blank=True,
        help_text=_("Where the image was obtained, if it comes from elsewhere."),
    )
    language = models.CharField(
        _("language of the alt text and credit"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "Pages in other languages mark them as written in this one, so that screen "
            "readers read them with the right voice."
        ),
    )

    admin_form_fields = (
        *(field for field in Image.admin_form_fields if field != "description"),
        "alt_text",
        "credit",
        "licence",
        "source_url",
        "language",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", _("Can choose image"))]

    def save(self, *args, **kwargs):
        self._strip_new_file()
        super().save(*args, **kwargs)

    def clean(self):
        """Strip a new file now, so that a damaged one is refused with a message on the form."""
        super().clean()
        try:
            self._strip_new_file()
        except UnreadableImageError:
            error = ValidationError(UnreadableImageError.message, code="invalid_image")
            raise ValidationError({"file": error}) from None

    @property
    def default_alt_text(self):
        return self.alt_text or self.title

    @property
    def credit_states_licence(self):
        """Whether the credit already names the licence, as credits often do ("© Photo: Jane
        Doe – CC BY 4.0"), so that it is not printed twice. The licence's version may be left
        out ("CC0" for "CC0 1.0"), but not a part of its name: "CC BY-SA" does not name "CC BY"."""
        if not self.credit or not self.licence:
            return False
        name = re.sub(r"\s+v?\d+(\.\d+)*$", "", self.licence.strip())
        pattern = r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"
        return re.search(pattern, self.credit, flags=re.IGNORECASE) is not None

    def get_rendition(self, filter):
        depend_on(image_key(self))  # the response shows this image, its credit and licence
        return super().get_rendition(filter)

    def get_renditions(self, *filters):
        depend_on(image_key(self))
        return super().get_renditions(*filters)

    def get_upload_to(self, filename):
        """original_images/<random>.<ext>: the uploaded name stays in the editor's title only."""
        return random_name("original_images", filename)

    def generate_rendition_file(self, filter, *, source=None):
        rendition_file = super().generate_rendition_file(filter, source=source)
        return rendition_without_metadata(rendition_file)

    def _strip_new_file(self):
        """Replace a file not yet in storage (uploaded, replaced or set in code) by a copy without
        metadata, and describe that copy: width and height (set by the field on assignment),
        size and hash. Files already in storage are left alone."""
        if not self.file or self.file._committed or isinstance(self.file.file, MetadataFreeFile):
            return
        self.file = strip_metadata(self.file.file, name=self.file.name)
        self.file_size = self.file.size
        self.file_hash = hash_filelike(self.file.file)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        """images/<random>.<ext>. Wagtail names a rendition after its original and the filter
        (`photo.fill-1200x630.format-webp.webp`), so one address would lead to the others, and
        to the original's."""
        return random_name("images", filename)


class CountryOrRegion(TranslatableMixin, index.Indexed, models.Model):
    """A country or region that updates and stories can concern, its name translated with
    wagtail-localize. Its slug, the filters' value in addresses, and its kind are the same in
    every language. Updates are tagged with the default language's (English) rows, which their
    translations keep: ``localized_names`` names them in another language."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.COUNTRY)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"],
                name="unique_country_name",
                violation_error_message=_(
                    "Another country or region of this language has this name already."
                ),
            ),
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="unique_country_slug",
                violation_error_message=_(
                    "Another country or region of this language has this slug already."
                ),
            ),
        ]
        verbose_name = _("country or region")
        verbose_name_plural = _("countries and regions")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Settings editors change per site under Settings › Site settings."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer and from every newsletter signup form."),
    )
    default_social_image = models.ForeignKey(
        CustomImage,
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without a photo of its own is shared on social media."),
    )

    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Shown in the footer, one line of the address per line, as on an envelope."),
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("The footer links to it, so that visitors can write from their email."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        validators=[PHONE_NUMBER],
        help_text=_(
            "With the country code, such as +41 22 123 45 67: a phone can call it from the footer."
        ),
    )
    bluesky_url = social_link_field("Bluesky", ("bsky.app",))
    mastodon_url = social_link_field("Mastodon")
    linkedin_url = social_link_field("LinkedIn", ("linkedin.com",))
    facebook_url = social_link_field("Facebook", ("facebook.com",))
    instagram_url = social_link_field("Instagram", ("instagram.com",))
    youtube_url = social_link_field("YouTube", ("youtube.com",))
    x_url = social_link_field("X", ("x.com", "twitter.com"))
    donate_url = HttpsURLField(
        _("donation page"),
        blank=True,
        help_text=_(
            "The address of the page where visitors give, such as https://example.org/donate. "
            "The footer shows a Donate link only when this is filled in."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Footer: contact"),
            help_text=_("How visitors reach the organisation. Leave a field empty to hide it."),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name, _network in SOCIAL_NETWORKS],
            heading=_("Social media"),
            help_text=_(
                "Links to the organisation's profiles, in the footer. Only the networks with "
                "an address are shown."
            ),
        ),
        MultiFieldPanel([FieldPanel("donate_url")], heading=_("Donations")),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("default_social_image")],
            heading=_("Privacy and sharing"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The request's site's settings, kept between requests (every page's footer reads
        them) until they or the privacy notice page change."""
        name = cls.get_cache_attr_name()
        site = None if hasattr(request, name) else Site.find_for_request(request)
        if site is not None:
            site_settings = remember(f"settings:{site.pk}", [SITE], lambda: cls._kept(site))
            site_settings._request = request  # as Wagtail's own for_request sets it
            setattr(request, name, site_settings)
        return super().for_request(request)

    @classmethod
    def _kept(cls, site):
        site_settings = cls.for_site(site)
        if site_settings.privacy_notice is not None:
            # Kept with the settings until the notice or a translation of it changes (they
            # share their key), or who may see pages does (the site's key).
            depend_on(page_key(site_settings.privacy_notice))
            site_settings.readable_privacy_notices  # noqa: B018 (looked up now, to be kept)
        return site_settings

    @cached_property
    def readable_privacy_notices(self):
        """The privacy notice and its translations that visitors may read, live and not
        private, by locale id: one query."""
        page = self.privacy_notice
        if page is None:
            return {}
        return {
            notice.locale_id: notice
            for notice in Page.objects.live()
            .exclude(in_private_section())
            .filter(translation_key=page.translation_key)
        }

    @property
    def live_privacy_notice(self):
        """The privacy notice page, if one is chosen and visitors may read it (live and not
        private: the footer and the newsletter form link to it), in the active language where
        it has such a translation, otherwise in its own."""
        page = self.privacy_notice
        if page is None:
            return None
        notices = self.readable_privacy_notices
        return notices.get(locale_id_of(translation.get_language())) or notices.get(page.locale_id)

    @property
    def phone_link(self):
        """The ``tel:`` address of the phone number, for the footer's link."""
        return tel_address(self.phone) if self.phone else ""

    @property
    def social_links(self):
        """The organisation's profiles named in the settings, as (network, address) pairs in
        the footer's order."""
        return [
            (network, getattr(self, name))
            for name, network in SOCIAL_NETWORKS
            if getattr(self, name)
        ]
