"""The editors' guide, ``docs/editors.md``, read in the admin (Help › Editors' guide).

The guide is written once, in Markdown, for the repository; editors have no access to the
repository, so the admin renders it to HTML with the ``markdown`` package and serves the files
it refers to: its screenshots (``docs/img/*.png``) and its example CSV files. Only those, by
name: nothing else of the repository can be reached through these views.
"""

import re
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GUIDE_DIR = Path(settings.BASE_DIR) / "docs"
GUIDE_FILE = "editors.md"
# What the guide may link to, by name only: a letter or digit first, so never "..", and no
# slash, so never another folder.
IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.png")
EXAMPLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.csv")

TITLE = _("Editors' guide")


class NoRawHtml(Extension):
    """Show raw HTML as text. The guide is our own file, but Markdown would pass any HTML in it
    straight into the admin's pages: without these two steps it is escaped like any text."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


class AdminAddresses(Treeprocessor):
    """Leave out the guide's title, and point its relative links to its files
    (``img/01-dashboard.png``, ``legacy-redirects-example.csv``) at the admin views that serve
    them."""

    def run(self, root: ElementTree.Element):
        # The admin's header already names the page: the file's own title would be a second h1.
        for title in root.findall("h1")[:1]:
            root.remove(title)
        for image in root.iter("img"):
            name = image.get("src", "").removeprefix("img/")
            if IMAGE_NAME.fullmatch(name):
                image.set("src", reverse("editors_guide_image", args=[name]))
        for link in root.iter("a"):
            name = link.get("href", "")
            if EXAMPLE_NAME.fullmatch(name):
                link.set("href", reverse("editors_guide_example", args=[name]))


class AdminAddressesExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AdminAddresses(md), "admin_addresses", 0)


def render_guide():
    text = (GUIDE_DIR / GUIDE_FILE).read_text(encoding="utf-8")
    html = markdown.markdown(
        text,
        # "toc" gives each heading an id, so that a section can be linked to.
        extensions=["toc", "tables", "sane_lists", NoRawHtml(), AdminAddressesExtension()],
        output_format="html",
    )
    # Safe: raw HTML in the file is escaped (NoRawHtml), so this is Markdown's own output.
    return mark_safe(html)  # noqa: S308


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/guide.html"
    page_title = TITLE
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"guide": render_guide()}


def serve_file(folder, name, pattern, content_type):
    if not pattern.fullmatch(name):
        raise Http404
    file = folder / name
    if not file.is_file():
        raise Http404
    return FileResponse(file.open("rb"), content_type=content_type)


def image(request, name):
    return serve_file(GUIDE_DIR / "img", name, IMAGE_NAME, "image/png")


def example(request, name):
    return serve_file(GUIDE_DIR, name, EXAMPLE_NAME, "text/csv; charset=utf-8")


# Registered with Wagtail's register_admin_urls hook, which requires admin access.
urlpatterns = [
    path("editors-guide/", GuideView.as_view(), name="editors_guide"),
    path("editors-guide/img/<path:name>", image, name="editors_guide_image"),
    path("editors-guide/<path:name>", example, name="editors_guide_example"),
]
