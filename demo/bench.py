"""Benchmark content: many topics, updates and stories on top of the demo site, fast.

Creating 100,000 pages one by one through Wagtail takes hours (each computes its place in the
tree, saves a revision, indexes itself). Here the rows are written in batches: the tree paths are
computed for a whole batch (Wagtail's treebeard paths, 4 characters per level), the base page
rows go in with one ``bulk_create``, their update or story rows with one insert, their topics with
one more, and the search index is filled in batches by the search backend. The pages are live and
public, as editors would have published them, in English, without revisions (nobody edits them).

Everything made here has a slug beginning with ``bench-``: running it again adds what is
missing up to the numbers asked for and changes nothing else.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.models import CountryOrRegion
from stories.models import StoryIndexPage, StoryPage
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage, UpdatePage
from updates.taxonomy import Mechanism, UpdateType

BATCH = 2000
PREFIX = "bench-"
# The updates span ten years before this day, so that every year filter has some.
FIRST_DAY = datetime.date(2016, 1, 1)
DAYS = 3650


def _english(model):
    return model.objects.filter(locale__language_code="en").first()


def _bench_count(model):
    return model.objects.filter(slug__startswith=PREFIX).count()


class BenchContent:
    def __init__(self, *, seed=1, log=print):
        self.random = random.Random(seed)
        self.log = log

    def generate(self, *, topics, updates, stories):
        topic_index = _english(TopicIndexPage)
        update_index = _english(UpdateIndexPage)
        story_index = _english(StoryIndexPage)
        if not (topic_index and update_index and story_index):
            raise RuntimeError("Load the demo content first (manage.py load_demo_content).")
        existing = TopicPage.objects.filter(locale_id=topic_index.locale_id).count()
        for number in range(existing, topics):
            topic_index.add_child(
                instance=TopicPage(
                    title=f"Bench topic {number + 1}",
                    slug=f"{PREFIX}topic-{number + 1}",
                    intro=f"What bench topic {number + 1} is about.",
                )
            )
        self.topic_ids = list(
            TopicPage.objects.filter(locale_id=topic_index.locale_id).values_list("pk", flat=True)
        )
        in_english = {"locale_id": topic_index.locale_id}
        self.type_ids = list(UpdateType.objects.filter(**in_english).values_list("pk", flat=True))
        self.mechanisms = {
            m.pk: f"{m.acronym} {m.name}" for m in Mechanism.objects.filter(**in_english)
        }
        self.countries = dict(
            CountryOrRegion.objects.filter(**in_english).values_list("pk", "name")
        )
        made_updates = self._pages(update_index, UpdatePage, updates, self._update_fields)
        made_stories = self._pages(story_index, StoryPage, stories, self._story_fields)
        if connection.vendor == "postgresql":
            # The planner's statistics, as autovacuum would renew them after so many rows:
            # without them it plans for the tables as they were, and joins row by row.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return {"topics": len(self.topic_ids), "updates": made_updates, "stories": made_stories}

    # -- one kind of page ------------------------------------------------------------------

    def _pages(self, parent, model, wanted, fields_for):
        have = _bench_count(model)
        todo = max(wanted - have, 0)
        content_type = ContentType.objects.get_for_model(model)
        backend = get_search_backend()
        made = 0
        while made < todo:
            size = min(BATCH, todo - made)
            with transaction.atomic():
                parent.refresh_from_db()
                pages = self._batch(parent, model, content_type, have + made, size, fields_for)
                Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + size)
            backend.add_bulk(model, pages)
            made += size
            self.log(f"  {model._meta.verbose_name_plural}: {have + made} of {wanted}")
        return have + made

    def _batch(self, parent, model, content_type, start, size, fields_for):
        now = timezone.now()
        base_rows = []
        for offset in range(size):
            number = start + offset + 1
            slug = f"{PREFIX}{model._meta.model_name}-{number}"
            title = f"Bench {model._meta.verbose_name} {number}"
            base_rows.append(
                Page(
                    path=Page._get_path(
                        parent.path, parent.depth + 1, parent.numchild + offset + 1
                    ),
                    depth=parent.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=parent.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{parent.url_path}{slug}/",
                )
            )
        Page.objects.bulk_create(base_rows)
        pages = []
        for base in base_rows:
            page = model(page_ptr_id=base.pk, **fields_for(base))
            # The base row's values, so that the index and what follows see a whole page.
            for field in Page._meta.concrete_fields:
                setattr(page, field.attname, getattr(base, field.attname))
            pages.append(page)
        # Django's bulk_create refuses a model with a parent table: insert the child rows only.
        model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
        through = model.topics.through
        links = []
        for page in pages:
            for topic_id in self.random.sample(self.topic_ids, k=self.random.choice((1, 1, 2))):
                links.append(
                    through(**{f"{model._meta.model_name}_id": page.pk, "topicpage_id": topic_id})
                )
        through.objects.bulk_create(links)
        if model is UpdatePage and self.countries:
            countries = model.countries.through
            chosen = {page.pk: self.random.choice(list(self.countries)) for page in pages}
            countries.objects.bulk_create(
                countries(updatepage_id=pk, countryorregion_id=country_id)
                for pk, country_id in chosen.items()
            )
            for page in pages:
                # What search_tags() reads from the database, a few queries a page.
                words = [self.mechanisms.get(page.mechanism_id), self.countries[chosen[page.pk]]]
                text = " ".join(word for word in words if word)
                page.search_tags = lambda text=text: text
        return pages

    def _update_fields(self, base):
        return {
            "date": FIRST_DAY + datetime.timedelta(days=self.random.randrange(DAYS)),
            "update_type_id": self.random.choice(self.type_ids) if self.type_ids else None,
            "mechanism_id": self.random.choice([*self.mechanisms, None]),
            "summary": f"Summary of {base.title.lower()}, written for the benchmark.",
            "body": [],
        }

    def _story_fields(self, base):
        return {
            "defender_name": f"Defender {base.pk}",
            "quote": "A quote from a defender, written for the benchmark.",
            "summary": f"Summary of {base.title.lower()}.",
            "body": [],
            "protect_identity": False,
        }
