"""The editorial tree: where each page type may go, and that editors can create, route,
render, edit and preview every one of them.

The tests of "every page type" run once per page type the project's apps define, as Wagtail
finds them (``tests.builders.PAGE_MODELS``), each built by its builder: a new page type is
covered as soon as it has a builder, and ``test_every_page_type_has_a_builder`` fails until it
does."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from core.models import CountryOrRegion
from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from tests.builders import (
    BUILDERS,
    PAGE_MODELS,
    another_home,
    build,
    builder_for,
    every_page_type,
    every_preview_mode,
    label,
    paragraph,
    wagtail_assertions,
)
from tests.conftest import build_tree, make_image
from topics.models import TopicIndexPage, TopicPage
from updates.models import UpdateIndexPage, UpdatePage


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.update = cls.tree.add_update("An update", [cls.tree.migrants])
        cls.story = cls.tree.add_story("A story", [cls.tree.migrants])

    def setUp(self):
        # Signed in without a password check (Wagtail's login() sends no request, which the
        # throttled sign-in needs).
        self.client.force_login(self.create_superuser("admin"))

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(TopicIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(UpdateIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage})
        self.assertAllowedParentPageTypes(UpdatePage, {UpdateIndexPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(
            HomePage, {TopicIndexPage, UpdateIndexPage, StoryIndexPage, StandardPage}
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedSubpageTypes(TopicIndexPage, {TopicPage})
        self.assertAllowedSubpageTypes(UpdateIndexPage, {UpdatePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        for leaf in (TopicPage, UpdatePage, StoryPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_each_index_page_exists_once_per_site(self):
        home = self.tree.home
        for index_class in (TopicIndexPage, UpdateIndexPage, StoryIndexPage):
            with self.subTest(index=index_class.__name__):
                self.assertFalse(index_class.can_create_at(home))
        self.assertTrue(TopicIndexPage.can_create_at(another_home(self.tree)))

    def test_editor_can_create_a_home_page_and_its_three_sections(self):
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            builder_for(HomePage).form_data(
                self.tree,
                title="ISHR in French",
                slug="fr",
                intro="Bienvenue.",
                body=paragraph("Welcome."),
            ),
        )
        new_home = HomePage.objects.get(slug="fr")
        for index_class, slug in [
            (TopicIndexPage, "priorites"),
            (UpdateIndexPage, "actualites"),
            (StoryIndexPage, "temoignages"),
        ]:
            with self.subTest(index=index_class.__name__):
                self.assertCanCreate(
                    new_home,
                    index_class,
                    builder_for(index_class).form_data(self.tree, title=slug.title(), slug=slug),
                )

    def test_editor_can_create_a_topic_page_with_every_body_block(self):
        image = make_image("Body image")
        self.assertCanCreate(
            self.tree.topic_index,
            TopicPage,
            nested_form_data(
                {
                    "title": "Business and human rights",
                    "slug": "business-and-human-rights",
                    "hero_image": image.pk,
                    "intro": "Companies must respect rights.",
                    "updates_count": 4,
                    "stories_count": 3,
                    "body": streamfield(
                        [
                            ("heading2", "Why it matters"),
                            ("heading3", "At the UN"),
                            ("paragraph", rich_text("<p>Text.</p>")),
                            ("quote", {"quote": "Words.", "attribution": "A defender"}),
                            ("image", {"image": image.pk, "caption": "A caption"}),
                            (
                                "call_to_action",
                                {
                                    "heading": "Act",
                                    "text": "Now.",
                                    "button_label": "Go",
                                    "page": "",
                                    "external_url": "https://example.org/",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )

    def test_editor_can_create_an_update_tagged_to_topics(self):
        mauritania = CountryOrRegion.objects.create(name="Mauritania", slug="mauritania")
        self.assertCanCreate(
            self.tree.update_index,
            UpdatePage,
            builder_for(UpdatePage).form_data(
                self.tree,
                title="ACHPR 73: Mauritania",
                slug="achpr-73-mauritania",
                date="2022-11-03",
                update_type=self.tree.statement.pk,
                topics=[self.tree.migrants.pk, self.tree.women.pk],
                countries=[mauritania.pk],
            ),
        )
        created = UpdatePage.objects.get(slug="achpr-73-mauritania")
        self.assertEqual(set(created.topics.all()), {self.tree.migrants, self.tree.women})

    def test_an_update_without_a_topic_cannot_be_saved(self):
        response = self.client.post(
            f"/admin/pages/add/updates/updatepage/{self.tree.update_index.pk}/",
            builder_for(UpdatePage).form_data(self.tree, title="Untagged", topics=[]),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        self.assertFalse(UpdatePage.objects.filter(slug="untagged").exists())

    def test_editor_can_create_a_story(self):
        self.assertCanCreate(
            self.tree.story_index,
            StoryPage,
            builder_for(StoryPage).form_data(
                self.tree, title="Standing with migrant workers", defender_name="Amina"
            ),
        )

    def test_topic_preview_shows_the_listing_as_it_will_look(self):
        self.tree.add_update("Listed in the preview", [self.tree.migrants])
        preview_url = f"/admin/pages/{self.tree.migrants.pk}/edit/preview/"
        self.client.post(
            preview_url, builder_for(TopicPage).form_data(self.tree, self.tree.migrants)
        )

        response = self.client.get(preview_url, {"mode": ""})

        self.assertContains(response, "Listed in the preview")
        self.assertContains(response, "Check out all the latest updates to this topic")


# --- Every page type ---------------------------------------------------------------------


def test_every_page_type_has_a_builder():
    """A new page type needs a builder in tests/builders.py: then every test below covers it."""
    missing = [label(model) for model in PAGE_MODELS if model not in BUILDERS]
    assert not missing, f"No builder in tests/builders.py for: {', '.join(missing)}"
    assert set(BUILDERS) == set(PAGE_MODELS), "a builder for a page type that no longer exists"
    # The discovery finds the project's page types, and only them.
    assert Page not in PAGE_MODELS
    assert {
        HomePage,
        StandardPage,
        TopicIndexPage,
        TopicPage,
        UpdateIndexPage,
        UpdatePage,
        StoryIndexPage,
        StoryPage,
    } <= set(PAGE_MODELS)


@every_page_type()
def test_each_builder_makes_a_live_page_of_its_type_in_the_site(tree, page_model):
    page = build(page_model, tree)

    assert type(page) is page_model and page.live
    assert page.get_site() == tree.site
    if page != tree.home:
        assert page.get_parent().specific_class in page_model.allowed_parent_page_models()
    assert page_model.can_create_at(builder_for(page_model).parent(tree))


# Each page type with each type of page it may be created under.
UNDER_EACH_ALLOWED_PARENT = [
    (model, parent_model)
    for model in PAGE_MODELS
    for parent_model in model.allowed_parent_page_models()
]


@pytest.mark.parametrize(
    ("page_model", "parent_model"),
    UNDER_EACH_ALLOWED_PARENT,
    ids=[f"{label(model)}-under-{label(parent)}" for model, parent in UNDER_EACH_ALLOWED_PARENT],
)
def test_every_page_type_can_be_created_in_the_admin_under_each_allowed_parent(
    tree, page_model, parent_model, admin_client
):
    builder = builder_for(page_model)
    parent = builder.parent(tree)
    if parent.specific_class is not parent_model:
        parent = build(parent_model, tree)
    data = builder.form_data(tree)

    wagtail_assertions(admin_client).assertCanCreate(parent, page_model, data)

    created = page_model.objects.child_of(parent).get(slug=data["slug"])
    assert created.live and created.title == data["title"]


@every_page_type()
def test_every_page_type_is_routable_and_renders_for_visitors(tree, page_model, client):
    page = build(page_model, tree)
    wagtail = wagtail_assertions(client)

    wagtail.assertPageIsRoutable(page)
    wagtail.assertPageIsRenderable(page)
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["page"] == page


@every_preview_mode()
def test_every_page_type_previews_in_each_of_its_modes(
    tree, page_model, mode, admin_client, admin_user
):
    page = build(page_model, tree)
    assert mode in [name for name, _ in page.preview_modes]
    data = builder_for(page_model).form_data(tree, page)

    wagtail_assertions(admin_client).assertPageIsPreviewable(page, mode=mode, post_data=data)

    admin_client.force_login(admin_user)  # Wagtail's assertion logs its own superuser out
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert admin_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url, {"mode": mode})
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


@every_preview_mode()
def test_every_page_type_previews_before_it_is_first_saved(tree, page_model, mode, admin_client):
    builder = builder_for(page_model)
    parent = builder.parent(tree)
    meta = page_model._meta
    url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/preview/"
    data = builder.form_data(tree)

    response = admin_client.post(url, data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url, {"mode": mode})
    assert response.status_code == 200
    assert data["title"] in response.content.decode()


@every_page_type()
def test_every_page_type_has_an_admin_edit_view(tree, page_model, admin_client):
    page = build(page_model, tree)

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
