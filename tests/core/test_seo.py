"""Every page tells search engines and social networks what it is: a meta description, a
canonical address, Open Graph and Twitter Card tags with a sharing image of the right size, and
JSON-LD structured data (the organisation on the home page, articles for updates and stories,
breadcrumbs below the home page), without ever naming a protected defender."""

import datetime
import json
from types import SimpleNamespace

from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from core import seo
from core.locales import language_of
from core.models import CountryOrRegion, SiteSettings
from core.navigation import site_sections
from core.seo import SHARING_IMAGE_FILTER, json_for_script, og_locale, plain_description
from home.models import StandardPage
from sharing.models import ShareLink
from stories.models import StoryPage
from tests.builders import PAGE_MODELS, build, every_page_type
from tests.conftest import make_image
from updates.models import UpdatePage

pytestmark = pytest.mark.django_db

SITE = "http://localhost"  # the default site's root URL in the tests

# The page types that are articles for search engines and social networks; every other type
# is a website page.
ARTICLES = {UpdatePage, StoryPage}


def with_field(name):
    """The page types that have a field called ``name``."""
    return [model for model in PAGE_MODELS if name in {f.name for f in model._meta.get_fields()}]


# The page types that sit below a home page: all but those that may be a site's root.
BELOW_THE_HOME_PAGE = [
    model for model in PAGE_MODELS if Page not in model.allowed_parent_page_models()
]


def read(response):
    """What a response's <head> says about the page, and its visible breadcrumbs."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    meta = {}
    for tag in soup.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            assert key not in meta, f"{key} appears twice"
            meta[key] = tag.get("content")
    canonical = soup.head.find_all("link", rel="canonical")
    assert len(canonical) <= 1
    json_ld = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    nav = soup.find("nav", class_="breadcrumbs")  # named "Breadcrumb" in the page's language
    crumbs = [
        (link.get_text(strip=True), link.get("href"), link.get("aria-current"))
        for link in (nav.find_all(["a", "span"]) if nav else [])
    ]
    return SimpleNamespace(
        html=response.content.decode(),
        head=str(soup.head),
        meta=meta,
        canonical=canonical[0]["href"] if canonical else None,
        json_ld=json_ld,
        types=[item["@type"] for item in json_ld],
        crumbs=crumbs,
    )


def of_type(page, schema_type):
    (item,) = [item for item in page.json_ld if item["@type"] == schema_type]
    return item


def trail_data(page):
    """The names in the page's BreadcrumbList: its ancestors, then the page itself."""
    return [item["name"] for item in of_type(page, "BreadcrumbList")["itemListElement"]]


def photo(title="Photo", **fields):
    """A small photo: renditions of it are quick to make. Shared at 160×84, cropped to the
    proportions of Open Graph's 1200×630 without being enlarged."""
    return make_image(title, size=(160, 90), **fields)


def shared(image):
    """The address the page gives for sharing ``image`` (files have random names: an address
    says nothing of which image it is)."""
    return f"{SITE}{image.get_rendition(SHARING_IMAGE_FILTER).url}"


@pytest.fixture
def default_image(tree):
    image = photo("Default sharing image", alt_text="The ISHR logo on a blue background")
    site_settings = SiteSettings.for_site(tree.site)
    site_settings.default_social_image = image
    site_settings.save()
    return image


@pytest.fixture
def standard_page(tree):
    return build(
        StandardPage, tree, title="Privacy notice", slug="privacy", intro="How we use your data."
    )


@pytest.fixture
def stories(tree):
    country = CountryOrRegion.objects.create(name="Côte d'Ivoire", slug="cote-divoire")
    protected = tree.add_story(
        "Speaking up despite the risk",
        [tree.migrants],
        defender_name="Awa Koné",
        country=country,
        portrait=photo("Portrait of Awa", alt_text="Awa at a meeting"),
        summary="A defender of migrants' rights keeps working under threat.",
        protect_identity=True,
    )
    open_story = tree.add_story(
        "A lawyer for people on the move",
        [tree.migrants],
        defender_name="Moussa Traoré",
        country=country,
        portrait=photo("Portrait of Moussa", alt_text="Moussa in his office"),
    )
    return SimpleNamespace(protected=protected, open=open_story, country=country)


# --- Meta description --------------------------------------------------------------------


def test_the_editors_search_description_comes_first(tree, client):
    update = tree.add_update(
        "An update", [tree.migrants], search_description="What search engines show."
    )
    page = read(client.get(update.url))
    assert page.meta["description"] == "What search engines show."
    assert page.meta["og:description"] == "What search engines show."
    assert page.meta["twitter:description"] == "What search engines show."


def test_without_a_search_description_an_update_is_described_by_its_summary(tree, client):
    update = tree.add_update("An update", [tree.migrants], summary="The council acted.")
    assert read(client.get(update.url)).meta["description"] == "The council acted."


def test_without_a_search_description_a_story_is_described_by_its_summary(stories, client):
    page = read(client.get(stories.protected.url))
    assert page.meta["description"] == "A defender of migrants' rights keeps working under threat."


@every_page_type(models=with_field("intro"))
def test_every_page_type_with_an_introduction_is_described_by_it(tree, client, page_model):
    page = build(page_model, tree)
    page.intro = f"The introduction of {page.title}."
    page.save_revision().publish()
    assert read(client.get(page.url)).meta["description"] == f"The introduction of {page.title}."


def test_a_page_with_nothing_to_describe_it_has_no_description(tree, client):
    tree.update_index.intro = ""
    tree.update_index.save_revision().publish()
    page = read(client.get(tree.update_index.url))
    assert "description" not in page.meta
    assert "og:description" not in page.meta


def test_a_long_summary_is_cut_at_a_word_boundary_near_160_characters(tree, client):
    summary = " ".join(["Defenders"] * 40)  # 399 characters
    update = tree.add_update("An update", [tree.migrants], summary=summary)
    description = read(client.get(update.url)).meta["description"]
    assert len(description) <= 160
    assert description.endswith("Defenders…")


def test_descriptions_are_plain_text_on_one_line():
    assert plain_description("A <b>bold</b>\n\n  claim.") == "A bold claim."
    assert plain_description("Short enough.") == "Short enough."
    assert plain_description("") == ""
    assert plain_description("x" * 200) == "x" * 159 + "…"  # one long word: cut inside it
    text = "word " * 32 + "end"  # the 160th character is a space: no word is lost
    assert plain_description(text) == ("word " * 32).strip() + "…"


# --- Canonical address -------------------------------------------------------------------


@every_page_type()
def test_every_page_type_has_a_canonical_address_and_sharing_tags(tree, client, page_model):
    page = build(page_model, tree)
    seen = read(client.get(page.url))
    assert seen.canonical == page.full_url
    assert seen.canonical.startswith(f"{SITE}/")
    assert seen.meta["og:url"] == seen.canonical
    assert seen.meta["og:title"] == page.title
    assert seen.meta["twitter:title"] == page.title
    assert seen.meta["og:site_name"] == "International Service for Human Rights"
    assert seen.meta["og:locale"] == "en_GB"
    assert seen.meta["og:type"] == ("article" if page_model in ARTICLES else "website")
    assert "twitter:site" not in seen.meta  # no account configured


def test_the_canonical_address_ignores_tracking_parameters(tree, client):
    update = tree.add_update("An update", [tree.migrants])
    seen = read(client.get(update.url, {"utm_source": "newsletter", "fbclid": "abc"}))
    assert seen.canonical == update.full_url


def test_a_listings_canonical_address_keeps_only_its_page_number_and_topic(tree, client):
    for number in range(12):
        tree.add_update(f"Update {number}", [tree.migrants])
    listing = tree.update_index.full_url

    assert read(client.get(tree.update_index.url, {"page": "1"})).canonical == listing
    assert read(client.get(tree.update_index.url, {"page": "2"})).canonical == (
        f"{listing}?page=2"
    )
    seen = read(
        client.get(
            tree.update_index.url,
            {"utm_campaign": "x", "page": "2", "topic": "migrant-and-refugee-rights"},
        )
    )
    assert seen.canonical == f"{listing}?topic=migrant-and-refugee-rights&page=2"
    assert seen.meta["og:url"] == seen.canonical
    assert read(client.get(tree.story_index.url, {"page": "1"})).canonical == (
        tree.story_index.full_url
    )
    seen = read(client.get(tree.story_index.url, {"topic": "women-defenders", "x": "y"}))
    assert seen.canonical == f"{tree.story_index.full_url}?topic=women-defenders"


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=99", "topic=nope", "topic=%00", "page=2&page=3", "page=" + "9" * 500],
)
def test_a_listing_with_bad_parameters_has_the_plain_listing_as_canonical(tree, client, query):
    response = client.get(f"{tree.update_index.url}?{query}")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.head.find("link", rel="canonical")["href"] == tree.update_index.full_url


# --- Sharing image -----------------------------------------------------------------------


def test_an_update_is_shared_with_its_photo_at_open_graphs_size(tree, client):
    image = make_image(
        "Council chamber", size=(1280, 720), alt_text="Delegates in the council chamber"
    )
    update = tree.add_update("An update", [tree.migrants], listing_image=image)
    meta = read(client.get(update.url)).meta

    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    assert meta["og:image"] == f"{SITE}{rendition.url}"
    assert meta["og:image"].endswith(".jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:type"] == "image/jpeg"
    assert meta["og:image:alt"] == "Delegates in the council chamber"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:image:alt"] == "Delegates in the council chamber"


def test_the_editors_sharing_image_comes_before_the_pages_own_photo(tree, client, default_image):
    update = tree.add_update(
        "An update",
        [tree.migrants],
        listing_image=photo("Listing photo"),
        social_image=photo("Chosen for sharing"),
    )
    assert read(client.get(update.url)).meta["og:image"] == shared(update.social_image)


@every_page_type(models=with_field("hero_image"))
def test_every_page_type_with_a_hero_photo_is_shared_with_it(
    tree, client, default_image, page_model
):
    page = build(page_model, tree)
    page.hero_image = photo("Hero photo")
    page.save_revision().publish()
    assert read(client.get(page.url)).meta["og:image"] == shared(page.hero_image)


def test_a_page_without_a_photo_is_shared_with_the_sites_default_image(
    tree, client, default_image
):
    meta = read(client.get(tree.add_update("An update", [tree.migrants]).url)).meta
    assert meta["og:image"] == shared(default_image)
    assert meta["og:image:alt"] == "The ISHR logo on a blue background"
    assert meta["twitter:card"] == "summary_large_image"


def test_without_any_image_the_twitter_card_is_a_small_summary(tree, client):
    meta = read(client.get(tree.add_update("An update", [tree.migrants]).url)).meta
    assert not any(key.startswith("og:image") or key == "twitter:image" for key in meta)
    assert meta["twitter:card"] == "summary"


def test_a_small_photo_is_shared_as_large_as_it_is_in_the_same_proportions(tree, client):
    small = make_image("Small photo", size=(400, 300))
    meta = read(client.get(tree.add_update("An update", [tree.migrants], listing_image=small).url))
    assert (meta.meta["og:image:width"], meta.meta["og:image:height"]) == ("400", "210")


def test_an_open_story_is_shared_with_the_defenders_portrait(stories, client, default_image):
    assert read(client.get(stories.open.url)).meta["og:image"] == shared(stories.open.portrait)


# --- Protected defenders -----------------------------------------------------------------


def test_a_protected_story_names_no_defender_country_or_portrait_in_its_metadata(
    stories, client, default_image
):
    portrait = shared(stories.protected.portrait)  # made, as if for another page
    seen = read(client.get(stories.protected.url))
    # The story page itself still tells the story...
    assert "Awa Koné" in seen.html
    # ...but nothing that search engines and social networks read names the defender.
    head_and_data = seen.head + json.dumps(seen.json_ld, ensure_ascii=False) + str(seen.crumbs)
    for secret in ("Awa", "Koné", "Kon\\u00e9", "Côte d", "Ivoire", portrait):
        assert secret not in head_and_data
    assert seen.meta["og:image"] == shared(default_image)
    article = of_type(seen, "Article")
    assert "contentLocation" not in article
    assert all(thing["@type"] != "Person" for thing in article.get("about", []))
    assert seen.meta["robots"] == "noindex"


def test_a_protected_story_is_not_shared_with_the_portrait_even_if_chosen_for_sharing(
    stories, client
):
    stories.protected.social_image = stories.protected.portrait
    stories.protected.save_revision().publish()
    portrait = shared(stories.protected.portrait)
    seen = read(client.get(stories.protected.url))
    assert portrait.removeprefix(SITE) not in seen.head
    assert seen.meta["twitter:card"] == "summary"


def test_an_open_story_names_its_defender_in_its_structured_data(stories, client):
    article = of_type(read(client.get(stories.open.url)), "Article")
    assert {"@type": "Person", "name": "Moussa Traoré"} in article["about"]
    assert article["contentLocation"] == {"@type": "Place", "name": "Côte d'Ivoire"}


# --- Structured data ---------------------------------------------------------------------


def test_the_home_page_describes_the_organisation(tree, client):
    seen = read(client.get(tree.home.url))
    organisation = of_type(seen, "Organization")
    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == "International Service for Human Rights"
    assert organisation["url"] == f"{SITE}/"
    assert organisation["logo"] == f"{SITE}/static/img/logo-512.png"
    assert "BreadcrumbList" not in seen.types
    assert seen.crumbs == []


def test_the_organisation_names_its_profiles_and_contact_from_the_site_settings(tree, client):
    SiteSettings.objects.update_or_create(
        site=tree.site,
        defaults={
            "email": "info@example.org",
            "phone": "+41 22 919 71 00",
            "bluesky_url": "https://bsky.app/profile/ishr.example",
            "linkedin_url": "https://www.linkedin.com/company/ishr-example",
        },
    )

    organisation = of_type(read(client.get(tree.home.url)), "Organization")

    assert organisation["sameAs"] == [
        "https://bsky.app/profile/ishr.example",
        "https://www.linkedin.com/company/ishr-example",
    ]
    assert organisation["email"] == "info@example.org"
    assert organisation["telephone"] == "+41 22 919 71 00"


def test_the_organisations_logo_is_a_raster_image_search_engines_take():
    """Google takes a logo as a raster image of at least 112 by 112 pixels, not as SVG."""
    path = finders.find(seo.LOGO)
    assert path and not path.endswith(".svg")
    with PILImage.open(path) as logo:
        assert logo.format == "PNG"
        assert min(logo.size) >= 112


def test_an_update_is_a_news_article_with_credited_and_licensed_image(tree, client):
    image = photo(
        "Council chamber",
        credit="© Photo: UN Photo / Jean-Marc Ferré",
        licence="CC BY-NC-ND 4.0",
        source_url="https://example.org/photos/council",
    )
    update = tree.add_update(
        "The council adopts a resolution",
        [tree.migrants, tree.women],
        date=datetime.date(2024, 3, 15),
        listing_image=image,
        summary="A resolution on migrants.",
    )
    update.save_revision().publish()
    seen = read(client.get(update.url))
    article = of_type(seen, "NewsArticle")

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "The council adopts a resolution"
    assert article["datePublished"] == "2024-03-15"
    update.refresh_from_db()
    assert article["dateModified"] == (
        timezone.localtime(update.last_published_at).isoformat(timespec="seconds")
    )
    assert article["url"] == article["mainEntityOfPage"] == update.full_url
    assert article["description"] == "A resolution on migrants."
    assert article["articleSection"] == "News"
    assert article["image"] == {
        "@type": "ImageObject",
        "url": seen.meta["og:image"],
        "contentUrl": seen.meta["og:image"],
        "width": 160,
        "height": 84,
        "creditText": "© Photo: UN Photo / Jean-Marc Ferré",
        "copyrightNotice": "© Photo: UN Photo / Jean-Marc Ferré",
        "license": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "acquireLicensePage": "https://example.org/photos/council",
    }
    organisation = {
        "@type": "Organization",
        "name": "International Service for Human Rights",
        "url": f"{SITE}/",
        "logo": f"{SITE}/static/img/logo-512.png",
    }
    assert article["author"] == article["publisher"] == organisation
    assert [topic["name"] for topic in article["about"]] == [
        "Migrant and refugee rights",
        "Women human rights defenders",
    ]
    assert article["about"][0] == {
        "@type": "Thing",
        "name": "Migrant and refugee rights",
        "url": tree.migrants.full_url,
    }
    assert article["keywords"] == "Migrant and refugee rights, Women human rights defenders"


@pytest.mark.parametrize(
    ("licence", "expected"),
    [
        ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("cc-by 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC BY-SA 2.0", "https://creativecommons.org/licenses/by-sa/2.0/"),
        ("https://example.org/licence", "https://example.org/licence"),
        ("All rights reserved", {"@type": "CreativeWork", "name": "All rights reserved"}),
    ],
)
def test_an_images_licence_is_given_as_a_link_where_one_is_known(tree, client, licence, expected):
    update = tree.add_update(
        "An update", [tree.migrants], listing_image=photo("Photo", licence=licence)
    )
    image = of_type(read(client.get(update.url)), "NewsArticle")["image"]
    assert image["license"] == expected
    assert "acquireLicensePage" not in image  # the image has no source link


def test_an_article_names_only_topics_visitors_can_open(tree, client):
    draft_topic = tree.add_topic("Draft topic", live=False)
    private_topic = tree.restrict(tree.add_topic("Private topic"))
    update = tree.add_update("An update", [tree.migrants, draft_topic, private_topic])
    article = of_type(read(client.get(update.url)), "NewsArticle")
    assert [topic["name"] for topic in article["about"]] == ["Migrant and refugee rights"]


def test_a_story_is_an_article(stories, client):
    stories.open.save_revision().publish()
    stories.open.refresh_from_db()
    article = of_type(read(client.get(stories.open.url)), "Article")
    assert article["headline"] == "A lawyer for people on the move"
    # The site's day is Geneva's (TIME_ZONE), a day ahead of UTC's late in the evening.
    published = timezone.localtime(stories.open.first_published_at)
    assert article["datePublished"].startswith(str(published.date()))
    assert article["image"]["creditText"] == "© Photo: Test – CC0"
    assert article["publisher"]["name"] == "International Service for Human Rights"


def test_a_title_cannot_break_out_of_the_structured_data(tree, client):
    title = 'Breaking </script><script>alert("x")</script> & <!-- news'
    update = tree.add_update(title, [tree.migrants])
    seen = read(client.get(update.url))
    assert '<script>alert("x")' not in seen.html
    assert "<!-- news" not in seen.html
    assert of_type(seen, "NewsArticle")["headline"] == title
    assert of_type(seen, "BreadcrumbList")["itemListElement"][-1]["name"] == title


def test_json_for_script_escapes_what_could_end_a_script():
    text = json_for_script({"a": "</script>&<!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script>&<!--"}


def test_og_locale_follows_the_language():
    assert og_locale("en") == "en_GB"
    assert og_locale("fr") == "fr_FR"
    assert og_locale("es") == "es_ES"
    assert og_locale("pt-br") == "pt_BR"


# --- Breadcrumbs -------------------------------------------------------------------------


def test_a_page_below_the_home_page_shows_its_breadcrumbs_and_their_structured_data(tree, client):
    """The visible trail leads to the page's parent: the page's title is its heading, just
    below, and is not repeated above it. The structured data names the page too."""
    update = tree.add_update("An update", [tree.migrants])
    seen = read(client.get(update.url))

    assert seen.crumbs == [
        ("Home", "/", None),
        ("Latest updates", "/latest-updates/", None),
    ]
    nav = BeautifulSoup(seen.html, "html.parser").find("nav", attrs={"aria-label": "Breadcrumb"})
    assert "An update" not in nav.get_text()
    assert of_type(seen, "BreadcrumbList") == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{SITE}/"},
            {
                "@type": "ListItem",
                "position": 2,
                "name": "Latest updates",
                "item": f"{SITE}/latest-updates/",
            },
            {
                "@type": "ListItem",
                "position": 3,
                "name": "An update",
                "item": f"{SITE}/latest-updates/an-update/",
            },
        ],
    }


def test_a_french_page_shows_its_breadcrumbs_from_the_french_home_page(tree, client):
    home = tree.translate(tree.home, "fr", title="Accueil ISHR")
    listing = tree.translate(tree.update_index, "fr", title="Actualités", slug="actualites")
    update = tree.add_update("An update", [tree.migrants])
    french = tree.translate(update, "fr", title="Une actualité", slug="une-actualite")

    seen = read(client.get(french.url))

    assert french.url == "/fr/actualites/une-actualite/"
    assert seen.crumbs == [("Accueil", "/fr/", None), ("Actualités", "/fr/actualites/", None)]
    assert [item["name"] for item in of_type(seen, "BreadcrumbList")["itemListElement"]] == [
        "Accueil",
        "Actualités",
        "Une actualité",
    ]
    # The French listing itself leads to the French home page.
    assert read(client.get(listing.url)).crumbs == [("Accueil", home.url, None)]


@every_page_type(models=BELOW_THE_HOME_PAGE)
def test_every_page_below_the_home_page_has_breadcrumbs(tree, client, page_model):
    page = build(page_model, tree)
    seen = read(client.get(page.url))
    assert seen.crumbs[0] == ("Home", "/", None)
    parent = page.get_parent()
    assert seen.crumbs[-1] == (
        "Home" if parent.pk == tree.home.pk else parent.title,
        parent.url,
        None,
    )
    items = of_type(seen, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == [title for title, _, _ in seen.crumbs] + [
        page.title
    ]
    assert items[-1]["item"] == f"{SITE}{page.url}"


def test_breadcrumbs_leave_out_unpublished_ancestors(tree, standard_page, client):
    team = build(StandardPage, tree, title="Our team", slug="team", parent=standard_page)
    board = build(StandardPage, tree, title="The board", slug="board", parent=team)
    Page.objects.filter(pk=team.pk).update(live=False)  # unpublished, its child left live
    tree.topic_index.unpublish()

    assert [title for title, _, _ in read(client.get(board.url)).crumbs] == [
        "Home",
        "Privacy notice",
    ]
    assert trail_data(read(client.get(board.url))) == ["Home", "Privacy notice", "The board"]
    assert [title for title, _, _ in read(client.get(tree.migrants.url)).crumbs] == ["Home"]
    assert trail_data(read(client.get(tree.migrants.url))) == [
        "Home",
        "Migrant and refugee rights",
    ]


def test_breadcrumbs_leave_out_private_ancestors(tree, standard_page, client, django_user_model):
    team = build(StandardPage, tree, title="Our team", slug="team", parent=standard_page)
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(django_user_model.objects.create_user("member", password="x"))

    seen = read(client.get(team.url))
    assert [title for title, _, _ in seen.crumbs] == ["Home"]
    assert trail_data(seen) == ["Home", "Our team"]


def test_breadcrumbs_of_a_protected_story_name_only_its_title(stories, client):
    seen = read(client.get(stories.protected.url))
    assert [title for title, _, _ in seen.crumbs] == ["Home", "Defenders' stories"]
    assert trail_data(seen) == ["Home", "Defenders' stories", "Speaking up despite the risk"]


# --- Previews and other responses --------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    return client


def update_form_data(tree, **changes):
    return {
        "title": "Not saved yet",
        "slug": "not-saved-yet",
        "date": "2024-05-01",
        "update_type": tree.news.pk,
        "summary": "A draft summary.",
        "topics": [tree.migrants.pk],
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **changes,
    }


def preview(client, url, data):
    assert client.post(url, data).json()["is_valid"]
    return read(client.get(url, {"mode": ""}))


def test_a_preview_points_to_the_live_address_and_is_not_indexed(tree, admin_client):
    update = tree.add_update("An update", [tree.migrants])
    seen = preview(
        admin_client,
        f"/admin/pages/{update.pk}/edit/preview/",
        update_form_data(tree, title="A new title", slug="a-new-address"),
    )
    assert seen.meta["robots"] == "noindex, nofollow"
    assert seen.canonical == update.full_url
    assert seen.meta["og:title"] == "A new title"


def test_a_preview_of_a_page_never_saved_has_no_address_but_renders(tree, admin_client):
    url = f"/admin/pages/add/updates/updatepage/{tree.update_index.pk}/preview/"
    seen = preview(admin_client, url, update_form_data(tree))
    assert seen.meta["robots"] == "noindex, nofollow"
    assert seen.canonical is None
    assert "og:url" not in seen.meta
    assert seen.meta["og:title"] == "Not saved yet"
    assert seen.meta["description"] == "A draft summary."
    assert "url" not in of_type(seen, "NewsArticle")
    assert seen.crumbs[-1] == ("Latest updates", "/latest-updates/", None)
    last = of_type(seen, "BreadcrumbList")["itemListElement"][-1]
    assert last == {"@type": "ListItem", "position": 3, "name": "Not saved yet"}  # no address


def test_a_share_link_shows_the_draft_with_the_live_canonical_address(tree, client):
    update = tree.add_update("An update", [tree.migrants])
    draft = update.get_latest_revision_as_object()
    draft.slug = "renamed"
    link = ShareLink.objects.create(
        page=update,
        revision=draft.save_revision(),
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    seen = read(client.get(link.get_absolute_url()))
    assert seen.meta["robots"] == "noindex, nofollow"
    assert seen.canonical == update.full_url


def test_a_page_that_is_not_a_wagtail_page_renders_without_page_metadata(tree, client):
    response = client.get("/this-page-does-not-exist/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.head.find("link", rel="canonical") is None
    assert soup.find("nav", attrs={"aria-label": "Breadcrumb"}) is None


# --- Cost --------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # renditions are made on the first view; count a warm page
    with CaptureQueriesContext(connection) as queries:
        read(client.get(url))
    return len(queries)


def test_an_update_page_costs_a_fixed_small_number_of_queries(
    tree, client, default_image, django_assert_max_num_queries
):
    one_topic = tree.add_update("One topic", [tree.migrants], listing_image=photo("Listing"))
    topics = [tree.migrants, tree.women] + [tree.add_topic(f"Topic {n}") for n in range(4)]
    six_topics = tree.add_update("Six topics", topics, listing_image=photo("Listing 2"))

    assert count_queries(client, six_topics.url) == count_queries(client, one_topic.url)
    # 20, the locale of the visitor's language and the page's translations (language links).
    with django_assert_max_num_queries(22):
        read(client.get(six_topics.url))


def test_a_topic_page_costs_no_more_queries_for_its_metadata(
    tree, client, default_image, django_assert_max_num_queries
):
    tree.migrants.hero_image = photo("Hero photo")
    tree.migrants.save_revision().publish()
    for number in range(5):
        tree.add_update(f"Update {number}", [tree.migrants], listing_image=photo(f"U{number}"))
    client.get(tree.migrants.url)
    # As before metadata and breadcrumbs were added (15), the locale of the visitor's language
    # and the page's translations (language links).
    with django_assert_max_num_queries(17):
        read(client.get(tree.migrants.url))


def loaded_as_served(page, request):
    """``page`` fetched afresh, with what its template shows anyway (photo, type) and what the
    header and footer load (site, sections, site settings, the locales), as when it is
    served."""
    page = Page.objects.get(pk=page.pk).specific
    language_of(page)  # the locales' map, cached, which serving the page reads first
    site_sections(request)
    SiteSettings.for_request(request)
    page.get_url(request)  # the sites' root paths, cached on the request
    return page


def test_a_topics_metadata_and_breadcrumbs_cost_no_query_of_their_own(
    tree, rf, django_assert_num_queries
):
    tree.migrants.hero_image = photo("Hero photo")
    tree.migrants.save_revision().publish()
    request = rf.get(tree.migrants.url)
    topic = loaded_as_served(tree.migrants, request)
    topic.hero_image.get_rendition("fill-1200x630|format-jpeg")  # made on the first view

    with django_assert_num_queries(0):
        tags = topic.get_meta_tags(request)
        crumbs = topic.get_breadcrumbs(request)
    assert tags["image"]["url"] == shared(topic.hero_image)
    assert len(crumbs) == 3


def test_an_updates_metadata_costs_only_the_two_queries_of_its_visible_topics(
    tree, rf, django_assert_num_queries
):
    update = tree.add_update(
        "An update", [tree.migrants, tree.women], listing_image=photo("Listing photo")
    )
    request = rf.get(update.url)
    update = loaded_as_served(update, request)
    shown_by_the_template = (update.update_type, update.listing_image)
    shown_by_the_template[1].get_rendition("fill-1200x630|format-jpeg")

    with django_assert_num_queries(2):  # its tags, then those of them visitors can open
        tags = update.get_meta_tags(request)
    (article,) = [item for item in tags["json_ld"] if item["@type"] == "NewsArticle"]
    assert [topic["name"] for topic in article["about"]] == [
        "Migrant and refugee rights",
        "Women human rights defenders",
    ]


def test_breadcrumbs_cost_no_query_below_a_section_and_one_query_further_down(
    tree, standard_page, rf, django_assert_num_queries
):
    team = build(StandardPage, tree, title="Our team", slug="team", parent=standard_page)
    board = build(StandardPage, tree, title="The board", slug="board", parent=team)
    request = rf.get("/")
    site_sections(request)  # the header's navigation loads the home page and its sections
    tree.home.get_url(request)  # and the sites' root paths are cached on the request

    with django_assert_num_queries(0):
        assert len(team.get_breadcrumbs(request)) == 3
    with django_assert_num_queries(1):
        assert [crumb.title for crumb in board.get_breadcrumbs(request)] == [
            "Home",
            "Privacy notice",
            "Our team",
            "The board",
        ]
