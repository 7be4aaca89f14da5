"""Search in the visitor's language: /fr/search/ finds the French pages, with the language's
stemming (French and Spanish text search configurations on PostgreSQL, the Porter stemmer on
SQLite), so that a plural finds the singular and the reverse; and an update is found by what it
is tagged with: its session, its mechanism's acronym, its countries and regions."""

import re
from html import unescape

from django.db import connection

from wagtail.models import Locale

import pytest

from core.models import CountryOrRegion
from search.backends import text_search_config
from tests.conftest import Tree, search_index_kept
from tests.snapshots import restore_or_build
from updates.models import Mechanism, MechanismSession

pytestmark = pytest.mark.django_db


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return [
        unescape(title)
        for title in re.findall(
            r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
        )
    ]


@pytest.fixture
def three_languages(tree: Tree):
    """An update in English, its French and Spanish translations, a French draft and an English
    update with no translation."""
    return restore_or_build("three languages", lambda: _build_three_languages(tree))


def _build_three_languages(tree: Tree):
    with search_index_kept():
        for language in ("fr", "es"):
            tree.translate(tree.home, language, title=f"Home {language}")
            tree.translate(tree.update_index, language, title=f"Updates {language}", slug="u")
        update = tree.add_update(
            "Refugee defenders at the border",
            [tree.migrants],
            summary="A refugee defender speaks about the border.",
        )
        tree.translate(
            update,
            "fr",
            title="Les défenseurs des réfugiés à la frontière",
            summary="Un défenseur des réfugiés témoigne de la frontière.",
            slug="defenseurs",
        )
        tree.translate(
            update,
            "es",
            title="Las defensoras de personas refugiadas en la frontera",
            summary="Una defensora habla de la frontera.",
            slug="defensoras",
        )
        draft = tree.add_update("Another border story", [tree.migrants], summary="Border again.")
        tree.translate(draft, "fr", live=False, title="Brouillon : frontière", slug="brouillon")
        return update


@pytest.mark.parametrize(
    ("url", "words", "expected"),
    [
        (
            "/search/",
            ["refugees", "refugee", "Refugees defender"],
            "Refugee defenders at the border",
        ),
        (
            "/fr/search/",
            ["défenseurs", "défenseur", "réfugié", "defenseur"],
            "Les défenseurs des réfugiés à la frontière",
        ),
        (
            "/es/search/",
            ["defensora", "defensoras", "refugiada"],
            "Las defensoras de personas refugiadas en la frontera",
        ),
    ],
)
def test_each_language_finds_its_own_pages_plural_or_singular(
    client, three_languages, url, words, expected
):
    for word in words:
        found = titles(client, url, q=word)
        assert expected in found, (url, word, found)
        if url != "/search/":  # the English topic's name has "refugee" too
            assert found == [expected], (url, word)


def test_a_french_search_finds_no_english_page_and_no_french_draft(client, three_languages):
    assert titles(client, "/fr/search/", q="border") == []
    assert titles(client, "/fr/search/", q="frontière") == [
        "Les défenseurs des réfugiés à la frontière"
    ]
    assert titles(client, "/search/", q="frontière") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's configurations")
def test_postgresql_indexes_each_page_with_its_language_and_folds_accents(three_languages):
    french = three_languages.get_translation(Locale.objects.get(language_code="fr"))
    spanish = three_languages.get_translation(Locale.objects.get(language_code="es"))
    assert text_search_config("fr") == "ishr_french"

    def indexed(page):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title::text || ' ' || body::text FROM wagtailsearch_indexentry "
                "WHERE object_id = %s",
                [str(page.pk)],
            )
            return cursor.fetchone()[0]

    assert "'defenseur'" in indexed(french)  # "défenseurs": French stem, no accent
    assert "'refug'" in indexed(french)  # "réfugiés"
    assert "'defensor'" in indexed(spanish)  # "defensoras": Spanish stem
    assert "'refuge'" in indexed(three_languages)  # "Refugee": English stem


@pytest.fixture
def tagged_update(tree, three_languages):
    hrc = Mechanism.objects.create(acronym="HRC", name="Human Rights Council")
    french_hrc = hrc.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_hrc.acronym, french_hrc.name = "CDH", "Conseil des droits de l'homme"
    french_hrc.save()
    session = MechanismSession.objects.create(name="HRC51", mechanism=hrc)
    spain = CountryOrRegion.objects.create(name="Spain", slug="spain")
    europe = CountryOrRegion.objects.create(name="Europe", slug="europe", kind="region")
    french_spain = spain.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_spain.name = "Espagne"
    french_spain.save()
    update = tree.add_update(
        "Impunity at the fence",
        [tree.women],
        mechanism=hrc,
        session=session,
        countries=[spain, europe],
        summary="Deaths without accountability.",
    )
    update.save_revision().publish()  # as editors publish it: tags saved, then indexed
    tree.translate(
        update, "fr", title="Impunité à la clôture", slug="impunite", mechanism=french_hrc
    )
    return update


def test_an_update_is_found_by_its_session_mechanism_and_places(client, tagged_update):
    for words in ("HRC51", "hrc51", "HRC", "Human Rights Council", "Spain", "Europe"):
        assert titles(client, "/search/", q=words) == ["Impunity at the fence"], words


def test_a_french_update_is_found_by_its_tags_in_french_and_english(client, tagged_update):
    for words in ("HRC51", "CDH", "HRC", "Espagne", "Spain", "Europe"):
        assert titles(client, "/fr/search/", q=words) == ["Impunité à la clôture"], words


def test_a_topics_own_page_ranks_first_for_its_name(client, tree):
    for n in range(3):
        tree.add_update(
            f"Migrant and refugee rights: news {n}",
            [tree.migrants],
            summary="Migrant and refugee rights, migrant and refugee rights, again.",
        )

    assert titles(client, "/search/", q="Migrant and refugee rights")[0] == (
        "Migrant and refugee rights"
    )


def test_a_search_without_results_offers_the_same_words_in_the_other_languages(
    client, three_languages
):
    html = client.get("/fr/search/", {"q": "Kenya"}).content.decode()

    suggestion = re.search(r"Chercher dans les pages d'une autre langue.*?</li>", html, re.S)
    assert suggestion, "no suggestion to search the other languages"
    assert re.findall(r'<a href="([^"]+)" lang="(\w+)"', suggestion.group(0)) == [
        ("/search/?q=Kenya", "en"),
        ("/es/search/?q=Kenya", "es"),
    ]
