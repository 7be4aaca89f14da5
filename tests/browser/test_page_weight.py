"""What a visitor's browser downloads for the topic page: its first visit stays light, hero
photo included, and a repeat visit downloads next to nothing (the page answers 304 while it is
unchanged, by its ETag).

Text is counted as production sends it, compressed: Varnish gzips pages
(deploy/varnish/default.vcl) and whitenoise serves the stylesheet and the SVGs gzipped or
smaller (ishr_site/settings/production.py). The test's own server sends them as they are, so
their bodies are gzipped here, at gzip's default level, to count them.
"""

import gzip

from wagtail.images import get_image_model

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOPIC = "/topics/migrant-and-refugee-rights/"
FIRST_VISIT_BYTES = 45_000
REPEAT_VISIT_BYTES = 10_000
COMPRESSED_TYPES = ("text/html", "text/css", "image/svg+xml", "application/javascript")


def transferred(page, visit):
    """Bytes of every response (headers and body, text compressed as production sends it)
    while ``visit()`` loads the page, and the addresses asked for."""
    sizes = {}

    def finished(request):
        size = request.sizes()
        body = size["responseBodySize"]
        response = request.response()
        content_type = response.headers.get("content-type", "")
        if body and content_type.startswith(COMPRESSED_TYPES):
            body = min(body, len(gzip.compress(response.body())))
        sizes[request.url] = size["responseHeadersSize"] + body

    page.on("requestfinished", finished)
    visit()
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", finished)
    return sum(sizes.values()), sizes


def test_the_topic_page_weighs_under_45_kb_with_its_hero_and_a_repeat_visit_under_10_kb(
    demo_site, new_context, settings
):
    # As in production: the page comes from the page cache, with the same ETag each time.
    settings.PAGE_CACHE_ENABLED = True
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()

    first, sizes = transferred(page, lambda: page.goto(TOPIC))
    # The hero at 1280 pixels wide, by its address (renditions have random names).
    hero_1280 = {
        rendition.url
        for rendition in get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__endswith="|fill-1280x600")
    }
    assert any(url.endswith(tuple(hero_1280)) for url in sizes), sizes
    assert first < FIRST_VISIT_BYTES, sizes

    again, sizes = transferred(page, lambda: page.goto(TOPIC))
    assert again < REPEAT_VISIT_BYTES, sizes
