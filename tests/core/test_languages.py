"""The site in three languages: English at the root, French under /fr/ and Spanish under /es/,
each with its own tree; a language switcher on every page that leads to the translation or,
when there is none, to that language's home with a word saying so; hreflang alternates in the
head and the sitemap; the page's own language in <html lang>. Drafts and private translations
are never linked."""

import datetime
import re
from types import SimpleNamespace
from xml.etree import ElementTree

from django.template import Context, Template
from django.utils import translation

from wagtail.models import Locale

import pytest

from tests.conftest import make_image, search_index_kept
from tests.snapshots import restore_or_build

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def french(tree):
    """French translations of the home page, the sections and the migrants topic, built once
    per test process and written back for each test (``tests/snapshots.py``), indexed for the
    search."""
    return restore_or_build("french", lambda: translate_into_french(tree))


def translate_into_french(tree):
    with search_index_kept():
        home = tree.translate(
            tree.home, "fr", title="Service international pour les droits humains"
        )
        topics = tree.translate(
            tree.topic_index, "fr", title="Nos priorités", slug="nos-priorites"
        )
        tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
        tree.translate(tree.story_index, "fr", title="Récits de défenseurs", slug="recits")
        migrants = tree.translate(
            tree.migrants,
            "fr",
            title="Droits des personnes migrantes et réfugiées",
            slug="droits-des-migrants",
        )
    return SimpleNamespace(home=home, topics=topics, migrants=migrants)


def switcher(response):
    """The switcher's links: (language, href, name, aria-current) in page order."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    return [
        (lang, href.replace("&amp;", "&"), name, current)
        for href, lang, current, name in re.findall(
            r'<a class="language-switcher__link" href="([^"]*)" lang="(\w+)" hreflang="\w+"'
            r'( aria-current="true")?>([^<]*)</a>',
            nav.group(0),
        )
    ]


def hreflangs(response):
    return re.findall(
        r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', response.content.decode()
    )


def test_french_and_spanish_locales_exist_beside_english():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr", "es"}


def test_the_french_tree_answers_under_fr_in_french(client, tree, french):
    response = client.get("/fr/nos-priorites/droits-des-migrants/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert response["Content-Language"] == "fr"
    assert response.context["page"] == french.migrants
    assert client.get("/fr/").context["page"] == french.home
    # English stays at the root, in English.
    english = client.get("/topics/migrant-and-refugee-rights/")
    assert '<html lang="en">' in english.content.decode()
    assert english.context["page"] == tree.migrants


def test_the_header_lists_the_sections_of_the_pages_language(client, tree, french):
    html = client.get("/fr/nos-priorites/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)

    assert 'href="/fr/nos-priorites/"' in nav and ">Nos priorités<" in nav
    assert 'href="/fr/actualites/"' in nav
    assert 'href="/topics/"' not in nav


def test_the_switcher_leads_to_each_translation_named_in_its_own_language(client, tree, french):
    response = client.get("/topics/migrant-and-refugee-rights/")

    assert switcher(response) == [
        ("en", "/topics/migrant-and-refugee-rights/", "English", ' aria-current="true"'),
        ("fr", "/fr/nos-priorites/droits-des-migrants/", "Français", ""),
        ("es", "/es/?untranslated=en", "Español", ""),
    ]


def test_a_missing_translation_leads_home_with_a_word_that_it_is_not_translated(
    client, tree, french
):
    response = client.get("/fr/nos-priorites/droits-des-migrants/")
    [spanish] = [link for link in switcher(response) if link[0] == "es"]
    assert spanish[1] == "/es/?untranslated=fr"

    home = client.get(spanish[1])

    assert home.status_code == 200
    assert home.context["page"] == tree.home  # no Spanish home yet: Wagtail shows the English one
    assert 'role="status"' in home.content.decode()
    assert "not translated into Spanish yet" in home.content.decode()
    french_notice = client.get("/fr/", {"untranslated": "es"}).content.decode()
    assert "La page que vous lisiez n’est pas encore traduite en français." in french_notice
    # Only a known language other than the page's own says so.
    for value in ("xx", "<script>", "en" * 100):
        assert 'role="status"' not in client.get("/", {"untranslated": value}).content.decode()


def test_a_draft_or_private_translation_is_never_linked(client, tree, french):
    women_fr = tree.translate(tree.women, "fr", live=False, title="Brouillon", slug="brouillon")
    tree.translate(tree.home, "es", title="Servicio Internacional para los Derechos Humanos")
    private = tree.translate(tree.update_index, "es", title="Privado", slug="privado")
    tree.restrict(private)

    women = client.get(tree.women.url)
    updates = client.get(tree.update_index.url)

    assert "brouillon" not in women.content.decode()
    assert [link[1] for link in switcher(women)][1] == "/fr/?untranslated=en"
    assert "privado" not in updates.content.decode()
    assert ("es", "/es/?untranslated=en") in [link[:2] for link in switcher(updates)]
    assert [code for code, _url in hreflangs(updates)] == ["en", "fr", "x-default"]
    assert "brouillon" not in client.get("/sitemap-pages.xml").content.decode()
    assert "privado" not in client.get("/sitemap-pages.xml").content.decode()
    assert not women_fr.live


def test_a_listing_keeps_its_filters_in_the_other_language_but_nothing_else(client, tree, french):
    response = client.get(
        tree.update_index.url, {"topic": "women-defenders", "utm_source": "x", "page": "1"}
    )

    [_, fr, _] = switcher(response)
    assert fr[1] == "/fr/actualites/?topic=women-defenders"


def test_search_keeps_its_words_in_the_other_language(client, tree, french):
    response = client.get("/search/", {"q": "refugees", "utm_source": "x"})

    assert [link[1] for link in switcher(response)] == [
        "/search/?q=refugees",
        "/fr/search/?q=refugees",
        "/es/search/?q=refugees",
    ]


def test_every_translation_is_an_hreflang_alternate_with_english_as_default(client, tree, french):
    response = client.get("/fr/nos-priorites/droits-des-migrants/")

    english, french_topic = tree.migrants.full_url, french.migrants.full_url
    assert french_topic.endswith("/fr/nos-priorites/droits-des-migrants/")
    assert hreflangs(response) == [("en", english), ("fr", french_topic), ("x-default", english)]
    assert hreflangs(client.get(tree.women.url)) == []  # in one language only


def test_the_sitemap_lists_every_language_with_its_alternates(
    client, tree, french, django_assert_max_num_queries
):
    client.get("/sitemap-pages.xml")
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap-pages.xml")

    urls = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in ElementTree.fromstring(response.content).findall(f"{SITEMAP}url")
    }
    french_topic, english_topic = french.migrants.full_url, tree.migrants.full_url
    assert urls[french_topic] == {
        "en": english_topic,
        "fr": french_topic,
        "x-default": english_topic,
    }
    assert urls[english_topic] == urls[french_topic]
    assert urls[tree.women.full_url] == {}
    assert french.home.full_url in urls


def test_a_preview_of_a_french_draft_is_in_french_in_an_english_admin(admin_client, tree, french):
    draft = tree.translate(tree.women, "fr", live=False, title="Défenseuses", slug="defenseuses")

    response = admin_client.get(f"/admin/pages/{draft.pk}/view_draft/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def cards(response):
    """(title, lang or None, badge or None) of each card of the latest updates."""
    html = response.content.decode()
    section = re.search(r'id="latest-updates-heading".*?</section>', html, re.S).group(0)
    return [
        (
            re.search(r'class="card__title"><a [^>]*>([^<]*)<', card).group(1),
            lang or None,
            (badge := re.search(r'class="card__language">([^<]*)<', card)) and badge.group(1),
        )
        for lang, card in re.findall(
            r'<article class="card[^"]*"(?: lang="(\w+)")?>(.*?)</article>', section, re.S
        )
    ]


def test_a_french_topic_lists_french_updates_and_the_others_marked_in_their_language(
    client, tree, french
):
    translated = tree.add_update("Translated", [tree.migrants], date=datetime.date(2024, 5, 1))
    tree.translate(translated, "fr", title="Traduite", slug="traduite")
    english_only = tree.add_update("English only", [tree.migrants], date=datetime.date(2024, 4, 1))
    with_draft = tree.add_update(
        "Draft in French", [tree.migrants], date=datetime.date(2024, 3, 1)
    )
    tree.translate(with_draft, "fr", live=False, title="Brouillon", slug="brouillon")
    with_private = tree.add_update(
        "Private in French", [tree.migrants], date=datetime.date(2024, 2, 1)
    )
    tree.restrict(tree.translate(with_private, "fr", title="Privée", slug="privee"))
    tree.add_update("English draft", [tree.migrants], live=False)
    tree.add_update("Other topic", [tree.women])

    french_cards = cards(client.get(french.migrants.url))
    english_cards = cards(client.get(tree.migrants.url))

    assert french_cards == [
        ("Traduite", None, None),
        ("English only", "en", "English"),
        ("Draft in French", "en", "English"),
        ("Private in French", "en", "English"),
    ]
    assert english_cards == [
        ("Translated", None, None),
        ("English only", None, None),
        ("Draft in French", None, None),
        ("Private in French", None, None),
    ]
    assert english_only.live


def card_titles(response):
    return re.findall(r'class="card__title"><a [^>]*>([^<]*)<', response.content.decode())


def test_french_sections_and_home_list_french_pages_and_the_others_in_english(
    client, tree, french
):
    translated = tree.add_update("Translated", [tree.migrants], date=datetime.date(2024, 5, 1))
    tree.translate(translated, "fr", title="Traduite", slug="traduite")
    tree.add_update("English only", [tree.women], date=datetime.date(2024, 4, 1))
    with_draft = tree.add_update("Draft in French", [tree.women], date=datetime.date(2024, 3, 1))
    tree.translate(with_draft, "fr", live=False, title="Brouillon", slug="brouillon")

    updates = client.get("/fr/actualites/")
    topics = client.get("/fr/nos-priorites/")
    home = client.get("/fr/")

    assert card_titles(updates) == ["Traduite", "English only", "Draft in French"]
    assert card_titles(topics) == [
        "Droits des personnes migrantes et réfugiées",
        "Women human rights defenders",
    ]
    for title in ("Traduite", "English only", "Droits des personnes migrantes et réfugiées"):
        assert title in card_titles(home)
    for response in (updates, topics, home):
        assert "Brouillon" not in response.content.decode()
        assert "Translated<" not in response.content.decode()
    assert card_titles(client.get(tree.update_index.url)) == [
        "Translated",
        "English only",
        "Draft in French",
    ]


def test_a_topic_filter_follows_the_language_and_finds_the_updates_tagged_in_any(
    client, tree, french
):
    french_update = tree.add_update("Translated", [tree.migrants], date=datetime.date(2024, 5, 1))
    tree.translate(french_update, "fr", title="Traduite", slug="traduite")
    tree.add_update("English only", [tree.migrants], date=datetime.date(2024, 4, 1))
    tree.add_update("Other topic", [tree.women], date=datetime.date(2024, 3, 1))
    english = client.get(tree.update_index.url, {"topic": "migrant-and-refugee-rights"})

    [_, fr, _] = switcher(english)
    assert fr[1] == "/fr/actualites/?topic=migrant-and-refugee-rights"
    french_listing = client.get(fr[1])

    # The topic's English slug chooses its French version there, named and linked in French.
    assert french_listing.status_code == 200
    assert card_titles(french_listing) == ["Traduite", "English only"]
    html = french_listing.content.decode()
    assert '<option value="droits-des-migrants" selected>' in html
    assert (
        'rel="canonical" href="http://localhost/fr/actualites/?topic=droits-des-migrants"' in html
    )
    # And the other way round.
    back = client.get(tree.update_index.url, {"topic": "droits-des-migrants"})
    assert card_titles(back) == ["Translated", "English only"]
    # A topic with no French translation is offered in English there.
    women = client.get("/fr/actualites/", {"topic": "women-defenders"})
    assert card_titles(women) == ["Other topic"]
    assert client.get("/fr/actualites/", {"topic": "no-such-topic"}).status_code == 404


def test_dates_counts_and_page_links_are_in_the_pages_language(client, tree, french):
    translated = tree.add_update("Translated", [tree.migrants], date=datetime.date(2024, 11, 4))
    tree.translate(translated, "fr", title="Traduite", slug="traduite")
    for day in range(1, 11):
        tree.add_update(f"English {day}", [tree.women], date=datetime.date(2024, 2, day))

    html = client.get("/fr/actualites/").content.decode()
    assert '<time datetime="2024-11-04">4 novembre 2024</time>' in html
    # An English card, shown for want of a translation: its date is still written in French.
    assert '<time datetime="2024-02-10" lang="fr">10 février 2024</time>' in html
    pages = re.search(r'<nav class="pagination" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert pages.group(1) == "Pages"
    assert '<a rel="next" href="?page=2">Plus anciens</a>' in pages.group(2)
    assert '<a href="?page=2">2</a>' in pages.group(2)
    filtered = client.get("/fr/actualites/", {"topic": "women-defenders"}).content.decode()
    assert "10 actualités" in filtered

    update_page = client.get("/fr/actualites/traduite/").content.decode()
    assert '<time datetime="2024-11-04">4 novembre 2024</time>' in update_page
    english = client.get(tree.update_index.url).content.decode()
    assert '<time datetime="2024-11-04">4 November 2024</time>' in english


@pytest.mark.search_index
def test_a_protected_storys_translation_is_protected_too(client, tree, french):
    story = tree.add_story(
        "Speaking up despite the risk",
        [tree.migrants],
        defender_name="Awa Koné",
        protect_identity=True,
    )
    stories = tree.story_index.get_translation(Locale.objects.get(language_code="fr"))
    in_french = tree.translate(story, "fr", title="Parler malgré le risque", slug="parler")

    assert in_french.protect_identity
    # Kept out of the French listings (its own page names the defender, as in English) ...
    for url in (stories.url, french.migrants.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Awa Koné" not in response.content.decode(), url
        assert "Parler malgré le risque" in response.content.decode(), url
    # ... out of search engines and of the French search.
    assert client.get(in_french.url)["X-Robots-Tag"] == "noindex"
    assert "Parler" not in client.get("/fr/search/", {"q": "Awa"}).content.decode()


def test_renaming_a_french_page_redirects_its_old_french_address(
    client, tree, french, django_capture_on_commit_callbacks
):
    update = tree.add_update("Kept", [tree.migrants])
    in_french = tree.translate(update, "fr", title="Gardée", slug="ancienne-adresse")
    in_french.slug = "nouvelle-adresse"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail redirects on commit
        in_french.save_revision().publish()

    response = client.get("/fr/actualites/ancienne-adresse/")
    assert response.status_code == 301
    assert response["Location"].endswith("/fr/actualites/nouvelle-adresse/")
    assert client.get("/latest-updates/kept/").status_code == 200


@pytest.mark.parametrize(
    ("language", "updates", "results"),
    [
        ("en", "1,234 updates", "1,234 results for"),
        ("fr", "1\xa0234 actualités", "1\xa0234 résultats pour"),
        ("es", "1\xa0234 novedades", "1\xa0234 resultados para"),
    ],
)
def test_large_counts_are_written_as_each_language_writes_them(tree, language, updates, results):
    with translation.override(language):
        assert tree.update_index.listing_count_text(1234) == updates
        heading = Template(
            "{% load i18n site_tags %}{% blocktrans count counter=n with shown=n|grouped %}"
            "{{ shown }} result for “{{ search_text }}”{% plural %}{{ shown }} results for "
            "“{{ search_text }}”{% endblocktrans %}"
        ).render(Context({"n": 1234, "search_text": "x"}))
    assert heading.startswith(results)


def test_a_call_to_action_leads_to_the_page_in_the_visitors_language(client, tree, french):
    body = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Read on",
                "button_label": "Our priorities",
                "page": tree.topic_index.pk,
            },
        },
        {
            "type": "call_to_action",
            "value": {"heading": "Women", "button_label": "Women", "page": tree.women.pk},
        },
    ]
    tree.migrants.body = body
    tree.migrants.save_revision().publish()
    french.migrants.body = body  # as wagtail-localize leaves a translation's page choices
    french.migrants.save_revision().publish()

    html = client.get(french.migrants.url).content.decode()
    buttons = re.findall(r'<a class="button" href="([^"]+)"([^>]*)>', html)
    # The French topic index; the women defenders' topic has no French translation yet.
    assert buttons == [("/fr/nos-priorites/", ""), (tree.women.url, ' hreflang="en"')]
    english = client.get(tree.migrants.url).content.decode()
    assert re.findall(r'<a class="button" href="([^"]+)"', english) == ["/topics/", tree.women.url]


def test_a_topic_not_translated_yet_is_marked_in_its_language_where_it_is_linked_or_offered(
    client, tree, french
):
    update = tree.add_update("Tagged twice", [tree.migrants, tree.women])
    in_french = tree.translate(update, "fr", title="Étiquetée deux fois", slug="deux")

    facts = re.search(
        r'<dl class="facts">.*?</dl>', client.get(in_french.url).content.decode(), re.S
    )
    links = re.findall(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', facts.group(0))
    assert links == [
        (french.migrants.url, "", "Droits des personnes migrantes et réfugiées"),
        (tree.women.url, ' lang="en" hreflang="en"', "Women human rights defenders"),
    ]
    listing = client.get("/fr/actualites/").content.decode()
    assert '<option value="women-defenders" lang="en">Women human rights defenders</option>' in (
        listing
    )
    assert '<option value="droits-des-migrants">' in listing


def test_a_filtered_or_later_page_of_a_listing_has_no_hreflang_alternates(client, tree, french):
    for number in range(12):
        tree.add_update(f"Update {number}", [tree.migrants])

    assert [code for code, _url in hreflangs(client.get("/fr/actualites/"))] == [
        "en",
        "fr",
        "x-default",
    ]
    for query in ({"page": 2}, {"topic": "droits-des-migrants"}, {"type": "no-such-type"}):
        assert hreflangs(client.get("/fr/actualites/", query)) == [], query


def test_the_switcher_of_a_page_not_found_leads_to_each_languages_home(client, tree, french):
    response = client.get("/fr/actualites/no-such-update/")

    assert response.status_code == 404
    assert [(code, url) for code, url, _name, _current in switcher(response)] == [
        ("en", "/"),
        ("fr", "/fr/"),
        ("es", "/es/"),
    ]


def test_an_images_english_alt_text_and_credit_are_marked_on_french_pages(client, tree, french):
    hero = make_image("Hero", credit="© Photo: A. Photographer")
    tree.migrants.hero_image = hero
    tree.migrants.save_revision().publish()
    french.migrants.hero_image = hero
    french.migrants.save_revision().publish()

    html = client.get(french.migrants.url).content.decode()
    assert re.search(r'<img [^>]*class="hero__image"[^>]*lang="en"', html)
    assert '<span lang="en">© Photo: A. Photographer</span>' in html
    english = client.get(tree.migrants.url).content.decode()
    assert not re.search(r'<img [^>]*class="hero__image"[^>]*lang=', english)
    assert '<span lang="en">' not in english

    hero.language = "fr"  # an editor wrote them in French
    hero.save()
    html = client.get(french.migrants.url).content.decode()
    assert not re.search(r'<img [^>]*class="hero__image"[^>]*lang=', html)
