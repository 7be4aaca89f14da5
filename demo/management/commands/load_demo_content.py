"""Build the site's editorial tree with demo content: a home page, the three sections, topics,
updates, defenders' stories, the snippets they are tagged with, and generated pictures.

Running the command again changes nothing (see `demo.loader`). The pictures are drawn with Pillow
(`demo.drawing`), so nothing is downloaded. The text (`demo.content`) is demo content written for
this site; the defenders in it are fictional.
"""

from django.core.management.base import BaseCommand

from demo.loader import DemoLoader, totals


class Command(BaseCommand):
    help = (
        "Build the home page, sections, topics, updates, defenders' stories, snippets and "
        "images of the demo site. Safe to run again: it only changes what differs."
    )

    def handle(self, *args, **options):
        counts = DemoLoader().load()
        self.stdout.write("Demo content loaded.")
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"  Totals: {totals()}")
