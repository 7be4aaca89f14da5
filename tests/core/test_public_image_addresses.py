"""What public pages say about images: only renditions, under random names. No original's
address (``original_images/``, the full-size file as uploaded) and nothing of an uploaded file's
name reaches a visitor, a feed reader or a search engine, whatever the page, and every image
address given answers."""

import io
import re

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.rich_text import RichText

import pytest
from PIL import Image as PILImage

from core.models import SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

UPLOADED = "uploaded-as-zainab-hiddenname"
MEDIA_ADDRESS = re.compile(r"/media/[^\s\"'<>(),]+")
RENDITION_ADDRESS = re.compile(r"/media/images/[A-Za-z0-9_-]{32}\.(jpg|png|webp|avif)")


def image(number, size=(160, 90)):
    """An image whose uploaded file name is unlike its title, so that the name can be looked
    for on its own."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10 * number, 79, 108)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=f"Photo {number}",
        file=ImageFile(buffer, name=f"{UPLOADED}-{number}.jpg"),
        alt_text=f"Alt text {number}",
        credit="© Photo: ISHR",
        licence="CC BY 4.0",
    )


@pytest.fixture
def site_with_images(tree):
    settings = SiteSettings.for_site(tree.site)
    settings.default_social_image = image(1)
    settings.save()
    tree.migrants.hero_image = image(2)
    tree.migrants.save_revision().publish()
    embed = f'<embed embedtype="image" id="{image(3).pk}" format="fullwidth" alt="An embed"/>'
    update = tree.add_update(
        "An update with photos",
        [tree.migrants],
        listing_image=image(4),
        social_image=image(5),
        body=[
            ("image", {"image": image(6), "caption": "In the chamber"}),
            ("paragraph", RichText(f"<p>Before the embed.</p>{embed}")),
        ],
    )
    open_story = tree.add_story("An open story", [tree.migrants], portrait=image(7))
    portrait = image(8)
    protected = tree.add_story(
        "A protected story",
        [tree.migrants],
        portrait=portrait,
        social_image=portrait,
        protect_identity=True,
    )
    draft = tree.add_update("A draft update", [tree.migrants], listing_image=image(9), live=False)
    private = tree.restrict(
        tree.add_update("A private update", [tree.migrants], listing_image=image(10))
    )
    return [update, open_story, protected, draft, private]


def public_addresses(tree, pages):
    update, open_story, protected, *_ = pages
    return [
        "/",
        tree.topic_index.url,
        tree.migrants.url,
        tree.update_index.url,
        f"{tree.update_index.url}?topic={tree.migrants.slug}",
        update.url,
        tree.story_index.url,
        open_story.url,
        protected.url,
        f"{tree.update_index.url}feeds/rss/",
        f"{tree.update_index.url}feeds/atom/",
        f"{tree.update_index.url}feeds/{tree.migrants.slug}/rss/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/search/?q=update",
        "/search/?q=story",
    ]


def test_public_pages_give_only_renditions_under_random_names_and_they_answer(
    client, tree, site_with_images, settings
):
    seen = set()
    for address in public_addresses(tree, site_with_images):
        response = client.get(address)
        assert response.status_code == 200, address
        body = response.content.decode()
        assert "original_images" not in body, address
        assert "zainab" not in body.lower(), address  # any part of an uploaded name
        assert "Photo " not in body, address  # nor the titles given on upload
        for media in MEDIA_ADDRESS.findall(body):
            assert RENDITION_ADDRESS.fullmatch(media), (address, media)
            seen.add(media)

    # Each image a page shows was found, as a rendition whose file exists; a protected
    # defender's portrait on their story's own page only (below), the draft's and the private
    # page's images nowhere.
    renditions = get_image_model().get_rendition_model().objects.select_related("image")
    shown = {r.image.title for r in renditions if r.url in seen}
    assert shown == {f"Photo {n}" for n in range(1, 9)}
    for media in seen:
        assert (settings.MEDIA_ROOT / media.removeprefix("/media/")).is_file(), media


def test_a_protected_defenders_portrait_shows_on_their_story_only(client, tree, site_with_images):
    protected = site_with_images[2]
    story = client.get(protected.url).content.decode()
    portrait = get_image_model().objects.get(title="Photo 8")
    addresses = [r.url for r in portrait.renditions.all()]
    assert addresses and all(address in story for address in addresses)

    for page in public_addresses(tree, site_with_images):
        if page != protected.url:
            body = client.get(page).content.decode()
            assert not any(address in body for address in addresses), page
