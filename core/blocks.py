"""The body blocks every page type shares."""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .i18n import link_target
from .locales import language_of

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        group = _("Text")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        group = _("Text")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": _("Fundamental human rights don't disappear at the border."),
            "attribution": _("A defender of migrants' rights"),
        }
        description = _("A quotation with an optional attribution")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        group = _("Media")
        template = "blocks/captioned_image_block.html"
        description = _("An image with its caption and credit")


class LinkStructValue(blocks.StructValue):
    """Resolves a call to action's target, whether a page of the site or an address."""

    def target_page(self):
        """The chosen page in the visitor's language where it has a live, public translation
        (a translated page keeps its source's choice, as wagtail-localize leaves it), else the
        page itself if it is live and public; None when it was deleted, unpublished or made
        private since: a visitor must not be sent to a page they cannot open."""
        if "_target" not in self.__dict__:
            self._target = link_target(self.get("page"))
        return self._target

    def url(self):
        """The target's address, or "" when there is none to send a visitor to."""
        if self.get("page") is not None:
            page = self.target_page()
            return page.url if page else ""
        return self.get("external_url") or ""

    def language(self):
        """The language of the target page, where it is not the visitor's (``hreflang``)."""
        page = self.target_page() if self.get("page") is not None else None
        if page is None or language_of(page) == translation.get_language():
            return ""
        return language_of(page)


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Or an external address"), required=False)

    class Meta:
        icon = "pick"
        group = _("Calls to action")
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        preview_value = {
            "heading": _("Stand with defenders"),
            "text": _("Your support keeps defenders safe and heard at the UN."),
            "button_label": _("Take action"),
            "external_url": "https://ishr.ch/",
        }
        description = _("A highlighted invitation with a button to a page or address")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or give an address, not both.")),
                }
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading2 = HeadingBlock(
        label=_("Heading (level 2)"),
        template="blocks/heading2_block.html",
        preview_value=_("ISHR supports defenders"),
        description=_("A section heading"),
    )
    heading3 = HeadingBlock(
        label=_("Heading (level 3)"),
        template="blocks/heading3_block.html",
        preview_value=_("At the Human Rights Council"),
        description=_("A sub-section heading"),
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        group=_("Text"),
        template="blocks/paragraph_block.html",
        preview_value=_("<p>Defenders hold governments to their word on human rights.</p>"),
        description=_("Formatted text with links and lists"),
    )
    quote = QuoteBlock(label=_("Quote"))
    image = CaptionedImageBlock(label=_("Image"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        group=_("Media"),
        template="blocks/embed_block.html",
        help_text=_("Address of a video or post, for example on YouTube or Vimeo."),
        description=_("A video or post from another site"),
    )
