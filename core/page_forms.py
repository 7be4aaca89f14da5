"""The base of the page forms whose choices of translatable snippets follow the page's
language."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


class PageLanguageForm(WagtailAdminPageForm):
    """A page's admin form whose ``in_page_language`` fields (foreign keys to translatable
    snippets) offer only the snippets in the page's language: a French update is a
    "Déclaration", not a "Statement", as wagtail-localize makes its translations."""

    in_page_language = ()
    # Fields of several translatable choices (topics) offered in every language, as a
    # translation keeps the choices of the page it was translated from: the choices in another
    # language than the page's are labelled with their language, "Droits des migrants
    # (French)", so that an English update is not tagged with a French topic by mistake.
    language_named = ()

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page and parent_page.locale_id)
        for name in self.in_page_language:
            if name in self.fields and locale_id:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=locale_id)
        if locale_id:
            for name in self.language_named:
                if name in self.fields:
                    self.name_other_languages(self.fields[name], locale_id)

    @staticmethod
    def name_other_languages(field, locale_id):
        languages = {locale.pk: locale.get_display_name() for locale in Locale.objects.all()}
        label = field.label_from_instance

        def label_with_language(choice):
            if choice.locale_id == locale_id:
                return label(choice)
            return _("%(choice)s (%(language)s)") % {
                "choice": label(choice),
                "language": languages.get(choice.locale_id, ""),
            }

        field.label_from_instance = label_with_language
