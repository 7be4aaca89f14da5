"""The demo defenders' portraits read as illustrations, not as a missing photo: described as
illustrations, and drawn in flat, light colours rather than as a dark silhouette."""

from collections import Counter
from dataclasses import replace

import pytest

from demo.content.pictures import PICTURES
from demo.drawing import draw

PORTRAITS = [picture for picture in PICTURES if picture.scene == "portrait"]


def test_the_demo_has_its_four_portraits():
    assert len(PORTRAITS) == 4


@pytest.mark.parametrize("picture", PORTRAITS, ids=[p.key for p in PORTRAITS])
def test_a_portrait_says_it_is_an_illustration(picture):
    assert picture.title.startswith("Illustration: ")
    assert picture.alt_text.startswith("Illustration of ")
    assert "face is left blank" in picture.alt_text  # nobody can be recognised in it
    assert picture.credit.startswith("Illustration: ")


@pytest.mark.parametrize("picture", PORTRAITS, ids=[p.key for p in PORTRAITS])
def test_a_portrait_is_drawn_in_flat_colours_not_as_a_dark_silhouette(picture):
    """A silhouette on a gradient is a third dark pixels and hundreds of shades; an
    illustration is a few flat colours, each covering a fair part of the picture."""
    small = replace(picture.drawing, size=(200, 200))
    pixels = list(draw(small).convert("RGB").get_flattened_data())
    dark = sum(1 for r, g, b in pixels if 0.2126 * r + 0.7152 * g + 0.0722 * b < 50)
    assert dark / len(pixels) < 0.12
    flat = [n for n in Counter(pixels).values() if n >= 0.02 * len(pixels)]
    assert len(flat) >= 5
    assert sum(flat) / len(pixels) > 0.6
