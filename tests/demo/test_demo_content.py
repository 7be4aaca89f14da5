"""The demo content: loading it twice gives the same site, a second load in the same process
draws no picture again, and every page in it works for visitors and in the admin."""

import io
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Model, QuerySet
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory, TestCase

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from core.models import CountryOrRegion
from demo import drawing
from demo.content.pictures import PICTURES
from demo.drawing import Drawing, jpeg
from search.query import RESULT_TYPES_BY_SLUG, search_in, searchable_pages
from stories.models import StoryPage
from tests.builders import PAGE_MODELS
from tests.demo_site import DEMO_PAGES, restore_demo_site
from topics.models import TopicPage
from updates.models import Mechanism, MechanismSession, UpdatePage, UpdateType

SNIPPETS = [CountryOrRegion, UpdateType, Mechanism, MechanismSession]


def comparable(value):
    if isinstance(value, QuerySet | list) and value and isinstance(value[0], Model):
        return sorted(obj.pk for obj in value)
    if isinstance(value, QuerySet):
        return []
    return value


def snapshot():
    """Everything the command makes, in a comparable form."""
    pages = [
        {
            **{k: comparable(v) for k, v in model_to_dict(page, exclude=["body"]).items()},
            "body": list(page.body.raw_data) if hasattr(page, "body") else None,
            "path": page.path,
            "latest_revision_id": page.latest_revision_id,
            "live_revision_id": page.live_revision_id,
        }
        for page in Page.objects.order_by("path").specific()
    ]
    return {
        "pages": pages,
        "revisions": Revision.objects.count(),
        "images": list(
            get_image_model()
            .objects.order_by("pk")
            .values("pk", "title", "file", "alt_text", "credit", "licence", "file_hash")
        ),
        "snippets": {
            model._meta.label: list(model.objects.order_by("pk").values()) for model in SNIPPETS
        },
        "sites": list(Site.objects.values()),
    }


def count_drawings(monkeypatch):
    """The drawings `demo.drawing` draws from now on (it still draws them)."""
    drawn = []
    draw = drawing.draw

    def counted(picture):
        drawn.append(picture)
        return draw(picture)

    monkeypatch.setattr(drawing, "draw", counted)
    return drawn


def test_a_second_load_in_the_same_process_draws_no_picture_and_a_second_load_changes_nothing(
    db, monkeypatch
):
    """Both from an empty database, with one load: a load from scratch in a process that has
    drawn the pictures once, then a load over it (as running ``make run`` twice would)."""
    for picture in PICTURES:  # what a first load leaves in the process: every picture drawn
        jpeg(picture.drawing)
    assert not get_image_model().objects.exists()
    drawn = count_drawings(monkeypatch)

    call_command("load_demo_content", verbosity=0)

    assert drawn == []
    assert get_image_model().objects.count() == 17
    for image in get_image_model().objects.all():
        assert image.file.storage.exists(image.file.name)

    first = snapshot()
    output = io.StringIO()

    call_command("load_demo_content", stdout=output)

    assert snapshot() == first
    assert "created" not in output.getvalue() and "updated" not in output.getvalue()
    assert drawn == []


def test_a_picture_is_drawn_again_only_when_what_it_depicts_changes(monkeypatch):
    vigil = Drawing.of("vigil", (64, 36), "a test vigil", dark=("#000000", "#1c2541"))
    brighter = Drawing.of("vigil", (64, 36), "a test vigil", dark=("#0b1320", "#1c2541"))
    monkeypatch.setattr(drawing, "_jpegs", {})  # this process's pictures stay as they are
    drawn = count_drawings(monkeypatch)

    first = jpeg(vigil)
    assert jpeg(vigil) == first
    assert (
        jpeg(Drawing.of("vigil", [64, 36], "a test vigil", dark=("#000000", "#1c2541"))) == first
    )
    assert jpeg(brighter) != first

    assert drawn == [vigil, brighter]


def test_the_demo_is_searchable_and_later_saves_still_reach_the_search_index(demo_site):
    """The loader indexes what it saved once, at the end, with the index's save handlers
    paused meanwhile: they must be back once it is done."""
    site = Site.objects.get(is_default_site=True)
    found = [
        page
        for language in ("en", "fr", "es")
        for page in search_in(
            searchable_pages(site, language, RESULT_TYPES_BY_SLUG["update"]),
            "Ceuta Melilla",
            language,
        )
    ]
    assert sorted((page.locale.language_code, page.slug) for page in found) == [
        ("en", "hrc51-impunity-for-violations-in-ceuta-and-melilla"),
        ("es", "cdh51-impunidad-de-las-violaciones-en-ceuta-y-melilla"),
        ("fr", "cdh51-impunite-des-violations-a-ceuta-et-melilla"),
    ]
    call_command("load_demo_content", verbosity=0)
    topic = TopicPage.objects.get(slug="reprisals-against-defenders")

    topic.title = "Reprisals against defenders in Zanzibar"
    topic.save_revision().publish()

    assert list(TopicPage.objects.search("Zanzibar")) == [topic]


class DemoContentTests(TestCase):
    """The demo content loaded twice, as a newcomer running `make run` twice would have it, for
    all the checks below (each test is rolled back). The first load is the demo site the tests
    share (see tests/demo_site.py)."""

    @classmethod
    def setUpTestData(cls):
        restore_demo_site()
        call_command("load_demo_content", verbosity=0)
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def setUp(self):
        self.admin_client = Client()
        self.admin_client.force_login(self.admin)

    def test_demo_content_rebuilds_the_seed_topic_page(self):
        topic = TopicPage.objects.get(slug="migrant-and-refugee-rights")
        html = self.client.get(topic.url).content.decode()

        self.assertEqual(topic.hero_image.credit, "© Photo: Creative Commons Zero - CC0")
        self.assertIn("ISHR supports migrants human rights defenders", html)
        for title in [
            "ACHPR 73: Mauritania should take legislative measures",
            "ACHPR73: Côte d&#x27;Ivoire should strengthen the mechanism",
            "HRC51: Impunity for grave violations against Africans in Ceuta and Melilla",
            "Kenya should strengthen its legal framework protecting defenders",
        ]:
            self.assertIn(title, html)
        self.assertIn("rights-based approach of migrant workers", html)
        self.assertIn("Check out all the latest updates to this topic", html)
        self.assertIn("Join us", html)

    def test_demo_content_has_enough_of_everything(self):
        self.assertGreaterEqual(TopicPage.objects.live().count(), 4)
        self.assertGreaterEqual(UpdatePage.objects.live().count(), 12)
        self.assertGreaterEqual(StoryPage.objects.live().count(), 4)
        types = set(UpdatePage.objects.values_list("update_type__slug", flat=True))
        self.assertEqual(len(types), 6)
        for image in get_image_model().objects.all():
            self.assertTrue(image.alt_text and image.credit and image.licence, image)

    def test_every_demo_page_returns_200_publicly_and_in_the_admin(self):
        pages = Page.objects.filter(depth__gt=1).specific()
        self.assertGreaterEqual(len(pages), 26)

        for page in pages:
            with self.subTest(page=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)
                edit = self.admin_client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(edit.status_code, 200)
                explore = self.admin_client.get(f"/admin/pages/{page.pk}/")
                self.assertEqual(explore.status_code, 200)

    def test_the_demo_pages_checked_for_valid_html_and_accessibility_cover_every_page_type(self):
        """``DEMO_PAGES`` (tests/demo_site.py) is written by hand: a new page type
        needs a page there, so that vnu.jar and axe-core look at it."""
        checked = set()
        for _, address, status in DEMO_PAGES:
            path = urlsplit(address).path
            page = Page.find_for_request(RequestFactory().get(path), path)
            if page is not None and status == 200:
                checked.add(page.specific_class)

        missing = [model._meta.label for model in PAGE_MODELS if model not in checked]
        self.assertEqual(missing, [], "page types with no page in DEMO_PAGES")

    def test_admin_listings_of_images_snippets_and_signups_return_200(self):
        urls = [
            "/admin/",
            "/admin/images/",
            "/admin/snippets/core/countryorregion/",
            "/admin/snippets/updates/updatetype/",
            "/admin/snippets/updates/mechanism/",
            "/admin/snippets/updates/mechanismsession/",
            "/admin/signups/",
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.admin_client.get(url).status_code, 200)
        for model in SNIPPETS:
            obj = model.objects.first()
            meta = model._meta
            url = f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{obj.pk}/"
            with self.subTest(url=url):
                self.assertEqual(self.admin_client.get(url).status_code, 200)

    def test_editors_can_search_snippets(self):
        response = self.admin_client.get("/admin/snippets/updates/updatetype/", {"q": "letter"})

        self.assertContains(response, "Joint letter")
        self.assertNotContains(response, "Press release")


def test_the_demo_site_answers_where_the_development_server_does(settings, demo_site):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"
    call_command("load_demo_content", stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8001)
    assert site.root_page.specific.full_url == "http://127.0.0.1:8001/"


def test_the_demo_loader_leaves_a_real_host_alone(settings, demo_site):
    Site.objects.filter(is_default_site=True).update(hostname="www.ishr.ch", port=443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"

    call_command("load_demo_content", stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.ishr.ch", 443)
