"""An editor ticks an update's countries and regions in a list of checkboxes that a filter box
narrows (``core.widgets.ChecklistWidget``), not in a multiple select that a click without Ctrl
clears; the form's panels are headed by what they hold."""

from wagtail.admin.panels import MultiFieldPanel
from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from core.models import CountryOrRegion
from stories.models import StoryPage
from tests.builders import builder_for, every_page_type, label
from updates.models import UpdatePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(tree):
    """Kenya, Mauritania and Africa in English, and Mauritania's French version."""
    kenya = CountryOrRegion.objects.create(name="Kenya", slug="kenya")
    mauritania = CountryOrRegion.objects.create(name="Mauritania", slug="mauritania")
    africa = CountryOrRegion.objects.create(name="Africa", slug="africa", kind="region")
    french = mauritania.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Mauritanie"
    french.save()
    return kenya, mauritania, africa, french


def add_url(tree):
    return f"/admin/pages/add/updates/updatepage/{tree.update_index.pk}/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def boxes(soup, name="countries", kind="checkbox"):
    """The checkboxes (or radio buttons) of the field ``name``, in order, as (label, ticked)."""
    return [
        (box.parent.get_text(strip=True), box.has_attr("checked"))
        for box in soup.select(f'input[type={kind}][name="{name}"]')
    ]


def radios(soup, name="country"):
    return boxes(soup, name, "radio")


def filter_box(soup, name):
    """The field's filter box, its label and the group of inputs they name."""
    search = soup.find("input", id=f"id_{name}-filter")
    return search, soup.find("label", attrs={"for": search["id"]}), soup.find(id=f"id_{name}")


def summary(soup, name="countries"):
    return soup.find(id=f"id_{name}-summary").get_text(strip=True)


def test_the_places_are_checkboxes_of_the_default_language_under_a_labelled_filter_box(
    tree, places, editor_client
):
    soup = soup_of(editor_client.get(add_url(tree)))

    assert not soup.select('select[name="countries"]'), "no multiple select"
    assert boxes(soup) == [("Africa", False), ("Kenya", False), ("Mauritania", False)]
    assert summary(soup) == "None chosen."
    # The field's label names the filter box, and the group of boxes.
    search, field_label, group = filter_box(soup, "countries")
    assert search["type"] == "search"
    assert search["aria-controls"] == "id_countries"
    assert field_label.get_text(strip=True) == "Countries and regions"
    assert group["role"] == "group"
    assert group["aria-labelledby"] == field_label["id"]
    # The help text describes the filter box, and the summary follows; the help text promises
    # no box, which shows only with JavaScript on a long list.
    described_by = search["aria-describedby"].split()
    help_text = soup.find(id=described_by[0]).get_text()
    assert "Tick each one the update concerns" in help_text and "box" not in help_text
    assert described_by[1] == "id_countries-summary"
    # The controller and its styles come with the form, as static files.
    assert 'src="/static/editors/checklist.js"' in str(soup)
    assert 'href="/static/editors/checklist.css"' in str(soup)


def test_a_french_update_is_tagged_with_the_default_languages_places_too(
    tree, places, editor_client
):
    """As before: translations keep their English update's places (``CountryOrRegion``)."""
    update = tree.add_update("Kenya", [tree.migrants], countries=[places[0]])
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    french = tree.translate(update, "fr", title="Kenya (fr)", slug="kenya-fr")

    soup = soup_of(editor_client.get(f"/admin/pages/{french.pk}/edit/"))

    assert boxes(soup) == [("Kenya", True), ("Africa", False), ("Mauritania", False)]


def test_ticked_places_are_saved_and_listed_first_when_the_update_is_edited(
    tree, places, editor_client
):
    kenya, mauritania, africa, _ = places
    data = builder_for(UpdatePage).form_data(
        tree, title="On two places", slug="on-two-places", countries=[mauritania.pk, africa.pk]
    )

    response = editor_client.post(add_url(tree), data)

    assert response.status_code == 302
    update = UpdatePage.objects.get(slug="on-two-places")
    assert set(update.get_latest_revision_as_object().countries.all()) == {mauritania, africa}
    soup = soup_of(editor_client.get(f"/admin/pages/{update.pk}/edit/"))
    assert boxes(soup) == [("Africa", True), ("Mauritania", True), ("Kenya", False)]
    assert summary(soup) == "Chosen (2): Africa, Mauritania"


def test_a_mistake_elsewhere_keeps_the_ticked_places_ticked(tree, places, editor_client):
    kenya, mauritania, africa, _ = places
    data = builder_for(UpdatePage).form_data(
        tree, title="Untagged", slug="untagged", topics=[], countries=[kenya.pk, mauritania.pk]
    )

    soup = soup_of(editor_client.post(add_url(tree), data))

    assert "This field is required." in str(
        soup.find(id="id_topics-filter").find_parent(class_="w-field__wrapper")
    )
    assert boxes(soup) == [("Kenya", True), ("Mauritania", True), ("Africa", False)]
    assert summary(soup) == "Chosen (2): Kenya, Mauritania"
    assert not UpdatePage.objects.filter(slug="untagged").exists()


def test_a_story_offers_its_topics_as_a_checklist_too(tree, editor_client):
    soup = soup_of(editor_client.get(f"/admin/pages/add/stories/storypage/{tree.story_index.pk}/"))

    assert soup.find("input", id="id_topics-filter")
    assert ("Migrant and refugee rights", False) in boxes(soup, "topics")


def test_topics_in_another_language_than_the_pages_are_named_with_it(tree, editor_client):
    """Translations keep the topics of the page they were translated from, so every language's
    topics are offered: those in another language say which."""
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.topic_index, "fr", title="Priorités", slug="priorites")
    tree.translate(tree.migrants, "fr", title="Droits des migrants", slug="migrants")

    soup = soup_of(editor_client.get(add_url(tree)))

    topics = [name for name, _ticked in boxes(soup, "topics")]
    assert "Migrant and refugee rights" in topics
    assert "Droits des migrants (French)" in topics
    assert not any("(English)" in topic for topic in topics)


HEADINGS = {
    UpdatePage: [
        "Card and listing: date, type, summary, image",
        "Topics, countries and regions",
        "UN or regional mechanism and session",
    ],
    StoryPage: ["The defender: name, portrait, country, protection"],
}


@every_page_type()
def test_every_group_of_fields_is_headed_by_what_it_holds(tree, admin_client, page_model):
    """Every group of fields has a heading, which the page's edit form shows; those of updates
    and stories name what they hold."""
    panels = [
        panel
        for tab in page_model.get_edit_handler().children
        for panel in tab.children
        # Not Wagtail's own subclasses (PublishingPanel), which show their own titles.
        if type(panel) is MultiFieldPanel
    ]
    assert all(panel.heading for panel in panels), label(page_model)

    page = builder_for(page_model).build(tree)
    soup = soup_of(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    shown = {heading.get_text(" ", strip=True) for heading in soup.select(".w-panel__heading")}
    for heading in [str(panel.heading) for panel in panels] + HEADINGS.get(page_model, []):
        assert heading in shown, (label(page_model), heading, shown)


def story_add_url(tree):
    return f"/admin/pages/add/stories/storypage/{tree.story_index.pk}/"


def test_a_storys_country_is_one_choice_of_the_pages_language_under_a_filter_box(
    tree, places, editor_client
):
    """One list of the places the form accepts, not Wagtail's snippet chooser, which lists
    every language's: a French place chosen there for an English story was refused."""
    soup = soup_of(editor_client.get(story_add_url(tree)))

    assert not soup.select('[data-controller="w-chooser"] input[name="country"]'), "no chooser"
    assert radios(soup) == [
        ("None", True),
        ("Africa", False),
        ("Kenya", False),
        ("Mauritania", False),
    ]
    assert summary(soup, "country") == "None chosen."
    search, field_label, group = filter_box(soup, "country")
    assert search["aria-controls"] == "id_country"
    assert field_label.get_text(strip=True) == "Country or region"
    assert group["role"] == "radiogroup"
    assert group["aria-labelledby"] == field_label["id"]


def test_a_french_story_chooses_among_the_french_places(tree, places, editor_client):
    kenya, mauritania, _africa, french_mauritania = places
    story = tree.add_story("Kenya", [tree.migrants], country=mauritania)
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.story_index, "fr", title="Témoignages", slug="temoignages")
    french = tree.translate(story, "fr", title="Kenya (fr)", slug="kenya-fr")
    # wagtail-localize gives a translation the place's translation, where there is one.
    french.country = french_mauritania
    french.save_revision().publish()

    soup = soup_of(editor_client.get(f"/admin/pages/{french.pk}/edit/"))

    assert radios(soup) == [("Mauritanie", True), ("None", False)]
    assert summary(soup, "country") == "Chosen: Mauritanie"


def test_the_chosen_country_is_saved_and_shown_first(tree, places, editor_client):
    kenya = places[0]
    data = builder_for(StoryPage).form_data(
        tree, title="From Kenya", slug="from-kenya", country=kenya.pk
    )

    response = editor_client.post(story_add_url(tree), data)

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="from-kenya")
    assert story.get_latest_revision_as_object().country == kenya
    soup = soup_of(editor_client.get(f"/admin/pages/{story.pk}/edit/"))
    assert radios(soup)[0] == ("Kenya", True)
    assert summary(soup, "country") == "Chosen: Kenya"


def test_a_place_of_another_language_is_refused_with_the_rest_kept(tree, places, editor_client):
    french_mauritania = places[3]
    data = builder_for(StoryPage).form_data(
        tree, title="From Mauritania", slug="from-mauritania", country=french_mauritania.pk
    )

    soup = soup_of(editor_client.post(story_add_url(tree), data))

    wrapper = soup.find(id="id_country-filter").find_parent(class_="w-field__wrapper")
    assert "Select a valid choice" in wrapper.get_text()
    assert soup.find("input", attrs={"name": "title"})["value"] == "From Mauritania"
    assert ("None", False) in radios(soup)
    assert not StoryPage.objects.filter(slug="from-mauritania").exists()
