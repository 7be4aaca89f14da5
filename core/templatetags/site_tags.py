from django import template

register = template.Library()


@register.simple_tag
def nav_current(section, page):
    """The aria-current value for a header link: "page" on the section itself, "true" on a
    page below it, and nothing elsewhere. Compares tree paths, so it runs no query."""
    if page is None or not hasattr(page, "path"):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""
