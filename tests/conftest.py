"""Fixtures that build a small editorial tree: home, the three index pages, topics, updates."""

import datetime
import io
from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db.models.signals import post_save
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction, Site
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler

import pytest
from PIL import Image as PILImage

from core.models import CountryOrRegion
from home.models import HomePage
from pagecache.store import forget_recent
from stories.models import StoryIndexPage, StoryPage
from tests.snapshots import restore_or_build
from topics.models import TopicIndexPage, TopicPage
from updates.models import Mechanism, MechanismSession, UpdateIndexPage, UpdatePage, UpdateType

pytest_plugins = [
    "tests.demo_site",  # the demo_site fixture
    "tests.migrated_sqlite",  # the migrated_sqlite_template fixture
]

DEMO_TESTS = "tests/demo/"
SEARCH_TESTS = "tests/search/"
# The tests that keep the search index up to date (``search_index_only_where_searched``).
INDEXED_MARKERS = ("search_index", "demo", "browser", "html")


def pytest_collection_modifyitems(config, items):
    """Mark the tests that load the demo content (``demo``), so that ``make test-fast`` can
    leave them out: the demo app's own tests and every test using the ``demo_site`` fixture.

    The order of the tests is pytest-django's, kept on every pytest-xdist worker: tests in a
    transaction first, then those that flush the database (browser tests), as Django orders
    them, so that no test meets a database a flush has emptied."""
    for item in items:
        in_demo = item.nodeid.startswith(DEMO_TESTS)
        if in_demo or "demo_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.demo)
        if item.nodeid.startswith(SEARCH_TESTS):
            item.add_marker(pytest.mark.search_index)


@contextmanager
def search_index_paused():
    """Saves inside do not reach the search index (Wagtail updates it on every save of a page
    or snippet, a sixth of the time of a test that builds pages)."""
    paused = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


@pytest.fixture(autouse=True)
def search_index_only_where_searched(request):
    """The search index is kept up to date only in the tests that search: those marked
    ``search_index`` (every test in tests/search/), and those that load the demo or drive a
    browser, which search the demo site. The tree the other tests start from is indexed all
    the same (``tree``)."""
    if any(request.node.get_closest_marker(name) for name in INDEXED_MARKERS):
        yield
        return
    with search_index_paused():
        yield


def make_image(title="Test image", size=(160, 90), credit="© Photo: Test – CC0", **fields):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (11, 79, 108)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg"),
        alt_text=fields.pop("alt_text", f"Alt text of {title}"),
        credit=credit,
        licence=fields.pop("licence", "CC0 1.0"),
        **fields,
    )


class Tree(SimpleNamespace):
    """The tree, plus helpers that add pages to it."""

    def add_topic(self, title, **fields):
        fields.setdefault("intro", f"What {title} is about.")
        topic = TopicPage(title=title, **fields)
        self.topic_index.add_child(instance=topic)
        return topic

    def add_update(self, title, topics, *, date=None, live=True, update_type=None, **fields):
        update = UpdatePage(
            title=title,
            date=date or datetime.date(2024, 1, 1),
            update_type=update_type or self.news,
            summary=fields.pop("summary", f"Summary of {title}."),
            live=live,
            **fields,
        )
        update.topics = topics
        self.update_index.add_child(instance=update)
        if not live:
            update.save_revision()
        return update

    def add_story(self, title, topics, *, live=True, **fields):
        fields.setdefault("defender_name", "Nadia K.")  # named in no test title
        fields.setdefault("quote", f"A quote from {title}.")
        fields.setdefault("summary", f"Summary of {title}.")
        story = StoryPage(title=title, live=live, **fields)
        story.topics = topics
        self.story_index.add_child(instance=story)
        return story

    def restrict(self, page):
        """Make ``page`` visible only to logged-in users."""
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return page

    def translate(self, page, language, *, live=True, **fields):
        """A translation of ``page`` into ``language`` ("fr", "es") with ``fields`` changed,
        published unless ``live=False``: its parent must be translated already."""
        translated = page.copy_for_translation(Locale.objects.get(language_code=language))
        for name, value in fields.items():
            setattr(translated, name, value)
        revision = translated.save_revision()
        if live:
            revision.publish()
            translated.refresh_from_db()
        return translated


@pytest.fixture(scope="session")
def django_db_setup(migrated_sqlite_template, django_db_setup):
    """pytest-django's test databases, an in-memory SQLite one copied from the last run's when
    the migrations have not changed (``tests/migrated_sqlite.py``)."""
    return django_db_setup


@pytest.fixture
def database_queue(settings):
    """The background tasks queued in the database, as in production, for the worker."""
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; a cache left over from another test points elsewhere.
    The page cache's copies in this process go with it."""
    cache.clear()
    forget_recent()
    yield
    cache.clear()
    forget_recent()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to a French page leaves French
    active in the thread that served it, here the test's own."""
    yield
    translation.deactivate()


@pytest.fixture
def tree(db):
    """The tree ``build_tree()`` makes, built once per test process and written back for each
    test (``tests/snapshots.py``): building it takes a tenth of a second, writing it back a few
    milliseconds."""
    return restore_or_build("tree", build_tree)


def build_tree():
    """Home, the three index pages, two update types and two topics, in the search index."""
    with search_index_kept():
        return _build_tree()


@contextmanager
def search_index_kept():
    """Saves inside reach the search index, even in a test that paused it."""
    models = get_indexed_models()
    paused = [m for m in models if not post_save.disconnect(post_save_signal_handler, sender=m)]
    for model in models:
        post_save.connect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in paused:
            post_save.disconnect(post_save_signal_handler, sender=model)


def _build_tree():
    root = Page.get_first_root_node()
    home = HomePage(title="International Service for Human Rights", slug="ishr", intro="Hello.")
    root.add_child(instance=home)
    Site.objects.update(root_page=home)
    site = Site.objects.get(is_default_site=True)

    topic_index = TopicIndexPage(title="Our priorities", slug="topics", show_in_menus=True)
    update_index = UpdateIndexPage(
        title="Latest updates", slug="latest-updates", show_in_menus=True
    )
    story_index = StoryIndexPage(
        title="Defenders' stories", slug="defenders-stories", show_in_menus=True
    )
    for index_page in (topic_index, update_index, story_index):
        home.add_child(instance=index_page)

    news = UpdateType.objects.create(name="News", slug="news")
    statement = UpdateType.objects.create(name="Statement", slug="statement")
    tree = Tree(
        root=root,
        site=site,
        home=home,
        topic_index=topic_index,
        update_index=update_index,
        story_index=story_index,
        news=news,
        statement=statement,
    )
    tree.migrants = tree.add_topic("Migrant and refugee rights", slug="migrant-and-refugee-rights")
    tree.women = tree.add_topic("Women human rights defenders", slug="women-defenders")
    return tree


@pytest.fixture
def topics_only_editor(tree, django_user_model):
    """An editor who may edit the topics section and nothing else."""
    group = Group.objects.create(name="Topic editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group, page=tree.topic_index, permission_type=permission_type
        )
    user = django_user_model.objects.create_user("tess", "tess@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def tagging(db):
    achpr = Mechanism.objects.create(
        name="African Commission on Human and Peoples' Rights", acronym="ACHPR"
    )
    return SimpleNamespace(
        achpr=achpr,
        achpr73=MechanismSession.objects.create(mechanism=achpr, name="ACHPR 73"),
        mauritania=CountryOrRegion.objects.create(name="Mauritania", slug="mauritania"),
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction to commit (purges, emails), as a real commit would:
    ``committed(action)``."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run
