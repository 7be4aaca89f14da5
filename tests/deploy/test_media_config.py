"""What the front servers of the production stack serve from the media folder: renditions only.

Varnish hands every ``/media/`` address to nginx (``deploy/varnish/default.vcl``), which reads
the folder from disk (``deploy/nginx/media.conf``), past every check Wagtail makes. So nginx
must refuse what may be private: documents (Django serves them at ``/documents/``, checking
their collection's privacy), originals (pages only ever give renditions; the admin shows
renditions too) and the files Wagtail's multiple uploader keeps until their image is created.
These tests read the configuration; ``tests/deploy/test_prod_stack.py`` asks the running stack.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = (ROOT / "deploy/nginx/media.conf").read_text()
VARNISH = (ROOT / "deploy/varnish/default.vcl").read_text()


def location(prefix):
    """The body of nginx's ``location <prefix> { … }`` (without nested blocks)."""
    match = re.search(rf"location\s+{re.escape(prefix)}\s*\{{([^{{}}]*)\}}", NGINX)
    return match and " ".join(match.group(1).split())


@pytest.mark.parametrize(
    "folder", ["/media/documents/", "/media/original_images/", "/media/wagtail_uploads/"]
)
def test_nginx_refuses_what_may_be_private(folder):
    assert location(folder) == "return 404;"


def test_nginx_serves_renditions_from_the_media_folder():
    assert re.search(r"location /media/ \{\s*alias @MEDIA_ROOT@/;", NGINX)
    assert location("/media/images/") is None  # served by /media/, the longest prefix left


def test_varnish_sends_media_only_to_nginx():
    assert re.search(r'req\.url ~ "\^/media/"\)\s*\{\s*set req\.backend_hint = media;', VARNISH)
