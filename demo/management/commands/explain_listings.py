"""How the database runs the site's main listing queries (``EXPLAIN``; on PostgreSQL with
``ANALYZE``, so with the time each step took): the updates listing's first page, a topic's
latest updates and stories, the updates filtered by a topic, and the stories listing. ``make
bench`` writes them down for each size it measures (``.bench/plans-<size>.txt``), to show
which indexes the queries use as the content grows."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from stories.models import StoryIndexPage
from topics.models import TopicPage
from updates.models import UpdateIndexPage, UpdatePage


def listing_queries():
    """(label, queryset) of the queries a visitor's pages run, on the default language's
    tree."""
    updates = UpdateIndexPage.objects.live().order_by("path").first()
    stories = StoryIndexPage.objects.live().order_by("path").first()
    topic = TopicPage.objects.live().public().order_by("path").first()
    if updates is None or topic is None:
        raise CommandError("There is no updates listing or topic to explain: load content first.")
    queries = [
        ("updates listing, first page", updates.listing_items()[: updates.per_page]),
        ("a topic's latest updates", topic.latest_updates()),
        ("a topic's latest stories", topic.latest_stories()),
        (
            "updates tagged to a topic, first page",
            updates.listing_items().filter(
                pk__in=topic.tagged_in_any_language(UpdatePage).values("pk")
            )[: updates.per_page],
        ),
    ]
    if stories is not None:
        queries.append(
            ("stories listing, first page", stories.listing_items()[: stories.per_page])
        )
    return [(label, queryset) for label, queryset in queries if hasattr(queryset, "explain")]


class Command(BaseCommand):
    help = "Show how the database runs the listings' queries (EXPLAIN), to check their indexes."

    def handle(self, *args, **options):
        analyze = {"analyze": True} if connection.vendor == "postgresql" else {}
        for label, queryset in listing_queries():
            self.stdout.write(f"== {label}")
            self.stdout.write(queryset.explain(**analyze))
            self.stdout.write("")
