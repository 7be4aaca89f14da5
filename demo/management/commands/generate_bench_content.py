"""Add benchmark content to the demo site: ``--topics`` topics in all, ``--updates`` updates and
``--stories`` stories made for the benchmark (``demo.bench``), e.g. 50, 100,000 and 5,000 in a
few minutes. Run ``load_demo_content`` first. Running it again adds only what is missing."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.bench import BenchContent


class Command(BaseCommand):
    help = "Add many topics, updates and stories to the demo site, for the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--topics", type=int, default=50)
        parser.add_argument("--updates", type=int, default=100_000)
        parser.add_argument("--stories", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, topics, updates, stories, seed, **options):
        if min(topics, updates, stories) < 0:
            raise CommandError("The numbers must be 0 or more.")
        started = time.monotonic()
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            made = BenchContent(seed=seed, log=log).generate(
                topics=topics, updates=updates, stories=stories
            )
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Benchmark content: {made['topics']} topics, {made['updates']} bench updates, "
            f"{made['stories']} bench stories ({time.monotonic() - started:.0f} s)."
        )
