"""Links to pages of the site in rich text (paragraphs): only to live, public pages."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from .i18n import link_target


class LivePageLinkHandler(PageLinkHandler):
    """Wagtail's page links, which print any page's address, drafts' and private pages'
    included: here a link leads where a call to action would (``core.i18n.link_target``), and
    without such a page it is an anchor with no address, which shows its text as plain text
    and is no link for anyone."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        links = []
        for page in cls.get_many(attrs_list):
            target = link_target(page)
            links.append(f'<a href="{escape(target.url)}">' if target else "<a>")
        return links
