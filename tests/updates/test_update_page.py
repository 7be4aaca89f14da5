"""The update page: its type, date, topics, countries, mechanism and image credits, its related
updates, and the tagging rules editors meet."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from tests.conftest import make_image
from updates.models import Mechanism, UpdateType

pytestmark = pytest.mark.django_db


def test_update_page_shows_its_type_date_topics_countries_mechanism_and_credits(
    client, tree, tagging
):
    update = tree.add_update(
        "ACHPR 73: Mauritania should protect defenders",
        [tree.migrants, tree.women],
        date=datetime.date(2022, 11, 3),
        update_type=tree.statement,
        mechanism=tagging.achpr,
        session=tagging.achpr73,
        listing_image=make_image("Banjul session", credit="© Photo: ISHR"),
        body=[("paragraph", "<p>The Commission examined the report.</p>")],
    )
    update.countries = [tagging.mauritania]
    update.save_revision().publish()

    html = client.get(update.url).content.decode()

    assert "Statement" in html
    assert '<time datetime="2022-11-03">3 November 2022</time>' in html
    assert f'<a href="{tree.migrants.url}">Migrant and refugee rights</a>' in html
    assert f'<a href="{tree.women.url}">Women human rights defenders</a>' in html
    assert "Mauritania" in html
    assert "African Commission on Human and Peoples&#x27; Rights (ACHPR)" in html
    assert "session ACHPR 73" in html
    assert "The Commission examined the report." in html
    assert "© Photo: ISHR" in html


def test_update_page_shows_up_to_three_related_live_updates_from_its_topics(client, tree):
    update = tree.add_update("This update", [tree.migrants], date=datetime.date(2024, 6, 1))
    for day in range(1, 5):
        tree.add_update(f"Related {day}", [tree.migrants], date=datetime.date(2024, 1, day))
    tree.add_update("Related draft", [tree.migrants], live=False, date=datetime.date(2024, 5, 1))
    tree.restrict(tree.add_update("Related private", [tree.migrants]))
    tree.add_update("Other topic", [tree.women], date=datetime.date(2024, 5, 5))

    html = client.get(update.url).content.decode()
    related = html.split('id="related-heading"', 1)[1]

    assert [t for t in ["Related 4", "Related 3", "Related 2"] if t in related] == [
        "Related 4",
        "Related 3",
        "Related 2",
    ]
    for absent in ["Related 1", "Related draft", "Related private", "Other topic", "This update<"]:
        assert absent not in related


def test_a_session_of_another_mechanism_is_refused(tree, tagging):
    hrc = Mechanism.objects.create(name="Human Rights Council", acronym="HRC")
    update = tree.add_update("Mismatch", [tree.migrants])
    update.mechanism = hrc
    update.session = tagging.achpr73

    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "session" in error.value.message_dict


def test_choosing_a_session_fills_in_its_mechanism(tree, tagging):
    update = tree.add_update("Session only", [tree.migrants])
    update.session = tagging.achpr73

    update.full_clean()

    assert update.mechanism == tagging.achpr


def test_deleting_an_update_type_used_only_by_a_draft_keeps_the_update_editable(
    admin_client, tree
):
    update = tree.add_update("Published", [tree.migrants])
    temporary = UpdateType.objects.create(name="Temporary", slug="temporary")
    update.update_type = temporary
    update.save_revision()  # a draft that uses the new type; the live row keeps "News"

    temporary.delete()

    assert admin_client.get(f"/admin/pages/{update.pk}/edit/").status_code == 200
    assert admin_client.get(update.url).status_code == 200


def test_a_related_update_sharing_several_topics_shows_once(client, tree):
    update = tree.add_update("This update", [tree.migrants, tree.women])
    tree.add_update("Shares both topics", [tree.migrants, tree.women])

    html = client.get(update.url).content.decode()

    related = html.split('id="related-heading"', 1)[1]
    assert related.count(">Shares both topics</a>") == 1
