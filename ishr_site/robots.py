"""robots.txt: what crawlers may visit, and where the request's site keeps its sitemap."""

from django.urls import reverse
from django.views.generic import TemplateView


class RobotsTxtView(TemplateView):
    """Everything may be crawled except the admin, draft share links and search results; the
    sitemap's address is the one on the host that was asked, as robots.txt is per host."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        return context
