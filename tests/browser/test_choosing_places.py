"""An editor narrows the long list of countries and regions by typing, in a real browser: what
is ticked stays ticked while hidden, Enter does not save the page, Escape shows the whole list
again, and the update is saved with every place ticked."""

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from core.models import CountryOrRegion
from editorial.setup import EDITORS
from tests.conftest import build_tree
from updates.models import UpdatePage

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLACES = [
    "Africa", "Americas", "Asia", "Brazil", "Colombia", "Côte d'Ivoire", "Europe", "Kenya",
    "Mauritania", "Mauritius", "Philippines", "Spain",
]  # fmt: skip


@pytest.fixture
def tree(django_user_model):
    tree = build_tree()
    for name in PLACES:
        CountryOrRegion.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    user = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return tree


def test_typing_narrows_the_places_and_keeps_the_ticked_ones(tree, new_context):
    page = new_context().new_page()
    log_in(page, "edith", "pw")
    page.goto(f"/admin/pages/add/updates/updatepage/{tree.update_index.pk}/")
    places = page.get_by_role("group", name="Countries and regions")
    summary = page.locator("#id_countries-summary")
    page.locator("#id_title").fill("On Mauritania and Kenya")
    page.locator("#id_update_type").select_option(label="Statement")
    page.locator("#id_summary").fill("A summary.")
    page.get_by_label("Migrant and refugee rights").check()

    places.get_by_label("Kenya").check()
    expect(summary).to_have_text("Chosen (1): Kenya")

    search = page.get_by_role("searchbox", name="Countries and regions")
    search.fill("MAU")
    expect(places.get_by_role("checkbox")).to_have_count(2)  # the hidden ones are not counted
    expect(page.get_by_role("status").filter(has_text="Shown")).to_have_text("Shown: 2 of 12.")
    places.get_by_label("Mauritania").check()
    expect(summary).to_have_text("Chosen (2): Kenya, Mauritania")
    search.press("Enter")  # stays on the form, unsaved

    search.fill("cote")  # accents do not matter
    expect(places.get_by_role("checkbox")).to_have_count(1)
    expect(places.get_by_label("Côte d'Ivoire")).not_to_be_checked()
    search.fill("xyz")
    expect(page.get_by_role("status").filter(has_text="Nothing")).to_have_text(
        "Nothing in the list contains “xyz”."
    )

    search.press("Escape")
    expect(search).to_have_value("")
    expect(places.get_by_role("checkbox")).to_have_count(len(PLACES))
    expect(places.get_by_label("Kenya")).to_be_checked()
    assert not UpdatePage.objects.exists(), "Enter saved the page"

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    update = UpdatePage.objects.get()
    saved = update.get_latest_revision_as_object().countries.all()
    assert sorted(place.name for place in saved) == ["Kenya", "Mauritania"]
    # Listed first when the update is edited again.
    boxes = places.get_by_role("checkbox")
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    expect(boxes.nth(2)).not_to_be_checked()
    expect(summary).to_have_text("Chosen (2): Kenya, Mauritania")


def test_a_storys_country_is_one_radio_button_found_by_typing(tree, new_context):
    page = new_context().new_page()
    log_in(page, "edith", "pw")
    page.goto(f"/admin/pages/add/stories/storypage/{tree.story_index.pk}/")
    places = page.get_by_role("radiogroup", name="Country or region")
    summary = page.locator("#id_country-summary")
    expect(places.get_by_label("None")).to_be_checked()
    expect(summary).to_have_text("None chosen.")

    page.get_by_role("searchbox", name="Country or region").fill("ken")
    places.get_by_label("Kenya").check()
    expect(summary).to_have_text("Chosen: Kenya")
    page.get_by_role("searchbox", name="Country or region").fill("non")
    places.get_by_label("None").check()
    expect(summary).to_have_text("None chosen.")
    expect(places.get_by_label("Kenya", exact=True)).not_to_be_checked()
