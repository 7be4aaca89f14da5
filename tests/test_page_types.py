"""The editorial tree: where each page type may go, and that editors can create, route,
render and preview every one of them."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import CountryOrRegion
from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage
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
        self.login()

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
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
        another_home = HomePage(title="Another site", slug="another", intro="Hi.")
        Page.get_first_root_node().add_child(instance=another_home)
        self.assertTrue(TopicIndexPage.can_create_at(another_home))

    def test_editor_can_create_a_home_page_and_its_three_sections(self):
        body = streamfield([("paragraph", rich_text("<p>Welcome.</p>"))])
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data(
                {
                    "title": "ISHR in French",
                    "slug": "fr",
                    "intro": "Bienvenue.",
                    "body": body,
                    "updates_count": 6,
                    "stories_count": 3,
                    "comments": inline_formset([]),
                }
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
                    nested_form_data(
                        {
                            "title": slug.title(),
                            "slug": slug,
                            "intro": "",
                            "comments": inline_formset([]),
                        }
                    ),
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
            nested_form_data(
                {
                    "title": "ACHPR 73: Mauritania",
                    "slug": "achpr-73-mauritania",
                    "date": "2022-11-03",
                    "update_type": self.tree.statement.pk,
                    "summary": "A summary.",
                    "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
                    "comments": inline_formset([]),
                }
            )
            | {
                "topics": [self.tree.migrants.pk, self.tree.women.pk],
                "countries": [mauritania.pk],
            },
        )
        created = UpdatePage.objects.get(slug="achpr-73-mauritania")
        self.assertEqual(set(created.topics.all()), {self.tree.migrants, self.tree.women})

    def test_an_update_without_a_topic_cannot_be_saved(self):
        response = self.client.post(
            f"/admin/pages/add/updates/updatepage/{self.tree.update_index.pk}/",
            nested_form_data(
                {
                    "title": "Untagged",
                    "slug": "untagged",
                    "date": "2024-01-01",
                    "update_type": self.tree.news.pk,
                    "summary": "A summary.",
                    "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
                    "comments": inline_formset([]),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        self.assertFalse(UpdatePage.objects.filter(slug="untagged").exists())

    def test_editor_can_create_a_story(self):
        self.assertCanCreate(
            self.tree.story_index,
            StoryPage,
            nested_form_data(
                {
                    "title": "Standing with migrant workers",
                    "slug": "standing-with-migrant-workers",
                    "defender_name": "Amina",
                    "quote": "A quote.",
                    "summary": "A summary.",
                    "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
                    "comments": inline_formset([]),
                }
            )
            | {"topics": [self.tree.migrants.pk]},
        )

    def preview_data(self, page):
        """What the edit form posts for ``page``: Wagtail renders StreamFields with JavaScript,
        so the data cannot be scraped from the edit view's HTML."""
        body = streamfield([("paragraph", rich_text("<p>Previewed body.</p>"))])
        common = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
        specific = {
            HomePage: {"intro": "Hello.", "body": body, "updates_count": 6, "stories_count": 3},
            TopicIndexPage: {"intro": ""},
            UpdateIndexPage: {"intro": ""},
            StoryIndexPage: {"intro": ""},
            TopicPage: {"intro": "Intro.", "body": body, "updates_count": 4, "stories_count": 3},
            UpdatePage: {
                "date": "2024-01-01",
                "update_type": self.tree.news.pk,
                "summary": "Previewed summary.",
                "body": body,
            },
            StoryPage: {
                "defender_name": "A defender",
                "quote": "A quote.",
                "summary": "A summary.",
                "body": body,
            },
        }[page.specific_class]
        data = nested_form_data(common | specific)
        if page.specific_class in (UpdatePage, StoryPage):
            data["topics"] = [self.tree.migrants.pk]
        return data

    def test_every_page_type_is_routable_renderable_and_previewable(self):
        pages = [
            self.tree.home,
            self.tree.topic_index,
            self.tree.migrants,
            self.tree.update_index,
            self.update,
            self.tree.story_index,
            self.story,
        ]
        for page in pages:
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page, post_data=self.preview_data(page))

    def test_every_page_type_previews_before_it_is_first_saved(self):
        new_home = HomePage(title="New home", slug="new-home", intro="Hi.")
        Page.get_first_root_node().add_child(instance=new_home)
        cases = [
            (Page.get_first_root_node(), HomePage(title="Draft home", slug="draft-home")),
            (new_home, TopicIndexPage(title="Topics", slug="topics")),
            (new_home, UpdateIndexPage(title="Updates", slug="updates")),
            (new_home, StoryIndexPage(title="Stories", slug="stories")),
            (self.tree.topic_index, TopicPage(title="New topic", slug="new-topic")),
            (self.tree.update_index, UpdatePage(title="New update", slug="new-update")),
            (self.tree.story_index, StoryPage(title="New story", slug="new-story")),
        ]
        for parent, page in cases:
            model = type(page)
            meta = model._meta
            url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/preview/"
            with self.subTest(page_type=model.__name__):
                response = self.client.post(url, self.preview_data(page))
                self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
                response = self.client.get(url, {"mode": ""})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)

    def test_topic_preview_shows_the_listing_as_it_will_look(self):
        self.tree.add_update("Listed in the preview", [self.tree.migrants])
        preview_url = f"/admin/pages/{self.tree.migrants.pk}/edit/preview/"
        self.client.post(preview_url, self.preview_data(self.tree.migrants))

        response = self.client.get(preview_url, {"mode": ""})

        self.assertContains(response, "Listed in the preview")
        self.assertContains(response, "Check out all the latest updates to this topic")

    def test_every_page_type_has_an_admin_edit_view(self):
        for page in [self.tree.home, self.tree.migrants, self.update, self.story]:
            with self.subTest(page=page.specific_class.__name__):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
