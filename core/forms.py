"""The admin's image form (set as WAGTAILIMAGES_IMAGE_FORM_BASE)."""

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ImageFileField(WagtailImageField):
    """Wagtail's image upload field, which refuses a damaged file with a message.

    Wagtail reads the width and height of an upload to check its pixel count; for a truncated
    or corrupt file, Pillow then raises an error that Wagtail does not catch (wagtail#1354),
    which would be a server error instead of a message on the form.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow reports damaged files with many kinds of exception
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = ImageFileField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                max_length=field.max_length,
            )
        if "language" in self.fields:
            # Left out (an upload made by a script, or an older form), it is the default.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or settings.LANGUAGE_CODE
