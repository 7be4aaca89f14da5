"""How many SQL queries each kind of page costs when the page cache passes the request (a
visitor with a session): the topic page, both listings (plain and filtered), the home page, an
update and a story, each asked three times and the last counted (what is kept between
requests is then kept). ``make bench`` writes them for each size it measures, to show that they
do not grow with the content (``tests/core/test_query_counts.py`` checks the same at small
sizes)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stories.models import StoryIndexPage, StoryPage
from topics.models import TopicPage
from updates.models import UpdateIndexPage, UpdatePage


def pages():
    """(label, address) of one page of each kind, in the default language's tree."""
    topic = TopicPage.objects.live().public().order_by("path").first()
    updates = UpdateIndexPage.objects.live().order_by("path").first()
    stories = StoryIndexPage.objects.live().order_by("path").first()
    update = UpdatePage.objects.live().public().order_by("-date", "-pk").first()
    story = StoryPage.objects.live().public().order_by("-first_published_at", "-pk").first()
    if None in (topic, updates, update):
        raise CommandError("There is no topic, listing or update to ask for: load content first.")
    found = [
        ("topic page", topic.url),
        ("updates listing", updates.url),
        ("updates listing filtered", f"{updates.url}?topic={topic.slug}"),
        ("home page", topic.get_site().root_page.url),
        ("update page", update.url),
    ]
    if stories is not None and story is not None:
        found += [("stories listing", stories.url), ("story page", story.url)]
    return found


class Command(BaseCommand):
    help = "Count the SQL queries of each kind of page when the page cache passes the request."

    def handle(self, *args, **options):
        host = next((host for host in settings.ALLOWED_HOSTS if "*" not in host), "localhost")
        client = Client(HTTP_HOST=host.lstrip("."))
        client.cookies["sessionid"] = "count-queries-no-such-session"
        for label, url in pages():
            for _ in range(2):
                client.get(url, secure=True)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url, secure=True).status_code
            self.stdout.write(f"{label:<26} {len(queries):>3} queries  ({status}, {url})")
