"""Builders of pages for tests: one per page type, registered by model in ``BUILDERS``, so that a
test of "every page type" can iterate over ``PAGE_MODELS`` (the page types Wagtail finds in the
project's apps) and build each one. ``tests/core/test_page_types.py`` fails, naming the model,
when a page type has no builder.

Each builder works on the tree ``build_tree()`` makes (``tests/conftest.py``) and knows three
things about its page type:

- ``build(tree, **fields)``: a live page of the type in the tree's site, ready to be visited,
  edited and previewed. Types that may exist more than once (standard pages, topics, updates,
  stories) are created anew; the site's one home page and its one index page of each section
  (``max_count_per_parent = 1``) are those ``build_tree()`` made, with ``fields`` published.
- ``parent(tree)``: a page under which the admin may add one more page of the type: its section
  in the tree, or a second home page for the types a home page has only one of.
- ``form_data(tree, page=None, **changes)``: what the admin's page form posts to create a page of
  the type (or, given ``page``, to edit or preview it). Wagtail renders StreamFields with
  JavaScript, so this data cannot be scraped from the edit view's HTML.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.text import slugify

from wagtail.coreutils import get_dummy_request
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage, UpdatePage


def project_page_models():
    """The concrete page types of the project's own apps (those in the project's folder): not
    Wagtail's base ``Page``, nor any page type an installed package may bring."""
    project = Path(settings.BASE_DIR).resolve()
    return [
        model
        for model in get_page_models()
        if Path(apps.get_app_config(model._meta.app_label).path).resolve().parent == project
    ]


# Found once, when the tests are collected: parametrized tests iterate over it.
PAGE_MODELS = project_page_models()


def label(model):
    """A page type's name in test ids and messages, such as ``home.StandardPage``."""
    return model._meta.label


def every_page_type(argname="page_model", models=None):
    """``pytest.mark.parametrize`` over every page type (or over ``models``), by label."""
    return pytest.mark.parametrize(argname, PAGE_MODELS if models is None else models, ids=label)


def preview_modes(model):
    """The preview modes a page type offers, such as ``["", "card"]``: its pages'
    ``preview_modes``, read at collection time from an instance made without ``__init__``
    (which would query the database for the content type)."""
    return [mode for mode, _ in model.__new__(model).preview_modes]


def every_preview_mode():
    """``pytest.mark.parametrize`` over (page type, preview mode) for every page type."""
    cases = [(model, mode) for model in PAGE_MODELS for mode in preview_modes(model)]
    return pytest.mark.parametrize(
        ("page_model", "mode"),
        cases,
        ids=[f"{label(model)}-{mode or 'default'}" for model, mode in cases],
    )


def wagtail_assertions(client):
    """Wagtail's page assertions (``WagtailPageTestCase``: ``assertCanCreate``,
    ``assertPageIsRoutable``, ``assertPageIsPreviewable``...) for a pytest test, on its client.
    The test case is never run: it only lends its assertions."""
    case = WagtailPageTestCase(methodName="assertCanCreate")
    case.client = client
    case.dummy_request = get_dummy_request()
    return case


def paragraph(text="Body."):
    """A StreamField body of one paragraph, as the page form posts it."""
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


def another_home(tree):
    """A second home page, beside the tree's site: it has none of the three sections yet."""
    existing = HomePage.objects.filter(slug="another-home").first()
    if existing:
        return existing
    home = HomePage(title="Another home", slug="another-home", intro="Another site.")
    tree.root.add_child(instance=home)
    return home


def publish_fields(page, fields):
    """``page`` with ``fields`` set and published (nothing is saved when there are none)."""
    if fields:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
    return page


BUILDERS = {}


def register(builder_class):
    BUILDERS[builder_class.model] = builder_class()
    return builder_class


def builder_for(model):
    try:
        return BUILDERS[model]
    except KeyError:
        raise LookupError(f"No builder in tests/builders.py for {label(model)}") from None


def build(model, tree, **fields):
    """A live page of type ``model`` in ``tree``'s site (see the module's docstring)."""
    page = builder_for(model).build(tree, **fields)
    assert type(page) is model, (label(model), type(page))
    return page


class PageBuilder:
    model = Page

    def build(self, tree, **fields):
        raise NotImplementedError

    def parent(self, tree):
        raise NotImplementedError

    def form_fields(self, tree):
        """The type's own fields in the page form, as ``nested_form_data`` takes them."""
        return {}

    def form_choices(self, tree):
        """The type's fields of several choices (lists of primary keys), posted as they are."""
        return {}

    def form_data(self, tree, page=None, **changes):
        """The form's data for a new page of the type, or for ``page``, with ``changes`` (a
        list for a field of several choices, such as ``topics=[topic.pk]``)."""
        title = page.title if page else f"New {self.model._meta.verbose_name}"
        slug = page.slug if page else slugify(title)
        values = {"title": title, "slug": slug, "comments": inline_formset([])}
        values |= self.form_fields(tree)
        choices = self.form_choices(tree)
        for name, value in list(changes.items()):
            if isinstance(value, list):
                choices[name] = changes.pop(name)
        return nested_form_data(values | changes) | choices


@register
class HomePageBuilder(PageBuilder):
    model = HomePage

    def build(self, tree, **fields):
        return publish_fields(tree.home, fields)

    def parent(self, tree):
        return tree.root

    def form_fields(self, tree):
        return {"intro": "Hello.", "body": paragraph(), "updates_count": 6, "stories_count": 3}


@register
class StandardPageBuilder(PageBuilder):
    model = StandardPage

    def build(self, tree, title="About us", *, parent=None, **fields):
        """A standard page under the home page, or under ``parent`` (another standard page)."""
        page = StandardPage(title=title, **fields)
        (parent or tree.home).add_child(instance=page)
        return page

    def parent(self, tree):
        return tree.home

    def form_fields(self, tree):
        return {"intro": "An introduction.", "body": paragraph()}


class IndexPageBuilder(PageBuilder):
    """A section's index page: a home page has one of each."""

    attribute = ""  # the tree's index page of this type

    def build(self, tree, **fields):
        return publish_fields(getattr(tree, self.attribute), fields)

    def parent(self, tree):
        return tree.home if self.model.can_create_at(tree.home) else another_home(tree)

    def form_fields(self, tree):
        return {"intro": ""}


@register
class TopicIndexPageBuilder(IndexPageBuilder):
    model = TopicIndexPage
    attribute = "topic_index"


@register
class UpdateIndexPageBuilder(IndexPageBuilder):
    model = UpdateIndexPage
    attribute = "update_index"


@register
class StoryIndexPageBuilder(IndexPageBuilder):
    model = StoryIndexPage
    attribute = "story_index"


@register
class TopicPageBuilder(PageBuilder):
    model = TopicPage

    def build(self, tree, title="Business and human rights", **fields):
        return tree.add_topic(title, **fields)

    def parent(self, tree):
        return tree.topic_index

    def form_fields(self, tree):
        return {"intro": "Intro.", "body": paragraph(), "updates_count": 4, "stories_count": 3}


@register
class UpdatePageBuilder(PageBuilder):
    model = UpdatePage

    def build(self, tree, title="An update", topics=None, **fields):
        return tree.add_update(title, [tree.migrants] if topics is None else topics, **fields)

    def parent(self, tree):
        return tree.update_index

    def form_fields(self, tree):
        return {
            "date": "2024-01-01",
            "update_type": tree.news.pk,
            "summary": "A summary.",
            "body": paragraph(),
        }

    def form_choices(self, tree):
        return {"topics": [tree.migrants.pk]}


@register
class StoryPageBuilder(PageBuilder):
    model = StoryPage

    def build(self, tree, title="A story", topics=None, **fields):
        return tree.add_story(title, [tree.migrants] if topics is None else topics, **fields)

    def parent(self, tree):
        return tree.story_index

    def form_fields(self, tree):
        return {
            "defender_name": "A defender",
            "quote": "A quote.",
            "summary": "A summary.",
            "body": paragraph(),
        }

    def form_choices(self, tree):
        return {"topics": [tree.migrants.pk]}
