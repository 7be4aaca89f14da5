"""The base of the page forms whose choices of translatable snippets follow the page's
language."""

from wagtail.admin.forms import WagtailAdminPageForm


class PageLanguageForm(WagtailAdminPageForm):
    """A page's admin form whose ``in_page_language`` fields (foreign keys to translatable
    snippets) offer only the snippets in the page's language: a French update is a
    "Déclaration", not a "Statement", as wagtail-localize makes its translations."""

    in_page_language = ()

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page and parent_page.locale_id)
        for name in self.in_page_language:
            if name in self.fields and locale_id:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=locale_id)
