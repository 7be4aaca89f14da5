"""Update types, mechanisms, countries and regions are translatable snippets: a French page
names them in French, a filter keeps its value in every language (a type's or a place's slug,
a mechanism's English acronym), and an update's translation is tagged in its own language."""

import datetime
import re
from html import unescape
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Locale

import pytest
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from core.models import CountryOrRegion
from stories.models import StoryPage
from tests.conftest import search_index_kept
from tests.snapshots import restore_or_build
from tests.updates.test_update_filters import card_titles, options
from updates.models import Mechanism, MechanismSession, UpdatePage

pytestmark = pytest.mark.django_db


def french_of(obj, **fields):
    """``obj``'s French version (a snippet), with ``fields``."""
    translation = obj.copy_for_translation(Locale.objects.get(language_code="fr"))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def tagged(tree):
    """The French tree's home and updates listing; an update about Mauritania at HRC51,
    translated into French with the French type and mechanism; a statement about Kenya left
    in English; and a French draft of it."""
    return restore_or_build("translated tagging", lambda: _build_tagged(tree))


def _build_tagged(tree):
    with search_index_kept():
        tree.translate(tree.home, "fr", title="Accueil")
        listing = tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
        hrc = Mechanism.objects.create(acronym="HRC", name="Human Rights Council")
        session = MechanismSession.objects.create(name="HRC51", mechanism=hrc)
        mauritania = CountryOrRegion.objects.create(name="Mauritania", slug="mauritania")
        kenya = CountryOrRegion.objects.create(name="Kenya", slug="kenya")
        french = SimpleNamespace(
            news=french_of(tree.news, name="Actualité"),
            hrc=french_of(hrc, acronym="CDH", name="Conseil des droits de l'homme"),
            mauritania=french_of(mauritania, name="Mauritanie"),
        )
        about_mauritania = tree.add_update(
            "Mauritania should protect defenders",
            [tree.migrants],
            mechanism=hrc,
            session=session,
            countries=[mauritania],
        )
        in_french = tree.translate(
            about_mauritania,
            "fr",
            title="La Mauritanie doit protéger les défenseurs",
            slug="mauritanie",
            update_type=french.news,
            mechanism=french.hrc,
        )
        about_kenya = tree.add_update(
            "Kenya: a statement",
            [tree.migrants],
            update_type=tree.statement,
            countries=[kenya],
            date=datetime.date(2023, 6, 1),
        )
        tree.translate(about_kenya, "fr", live=False, title="Kenya : brouillon", slug="kenya")
        return SimpleNamespace(
            listing=listing,
            hrc=hrc,
            session=session,
            french=french,
            about_mauritania=about_mauritania,
            in_french=in_french,
            about_kenya=about_kenya,
        )


def test_the_french_listings_filters_name_everything_in_french_or_else_in_english(client, tagged):
    html = unescape(client.get("/fr/actualites/").content.decode())

    assert options(html, "type")[1:] == [("news", "Actualité"), ("statement", "Statement")]
    assert options(html, "mechanism")[1:] == [("HRC", "CDH – Conseil des droits de l'homme")]
    assert options(html, "country")[1:] == [("kenya", "Kenya"), ("mauritania", "Mauritanie")]
    # What has no French name yet is marked as English.
    assert '<option value="statement" lang="en">Statement</option>' in html
    assert '<option value="kenya" lang="en">Kenya</option>' in html
    assert '<option value="mauritania">Mauritanie</option>' in html
    assert card_titles(html) == [
        "La Mauritanie doit protéger les défenseurs",
        "Kenya: a statement",
    ]


MAURITANIA = ("Mauritania should protect defenders", "La Mauritanie doit protéger")
KENYA = ("Kenya: a statement", "Kenya: a statement")
# A filter's value, and the update each listing shows for it (in English, then in French).
SAME_VALUE_IN_BOTH = {
    "type=news": MAURITANIA,
    "mechanism=HRC": MAURITANIA,
    "mechanism=hrc": MAURITANIA,
    "country=mauritania": MAURITANIA,
    "type=statement&country=kenya": KENYA,
}


def test_a_filter_keeps_its_value_from_one_language_to_the_other(client, tagged):
    for query, (english, french) in SAME_VALUE_IN_BOTH.items():
        for url, expected in (
            (f"/latest-updates/?{query}", english),
            (f"/fr/actualites/?{query}", french),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            titles = card_titles(response.content.decode())
            assert len(titles) == 1 and titles[0].startswith(expected), (url, titles)


def test_a_translated_name_is_not_a_filter_value_and_the_page_says_so_in_french(client, tagged):
    for query in ("mechanism=CDH", "country=mauritanie", "type=actualite"):
        response = client.get(f"/fr/actualites/?{query}")

        assert response.status_code == 404, query
        error = re.search(r'<p class="field__error"[^>]*>([^<]*)</p>', response.content.decode())
        assert error and "Choisissez" in error.group(1), query


def test_a_french_update_names_its_places_and_mechanism_in_french(client, tagged):
    html = client.get(tagged.in_french.url).content.decode()

    assert "<li>Mauritanie</li>" in html
    assert "Conseil des droits de l&#x27;homme (CDH)" in html
    assert "Mauritania" not in re.search(r'<dl class="facts">.*?</dl>', html, re.S).group(0)


def test_an_updates_translation_may_keep_its_english_session_with_the_french_mechanism(tagged):
    tagged.in_french.full_clean()

    tagged.in_french.mechanism = None
    tagged.in_french.full_clean()
    assert tagged.in_french.mechanism == tagged.french.hrc, "the session's, in French"

    tagged.in_french.mechanism = french_of(
        Mechanism.objects.create(acronym="UPR", name="Universal Periodic Review"), acronym="EPU"
    )
    with translation.override("en"), pytest.raises(ValidationError, match="another mechanism"):
        tagged.in_french.full_clean()


def test_the_admin_offers_an_update_the_types_and_mechanisms_of_its_language(tree, tagged):
    form_class = UpdatePage.get_edit_handler().get_form_class()

    french = form_class(instance=tagged.in_french, parent_page=tagged.listing, for_user=None)
    english = form_class(instance=tagged.about_kenya, parent_page=tree.update_index, for_user=None)

    assert list(french.fields["update_type"].queryset) == [tagged.french.news]
    assert list(french.fields["mechanism"].queryset) == [tagged.french.hrc]
    assert set(english.fields["update_type"].queryset) == {tree.news, tree.statement}
    assert list(english.fields["mechanism"].queryset) == [tagged.hrc]
    # Places are always the default language's: translations keep them.
    assert set(french.fields["countries"].queryset.values_list("name", flat=True)) == {
        "Kenya",
        "Mauritania",
    }


def test_a_places_slug_is_the_same_in_every_language_and_unique_in_each(tree):
    kenya = CountryOrRegion.objects.create(name="Kenya", slug="kenya")

    assert SynchronizedField("slug") in get_translatable_fields(CountryOrRegion)
    assert SynchronizedField("slug") in get_translatable_fields(type(tree.news))
    french_of(kenya).full_clean()  # the same slug, in French
    with translation.override("en"), pytest.raises(ValidationError) as error:
        CountryOrRegion(name="Kenya again", slug="kenya", locale=kenya.locale).full_clean()
    assert error.value.messages == [
        "Another country or region of this language has this slug already."
    ]


def test_the_admin_offers_a_french_story_the_french_places(tree, tagged):
    stories = tree.translate(tree.story_index, "fr", title="Récits", slug="recits")
    form_class = StoryPage.get_edit_handler().get_form_class()

    form = form_class(instance=StoryPage(), parent_page=stories, for_user=None)

    assert list(form.fields["country"].queryset) == [tagged.french.mauritania]


def test_a_french_filter_chip_is_written_with_french_punctuation(client, tagged):
    html = client.get("/fr/actualites/", {"type": "news"}).content.decode()

    assert "Type\u00a0: <strong>Actualité</strong>" in html


@pytest.mark.parametrize(
    ("query", "summary"),
    [
        ("type=news", "Filtres (1 appliqué)"),
        ("type=news&mechanism=HRC", "Filtres (2 appliqués)"),
    ],
)
def test_the_french_filters_summary_counts_in_french(client, tagged, query, summary):
    html = client.get(f"/fr/actualites/?{query}").content.decode()

    found = re.search(r'<summary class="filters-disclosure__toggle">([^<]*)</summary>', html)
    assert found and " ".join(unescape(found.group(1)).split()) == summary
