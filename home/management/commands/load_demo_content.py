"""Build the site's editorial tree with demo content: a home page, the three sections, topics,
updates, defenders' stories, the snippets they are tagged with, and generated pictures.

Running the command again changes nothing: every object is looked up by its slug or natural key,
and a page is only published again when the content this command gives it has changed. The
pictures are drawn here with Pillow from a seed made of their title, so nothing is downloaded.
The text is demo content written for this site; the defenders in it are fictional.
"""

import json
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.text import slugify

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from core.models import CountryOrRegion, SiteSettings
from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from topics.models import TopicIndexPage, TopicPage
from updates.models import (
    Mechanism,
    MechanismSession,
    UpdateIndexPage,
    UpdatePage,
    UpdateType,
)

DEMO_CREDIT = "Illustration: ISHR demo content, generated for this site"
PHOTO_CREDIT = "© Photo: Creative Commons Zero - CC0"
LICENCE = "CC0 1.0"

HERO_SIZE = (1920, 900)
LISTING_SIZE = (1200, 675)
PORTRAIT_SIZE = (800, 800)


# Pictures ------------------------------------------------------------------------------------
#
# Each scene is drawn in layers: a sky or wall gradient, glows, silhouettes blurred more the
# further away they are, then a lens vignette and grain from a seeded generator.


def _rgb(colour):
    if isinstance(colour, tuple):
        return colour[:3]
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(_rgb(a), _rgb(b), strict=True))


def _gradient(size, top, bottom, gamma=1.0):
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BICUBIC)
    if gamma != 1.0:
        mask = mask.point(lambda v: round(255 * (v / 255) ** gamma))
    return Image.composite(
        Image.new("RGBA", size, _rgb(bottom)), Image.new("RGBA", size, _rgb(top)), mask
    )


def _layer(size):
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _glow(img, centre, radius, colour, strength=200):
    layer, draw = _layer(img.size)
    x, y = centre
    for step in range(6, 0, -1):
        r = radius * step / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*_rgb(colour), strength // (step + 1)))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(radius)))


def _finish(img, rng, vignette=0.45):
    """Darken the corners as a lens does, and add a fine grain."""
    w, h = img.size
    img = img.convert("RGB")
    mask = Image.radial_gradient("L").resize((w, h), Image.Resampling.BICUBIC)
    mask = mask.point(lambda v: max(0, min(255, int((v - 90) * vignette * 1.6))))
    img = Image.composite(Image.new("RGB", (w, h), (8, 12, 20)), img, mask)
    gw, gh = w // 2, h // 2
    noise = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh)).resize((w, h))
    noise = noise.point(lambda v: 128 + (v - 128) * 10 // 128)
    return Image.blend(img, Image.merge("RGB", (noise, noise, noise)), 0.08)


def _person(draw, x, top, height, colour, rng, sign_colour=None, text=None):
    """A standing figure seen from behind or in silhouette, perhaps holding up a placard."""
    head = height * 0.085
    cx, cy = x, top + head
    style = rng.random()
    draw.ellipse((cx - head, cy - head * 1.1, cx + head, cy + head * 1.1), fill=colour)
    if style < 0.25:  # hair in a bun
        draw.ellipse(
            (cx - head * 0.5, cy - head * 1.75, cx + head * 0.5, cy - head * 0.75),
            fill=colour,
        )
    elif style < 0.45:  # long hair
        draw.rounded_rectangle(
            (cx - head * 1.1, cy - head * 0.6, cx + head * 1.1, cy + head * 2.2),
            radius=head * 0.8,
            fill=colour,
        )
    elif style < 0.55:  # a cap
        draw.rectangle(
            (cx - head * 1.05, cy - head * 1.0, cx + head * 1.6, cy - head * 0.55),
            fill=colour,
        )
    neck_top = cy + head * 0.8
    draw.rectangle((cx - head * 0.45, neck_top, cx + head * 0.45, neck_top + head), fill=colour)
    shoulder = neck_top + head * 0.7
    half = height * rng.uniform(0.2, 0.25)
    draw.rounded_rectangle(
        (cx - half, shoulder, cx + half, top + height * 1.6),
        radius=half * 0.45,
        fill=colour,
    )
    if sign_colour is None:
        return
    side = rng.choice((-1, 1))
    sw, sh = height * rng.uniform(0.42, 0.55), height * rng.uniform(0.26, 0.32)
    sx, sy = cx + side * half * 0.55, top - height * rng.uniform(0.18, 0.3)
    arm = max(2, int(height * 0.05))
    draw.line(
        (cx + side * half * 0.8, shoulder + arm, sx, sy + sh * 0.6),
        fill=colour,
        width=arm,
    )
    draw.line(
        (cx - side * half * 0.6, shoulder + arm, sx - side * sw * 0.2, sy + sh * 0.7),
        fill=colour,
        width=arm,
    )
    draw.line((sx, sy, sx, shoulder + height * 0.2), fill=colour, width=max(2, arm // 2))
    box = (sx - sw / 2, sy - sh / 2, sx + sw / 2, sy + sh / 2)
    draw.rectangle(box, fill=sign_colour)
    if text:
        lines = text.split("\n")
        size = max(8, int(sh * 0.3))
        font = ImageFont.load_default(size=size)
        while size > 8 and max(font.getlength(line) for line in lines) > sw * 0.88:
            size -= 1
            font = ImageFont.load_default(size=size)
        line_height = sh * 0.36
        start = sy - line_height * len(lines) / 2 + line_height * 0.1
        for i, line in enumerate(lines):
            draw.text((sx, start + i * line_height), line, font=font, fill=colour, anchor="mt")
    else:
        ink = (*_mix(sign_colour, colour, 0.6), 255)
        for i in range(rng.randint(1, 3)):
            ly, lw = box[1] + sh * (0.25 + i * 0.25), sw * rng.uniform(0.45, 0.75)
            draw.rectangle((sx - lw / 2, ly, sx + lw / 2, ly + sh * 0.1), fill=ink)


def draw_crowd(
    size,
    rng,
    sky=("#0b4f6c", "#f2a541"),
    figure="#1a1423",
    signs=0.3,
    words=(),
    sign_colours=("#f4f1ea", "#f6d186", "#f4c2a1"),
):
    """A crowd in silhouette against the sky, some holding placards."""
    w, h = size
    img = _gradient(size, sky[0], sky[1], gamma=0.6)
    _glow(
        img,
        (rng.uniform(0.2, 0.8) * w, h * rng.uniform(0.45, 0.6)),
        h * 0.12,
        _mix(sky[1], "#fff4d6", 0.6),
    )
    horizon = h * 0.64
    layer, draw = _layer(size)
    x, haze = 0.0, (*_mix(sky[1], figure, 0.35), 255)
    while x < w:  # a distant skyline
        width = rng.uniform(0.03, 0.09) * w
        draw.rectangle((x, horizon - rng.uniform(0.04, 0.16) * h, x + width, h), fill=haze)
        x += width
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 400)))
    rows = 4
    for row in range(rows):
        t = row / (rows - 1)
        layer, draw = _layer(size)
        height = h * (0.16 + 0.26 * t)
        top = horizon - height * 0.4 + t * h * 0.16
        colour = (*_mix(_mix(sky[1], figure, 0.55), figure, t), 255)
        people = sorted(rng.uniform(-0.05, 1.05) * w for _ in range(int(w / (height * 0.32))))
        for px in people:
            sign_colour = text = None
            if row < rows - 1 and rng.random() < signs:
                sign_colour = (
                    *_mix(rng.choice(sign_colours), sky[1], 0.5 * (1 - t)),
                    255,
                )
                if words and row >= 1:
                    text = rng.choice(words)
            person_top = top + rng.uniform(-0.05, 0.05) * height
            _person(
                draw,
                px,
                person_top,
                height * rng.uniform(0.9, 1.08),
                colour,
                rng,
                sign_colour,
                text,
            )
        blur = (1 - t) * w / 500 + (w / 900 if row == rows - 1 else 0)
        img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(blur)))
    return _finish(img, rng)


def _ridge(rng, width, base, amplitude, roughness=0.55, steps=7):
    """A skyline of hills by midpoint displacement."""
    heights = [
        base + rng.uniform(-1, 1) * amplitude,
        base + rng.uniform(-1, 1) * amplitude,
    ]
    spread = amplitude
    for _ in range(steps):
        refined = []
        for a, b in zip(heights, heights[1:], strict=False):
            refined += [a, (a + b) / 2 + rng.uniform(-1, 1) * spread]
        heights = [*refined, heights[-1]]
        spread *= roughness
    n = len(heights) - 1
    return [(i * width / n, y) for i, y in enumerate(heights)]


def draw_landscape(
    size, rng, sky=("#10324a", "#f6c177"), far="#7fa4b8", near="#10261c", mist="#f4f1ea"
):
    """Ridges of forested hills fading into mist, under a low sun."""
    w, h = size
    img = _gradient(size, sky[0], sky[1], gamma=0.7)
    sun = (rng.uniform(0.25, 0.75) * w, h * rng.uniform(0.3, 0.4))
    _glow(img, sun, h * 0.08, _mix(sky[1], "#fffbe8", 0.7), 255)
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        colour = (*_mix(_mix(far, sky[0], 0.25), near, t**0.8), 255)
        base = h * (0.46 + 0.11 * i)
        points = _ridge(rng, w, base, h * (0.09 - 0.012 * i))
        layer, draw = _layer(size)
        draw.polygon([*points, (w, h), (0, h)], fill=colour)
        if i >= layers - 2:  # conifers along the nearer ridges
            n = len(points) - 1
            for _ in range(int(w / (30 - 12 * t))):
                x = rng.uniform(0, w)
                y = points[round(x / w * n)][1] + rng.uniform(-0.005, 0.03) * h
                th = h * rng.uniform(0.04, 0.09) * (0.5 + t)
                draw.polygon(
                    [
                        (x, y - th),
                        (x - th * 0.28, y + th * 0.15),
                        (x + th * 0.28, y + th * 0.15),
                    ],
                    fill=colour,
                )
        img.alpha_composite(layer.filter(ImageFilter.GaussianBlur((1 - t) * w / 900 + 0.4)))
        if i < layers - 1:  # mist in the valley in front of the ridge
            fog, draw = _layer(size)
            draw.rectangle((0, base + h * 0.03, w, base + h * 0.09), fill=(*_rgb(mist), 70))
            img.alpha_composite(fog.filter(ImageFilter.GaussianBlur(h * 0.03)))
    return _finish(img, rng, vignette=0.5)


def draw_chamber(
    size,
    rng,
    wall=("#0c1f2c", "#16384d"),
    seat="#1f7a8c",
    desk="#c9a66b",
    light="#fdf0d5",
):
    """Curved rows of seats facing a rostrum, as in a UN assembly hall."""
    w, h = size
    img = _gradient(size, wall[0], wall[1])
    for i in range(9):  # ceiling lights
        _glow(img, ((i + 0.5) / 9 * w, h * 0.06), h * 0.03, light, 140)
    cx, cy = w / 2, h * 0.3
    layer, draw = _layer(size)
    emblem = h * 0.13
    for k in range(4):
        r = emblem * (1 - k * 0.22)
        draw.ellipse(
            (cx - r, cy - emblem * 1.1 - r, cx + r, cy - emblem * 1.1 + r),
            outline=(*_rgb(light), 120),
            width=max(2, int(h / 300)),
        )
    draw.rectangle(
        (cx - w * 0.12, cy + h * 0.02, cx + w * 0.12, cy + h * 0.1),
        fill=(*_mix(desk, wall[0], 0.3), 255),
    )
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 900)))
    rows = 8
    for i in range(rows):
        t = i / (rows - 1)
        rx, ry = w * (0.2 + 0.16 * i), h * (0.12 + 0.085 * i)
        layer, draw = _layer(size)
        draw.arc(
            (cx - rx, cy - ry, cx + rx, cy + ry),
            0,
            180,
            fill=(*_mix(desk, wall[0], 0.5 * (1 - t)), 255),
            width=max(2, int(h * (0.01 + 0.02 * t))),
        )
        seat_w = h * (0.025 + 0.05 * t)
        count = int(math.pi * rx / (seat_w * 1.5))
        seat_colour = _mix(_mix(seat, wall[0], 0.5), seat, t)
        for k in range(count):
            angle = math.pi * (k + 0.5) / count
            x = cx + rx * math.cos(angle)
            y = cy + ry * math.sin(angle) + seat_w * 0.4
            lit = rng.uniform(0.85, 1.0)
            colour = tuple(int(c * lit) for c in seat_colour)
            draw.rounded_rectangle(
                (x - seat_w / 2, y - seat_w * 1.2, x + seat_w / 2, y),
                radius=seat_w * 0.25,
                fill=(*colour, 255),
            )
            draw.rectangle(
                (x - seat_w / 2, y - seat_w * 1.2, x + seat_w / 2, y - seat_w * 1.05),
                fill=(*_mix(colour, light, 0.35), 255),
            )
        img.alpha_composite(layer.filter(ImageFilter.GaussianBlur((1 - t) * w / 1200 + 0.3)))
    return _finish(img, rng, vignette=0.55)


def draw_vigil(size, rng, dark=("#0b1320", "#1c2541"), warm=("#f2a541", "#f6d186", "#e4572e")):
    """Lit candles in the dark, with out-of-focus lights behind them."""
    w, h = size
    img = _gradient(size, dark[0], dark[1])
    for blur, count, smallest, largest, alpha in (
        (w / 60, 40, 0.03, 0.08, 90),
        (w / 250, 70, 0.01, 0.03, 140),
    ):
        layer, draw = _layer(size)
        for _ in range(count):
            x, y = rng.uniform(0, w), rng.uniform(0.05, 0.7) * h
            r = rng.uniform(smallest, largest) * w
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*_rgb(rng.choice(warm)), alpha))
        img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(blur)))
    candles = 5
    for i in range(candles):
        x = (i + rng.uniform(0.2, 0.8)) / candles * w
        cw = w * rng.uniform(0.025, 0.04)
        top = h * rng.uniform(0.6, 0.75)
        _glow(img, (x, top - cw * 0.9), cw * 1.2, warm[1], 220)
        layer, draw = _layer(size)
        draw.rectangle(
            (x - cw / 2, top, x + cw / 2, h),
            fill=(*_mix("#f4f1ea", dark[0], 0.15), 255),
        )
        draw.ellipse(
            (x - cw * 0.18, top - cw * 1.3, x + cw * 0.18, top - cw * 0.2),
            fill=(*_rgb("#fff4d6"), 255),
        )
        img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 1500)))
    return _finish(img, rng, vignette=0.4)


def draw_portrait(
    size,
    rng,
    background=("#0b4f6c", "#1f7a8c"),
    figure="#14121c",
    rim="#f2d7a0",
    hair="short",
):
    """Head and shoulders in silhouette, lit from behind: the face is never shown."""
    w, h = size
    img = _gradient(size, background[0], background[1])
    _glow(
        img,
        (w * rng.uniform(0.35, 0.65), h * 0.35),
        w * 0.18,
        _mix(background[1], "#ffffff", 0.4),
        160,
    )
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    cx, cy = w / 2 + rng.uniform(-0.03, 0.03) * w, h * 0.4
    hw, hh = w * 0.125, h * 0.16
    draw.ellipse((cx - hw, cy - hh, cx + hw, cy + hh), fill=255)
    if hair == "long":
        draw.ellipse((cx - hw * 1.12, cy - hh * 1.08, cx + hw * 1.12, cy + hh * 0.5), fill=255)
        draw.polygon(
            [
                (cx - hw * 1.12, cy - hh * 0.3),
                (cx + hw * 1.12, cy - hh * 0.3),
                (cx + hw * 1.5, h * 0.76),
                (cx - hw * 1.5, h * 0.76),
            ],
            fill=255,
        )
    elif hair == "bun":
        draw.ellipse((cx - hw * 1.05, cy - hh * 1.06, cx + hw * 1.05, cy + hh * 0.3), fill=255)
        draw.ellipse((cx - hw * 0.45, cy - hh * 1.5, cx + hw * 0.45, cy - hh * 0.8), fill=255)
    elif hair == "scarf":
        draw.ellipse((cx - hw * 1.25, cy - hh * 1.15, cx + hw * 1.25, cy + hh * 1.15), fill=255)
        draw.polygon(
            [
                (cx - hw * 1.2, cy + hh * 0.2),
                (cx + hw * 1.2, cy + hh * 0.2),
                (cx + hw * 2.1, h * 0.78),
                (cx - hw * 2.1, h * 0.78),
            ],
            fill=255,
        )
    else:
        draw.ellipse((cx - hw * 1.06, cy - hh * 1.1, cx + hw * 1.06, cy + hh * 0.15), fill=255)
    draw.rectangle((cx - hw * 0.55, cy + hh * 0.6, cx + hw * 0.55, h * 0.72), fill=255)
    draw.polygon(
        [
            (cx - hw * 0.9, h * 0.66),
            (cx + hw * 0.9, h * 0.66),
            (cx + w * 0.36, h * 0.8),
            (cx - w * 0.36, h * 0.8),
        ],
        fill=255,
    )
    draw.rounded_rectangle(
        (cx - w * 0.4, h * 0.74, cx + w * 0.4, h * 1.2), radius=w * 0.12, fill=255
    )
    rim_mask = mask.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.GaussianBlur(w / 60))
    img.paste(
        Image.new("RGBA", size, _rgb(rim)),
        (0, 0),
        rim_mask.point(lambda v: v * 7 // 10),
    )
    body = _gradient(size, _mix(figure, background[1], 0.25), figure)
    img.paste(body, (0, 0), mask.filter(ImageFilter.GaussianBlur(1.5)))
    return _finish(img, rng, vignette=0.35)


SCENES = {
    "crowd": draw_crowd,
    "landscape": draw_landscape,
    "chamber": draw_chamber,
    "vigil": draw_vigil,
    "portrait": draw_portrait,
}


@dataclass(frozen=True)
class Picture:
    key: str
    title: str
    scene: str
    size: tuple
    alt_text: str
    options: dict = field(default_factory=dict)
    credit: str = DEMO_CREDIT

    def render(self):
        img = SCENES[self.scene](self.size, random.Random(self.title), **self.options)
        buffer = BytesIO()
        img.save(buffer, "JPEG", quality=85, optimize=True)
        return buffer.getvalue()


PICTURES = [
    # Heroes.
    Picture(
        "refugees-welcome",
        "refugees welcome protest",
        "crowd",
        HERO_SIZE,
        "A crowd of protesters in silhouette at sunset, holding up placards that read "
        "“Refugees welcome”, “Welcome” and “No one is illegal”.",
        {
            "signs": 0.35,
            "words": ("REFUGEES\nWELCOME", "WELCOME", "NO ONE\nIS ILLEGAL"),
        },
        credit=PHOTO_CREDIT,
    ),
    Picture(
        "home-hero",
        "Crowd gathered at dusk",
        "crowd",
        HERO_SIZE,
        "A large crowd in silhouette, a few people holding up placards, against a sky turning "
        "from deep blue to orange.",
        {"sky": ("#1b2a49", "#e4572e"), "signs": 0.15},
    ),
    Picture(
        "women-hero",
        "Women defenders march",
        "crowd",
        HERO_SIZE,
        "Marchers in silhouette under a purple and red evening sky, raising placards with "
        "slogans about equal rights and defenders.",
        {
            "sky": ("#3d1f4f", "#e4572e"),
            "signs": 0.45,
            "words": ("EQUAL\nRIGHTS", "WE ARE\nDEFENDERS", "NOT\nALONE"),
        },
    ),
    Picture(
        "environment-hero",
        "Forested hills at sunrise",
        "landscape",
        HERO_SIZE,
        "Ridges of forested hills fading into morning mist under a golden sky, with dark "
        "conifers in the foreground.",
    ),
    Picture(
        "reprisals-hero",
        "Empty assembly hall",
        "chamber",
        HERO_SIZE,
        "Curved rows of empty blue seats facing a rostrum in a dim assembly hall, with a round "
        "emblem on the wall behind it.",
    ),
    # Pictures for bodies and listings.
    Picture(
        "vigil",
        "Candles at a vigil",
        "vigil",
        LISTING_SIZE,
        "Five lit white candles in the dark, in front of blurred orange and gold lights.",
    ),
    Picture(
        "hills-dawn",
        "Misty hills at dawn",
        "landscape",
        LISTING_SIZE,
        "Pale blue hills and a dark pine forest under a hazy morning sky.",
        {"sky": ("#6c8ea4", "#e8eef0"), "far": "#b7c9c2", "near": "#1d3b2a"},
    ),
    Picture(
        "hall-amber",
        "Assembly hall in warm light",
        "chamber",
        LISTING_SIZE,
        "Curved rows of copper-coloured seats around a rostrum, in warm amber light.",
        {"wall": ("#24170f", "#4a3222"), "seat": "#b8733a", "desk": "#e0c097"},
    ),
    Picture(
        "hall-blue",
        "Council chamber in blue light",
        "chamber",
        LISTING_SIZE,
        "Rows of teal seats curving around a rostrum in a council chamber lit in blue.",
        {"wall": ("#0a1a2f", "#1b3a5c"), "seat": "#3a86a8"},
    ),
    Picture(
        "placards",
        "Placards raised at a rally",
        "crowd",
        LISTING_SIZE,
        "People in silhouette raising pale placards against a red and purple sky.",
        {"sky": ("#3d1f4f", "#e4572e"), "signs": 0.5},
    ),
    Picture(
        "march-noon",
        "March under a clear sky",
        "crowd",
        LISTING_SIZE,
        "A crowd in dark silhouette holding placards under a clear, pale blue sky.",
        {"sky": ("#1f7a8c", "#bfe3ea"), "figure": "#132a36", "signs": 0.35},
    ),
    Picture(
        "forest-dusk",
        "Forest ridge at dusk",
        "landscape",
        LISTING_SIZE,
        "Violet hills and a dark forest ridge under an orange dusk sky.",
        {"sky": ("#2a1b3d", "#e98a5b"), "far": "#8c7aa9", "near": "#1a1f2e"},
    ),
    Picture(
        "green-mountains",
        "Green mountains in haze",
        "landscape",
        LISTING_SIZE,
        "Green mountains in layers of haze, with pine trees in the foreground.",
        {"sky": ("#5a8fa3", "#f0e6c8"), "far": "#9cc5a1", "near": "#16382a"},
    ),
    # Portraits: silhouettes, so that no real face stands in for a fictional defender.
    Picture(
        "portrait-selam",
        "Portrait silhouette: Selam T.",
        "portrait",
        PORTRAIT_SIZE,
        "The dark silhouette of a person wearing a headscarf against a teal background; the "
        "face is not shown, to protect the defender's identity.",
        {"hair": "scarf"},
    ),
    Picture(
        "portrait-wanjiru",
        "Portrait silhouette: Wanjiru K.",
        "portrait",
        PORTRAIT_SIZE,
        "The dark silhouette of a woman with her hair in a bun, lit from behind against an "
        "orange background.",
        {"hair": "bun", "background": ("#e4572e", "#f2a541")},
    ),
    Picture(
        "portrait-lucia",
        "Portrait silhouette: Lucía O.",
        "portrait",
        PORTRAIT_SIZE,
        "The dark silhouette of a woman with long hair against a green background.",
        {"hair": "long", "background": ("#2d6a4f", "#95d5b2")},
    ),
    Picture(
        "portrait-ahmed",
        "Portrait silhouette: Ahmed S.",
        "portrait",
        PORTRAIT_SIZE,
        "The dark silhouette of a man with short hair against a blue background.",
        {"hair": "short", "background": ("#3d5a80", "#98c1d9")},
    ),
]


# Snippets ------------------------------------------------------------------------------------

UPDATE_TYPES = [
    ("news", "News"),
    ("statement", "Statement"),
    ("joint-letter", "Joint letter"),
    ("press-release", "Press release"),
    ("report-or-submission", "Report or submission"),
    ("event-or-training", "Event or training"),
]

MECHANISMS = [
    ("ACHPR", "African Commission on Human and Peoples' Rights"),
    ("HRC", "UN Human Rights Council"),
    ("UPR", "Universal Periodic Review"),
]

SESSIONS = [
    ("ACHPR 71", "ACHPR", date(2022, 4, 21), date(2022, 5, 13)),
    ("ACHPR 73", "ACHPR", date(2022, 10, 20), date(2022, 11, 9)),
    ("HRC51", "HRC", date(2022, 9, 12), date(2022, 10, 7)),
    ("HRC52", "HRC", date(2023, 2, 27), date(2023, 4, 4)),
    ("HRC53", "HRC", date(2023, 6, 19), date(2023, 7, 14)),
    ("UPR41", "UPR", date(2022, 11, 7), date(2022, 11, 18)),
]

COUNTRY, REGION = CountryOrRegion.Kind.COUNTRY, CountryOrRegion.Kind.REGION
PLACES = [
    ("mauritania", "Mauritania", COUNTRY),
    ("cote-divoire", "Côte d'Ivoire", COUNTRY),
    ("spain", "Spain", COUNTRY),
    ("kenya", "Kenya", COUNTRY),
    ("brazil", "Brazil", COUNTRY),
    ("colombia", "Colombia", COUNTRY),
    ("philippines", "Philippines", COUNTRY),
    ("africa", "Africa", REGION),
    ("europe", "Europe", REGION),
    ("americas", "Americas", REGION),
    ("asia", "Asia", REGION),
]


# Body blocks, in the raw form a StreamField stores ---------------------------------------------


def h2(text):
    return {"type": "heading2", "value": text}


def h3(text):
    return {"type": "heading3", "value": text}


def para(*paragraphs):
    """A rich text block; each argument is one paragraph, or a ready-made list."""
    html = "".join(p if p.startswith(("<ul>", "<ol>")) else f"<p>{p}</p>" for p in paragraphs)
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def picture(image, caption=""):
    return {"type": "image", "value": {"image": image.pk, "caption": caption}}


def call_to_action(heading, text, button_label, *, page=None, url=""):
    if bool(page) == bool(url):
        raise ValueError("A call to action goes to a page or to an address, not both.")
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "button_label": button_label,
            "page": page.pk if page else None,
            "external_url": url,
        },
    }


DEMO_NOTE = para(
    "<i>Demo content: this defender and their story are fictional, written to show how "
    "stories appear on the site.</i>"
)


# Pages -----------------------------------------------------------------------------------------


LOCAL_HOSTNAMES = {"localhost", "127.0.0.1"}


def local_address():
    """Host and port of WAGTAILADMIN_BASE_URL when it is a local address, else Wagtail's default
    site address (localhost, port 80)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if address.hostname not in LOCAL_HOSTNAMES:
        return "localhost", 80
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


HOME_TITLE = "International Service for Human Rights"
HOME_INTRO = (
    "We support human rights defenders to be heard at the United Nations and in regional human "
    "rights systems, and to turn international commitments into change at home."
)


def home_fields(c):
    return {
        "title": HOME_TITLE,
        "hero_image": c.images["home-hero"],
        "intro": HOME_INTRO,
        "body": [
            para(
                "ISHR is an independent, non-governmental organisation with offices in Geneva and "
                "New York. We work alongside defenders: we train them, help them to reach the "
                "people who take decisions, and respond when they are attacked for their work.",
                "The updates and stories on this site are demo content.",
            ),
            call_to_action(
                "Explore our priorities",
                "From migrants' rights to reprisals, see the themes at the centre of our work.",
                "See our priorities",
                page=c.pages["topics"],
            ),
        ],
    }


INDEX_PAGES = [
    (
        "topics",
        TopicIndexPage,
        "Our priorities",
        "The themes at the centre of our work with human rights defenders.",
    ),
    (
        "latest-updates",
        UpdateIndexPage,
        "Latest updates",
        "News, statements, joint letters, press releases, reports and events from our work at "
        "the UN and in regional human rights systems.",
    ),
    (
        "defenders-stories",
        StoryIndexPage,
        "Defenders' stories",
        "Defenders in their own words: who they are, what they do and what they need to work "
        "in safety.",
    ),
]


PRIVACY_NOTICE = {
    "title": "Privacy notice",
    "intro": (
        "What we do with the personal data you give us when you sign up for our newsletter "
        "or visit this site."
    ),
    "body": [
        h2("Newsletter"),
        para(
            "When you join our mailing list we keep your email address, the topics you chose, "
            "when and where you signed up, and when you confirmed. We use them only to send you "
            "news of our work on those topics. We never sell or share them.",
            "Every email we send has a link to unsubscribe. Once you unsubscribe we stop "
            "emailing you at once.",
        ),
        h2("Visiting this site"),
        para(
            "This site sets no advertising or tracking cookies and loads nothing from other "
            "companies' servers. Our servers keep technical logs for a short time to keep the "
            "site secure.",
            "To ask what we hold about you, or to have it deleted, write to us. This is demo "
            "content.",
        ),
    ],
}


def topic_specs(c):
    updates, stories = c.pages["latest-updates"], c.pages["defenders-stories"]
    return [
        {
            "slug": "migrant-and-refugee-rights",
            "signup_prompt": (
                "Don't miss out on our latest vital work in migrant and refugee rights."
            ),
            "title": "Migrant and refugee rights",
            "hero_image": c.images["refugees-welcome"],
            "intro": (
                "Our human rights belong to us wherever we were born and whatever documents we "
                "carry: they do not stop at a country's frontier."
            ),
            "body": [
                para(
                    "In every era and on every continent, people who have moved from one country "
                    "to another have made the places where they settle stronger. They bring new "
                    "skills and ideas, widen the culture around them and contribute to the life "
                    "of their communities while they work towards a better future.",
                    "The reasons for leaving are many. Some people move for a job, to join their "
                    "family or simply to start again somewhere new.",
                    "Others have no real choice: war, persecution or a changing climate force "
                    "them to look for safety elsewhere. Along the way and on arrival, migrants "
                    "and refugees are exposed to abuse and to having their dignity ignored. When "
                    "they organise to claim their rights, or when others stand with them, "
                    "governments too often answer with obstacles, restricting freedoms instead of "
                    "protecting them. The people who defend migrants' and refugees' rights, and "
                    "who show how closely migration and human rights are bound together, embody "
                    "solidarity at its most open, and very often they save lives.",
                    "Many governments spend heavily on development, peace and security "
                    "programmes meant to tackle the causes of conflict, crisis and climate "
                    "change. Yet impunity, corruption and instability remain, and the same "
                    "governments' choices on trade, the economy or foreign policy sometimes make "
                    "them worse. It is not hard to see why so many people decide, at great "
                    "personal cost, to leave home in search of a safer life for their families.",
                    "Instead of protection, many find exploitation, threats and violence, and "
                    "some lose their lives. Those who reach safety and organise to speak for "
                    "their communities can find that standing up brings new risks. People who "
                    "offer water, a bed, legal advice or the use of a phone to someone stranded "
                    "at a border have been prosecuted for so-called ‘crimes of solidarity’, when "
                    "their acts deserve recognition as simple humanity.",
                    "Even so, and often at serious risk to themselves, defenders of migrant and "
                    "refugee rights keep going. They use the courts, peaceful protest and "
                    "creative campaigns to hold governments to their human rights commitments. "
                    "They shelter people crossing mountains in winter and deserts in summer, "
                    "welcome newcomers into their neighbourhoods, and honour those who went "
                    "missing while they keep fighting for those who survived.",
                ),
                h2("ISHR supports migrants human rights defenders"),
                para(
                    "ISHR works to make this struggle visible and to make clear that no "
                    "government may treat a person with less dignity because they have no "
                    "papers. With civil society and migrant-led organisations, we push for their "
                    "work to be recognised as the defence of human rights, amplify their "
                    "concerns, and plan together how international advocacy, alongside other "
                    "tools, can change the policies and practices of ‘migration management’.",
                    "We share their conviction: wherever a person was born and whatever papers "
                    "they hold, their human rights travel with them.",
                ),
                call_to_action(
                    "Follow our work on migrant and refugee rights",
                    "Statements, letters and news from the UN and the African Commission.",
                    "See the latest updates",
                    page=updates,
                ),
            ],
        },
        {
            "slug": "women-human-rights-defenders",
            "signup_prompt": (
                "Don't miss out on our latest vital work with women human rights defenders."
            ),
            "title": "Women human rights defenders",
            "hero_image": c.images["women-hero"],
            "intro": (
                "Women and gender-diverse defenders face the risks every defender faces, and "
                "further attacks aimed at who they are."
            ),
            "body": [
                para(
                    "Women human rights defenders lead movements for land, labour, health, peace "
                    "and equality in every region. Because they challenge power and also defy "
                    "expectations about women's place in society, they are targeted both for "
                    "their work and for their gender: smear campaigns, sexual violence, online "
                    "harassment and pressure on their families."
                ),
                h2("Specific risks call for specific protection"),
                para(
                    "Effective protection starts from defenders' own analysis of what keeps them "
                    "safe. We call on States to:",
                    "<ul><li>recognise publicly that women defenders' work is legitimate;</li>"
                    "<li>investigate and punish attacks, including abuse online;</li>"
                    "<li>repeal laws that criminalise defenders for their activism or their "
                    "identity;</li>"
                    "<li>fund protection measures designed <b>with</b> women defenders, not only "
                    "for them.</li></ul>",
                ),
                quote(
                    "When they attack one of us for speaking out, they are trying to silence all "
                    "of us. So we answer together.",
                    "A women's rights defender at an ISHR training (demo quote)",
                ),
                picture(
                    c.images["vigil"],
                    "Candles lit at a vigil for defenders (illustration).",
                ),
                h3("At the Human Rights Council"),
                para(
                    "ISHR helps women defenders brief diplomats and UN experts, negotiate "
                    "stronger language in resolutions and take part in sessions safely, "
                    "including remotely when travelling would put them at risk. We use the "
                    "<i>UN General Assembly resolution on protecting women human rights "
                    "defenders</i>, adopted in 2013, to hold States to what they promised."
                ),
                call_to_action(
                    "Stand with women defenders",
                    "Find out more about ISHR's work and how to support it.",
                    "Visit ishr.ch",
                    url="https://ishr.ch/",
                ),
            ],
        },
        {
            "slug": "environmental-and-land-rights-defenders",
            "signup_prompt": (
                "Don't miss out on our latest vital work with environmental and land "
                "rights defenders."
            ),
            "title": "Environmental and land rights defenders",
            "hero_image": c.images["environment-hero"],
            "intro": (
                "People who protect forests, rivers and land from destructive projects are among "
                "the defenders most at risk of attack."
            ),
            "body": [
                para(
                    "Indigenous peoples, farmers and local communities often stand between their "
                    "territories and the mines, dams, plantations and pipelines planned on them. "
                    "When they ask to be consulted, or refuse to leave, they are branded enemies "
                    "of development, taken to court and, in too many cases, killed."
                ),
                h2("Protecting those who protect the planet"),
                para(
                    "The Human Rights Council recognised in 2021 that a clean, healthy and "
                    "sustainable environment is a human right, and the UN General Assembly "
                    "followed in 2022. Those commitments mean little unless the people who "
                    "defend that right can do so safely."
                ),
                picture(
                    c.images["hills-dawn"],
                    "Hills and forest at first light (illustration).",
                ),
                h3("What we ask of States and companies"),
                para(
                    "<ul><li>Consult affected communities before projects are approved, and "
                    "respect their answer.</li>"
                    "<li>Stop using criminal law, terrorism charges and lawsuits to silence "
                    "opponents of projects.</li>"
                    "<li>Require companies to identify and prevent risks to defenders throughout "
                    "their operations and supply chains.</li></ul>"
                ),
                quote(
                    "The river does not belong to the company or to us. We are only looking "
                    "after it for our grandchildren.",
                    "Wanjiru K., land defender (fictional demo profile)",
                ),
                call_to_action(
                    "Meet the defenders",
                    "Read the stories of people defending land and the environment.",
                    "Read defenders' stories",
                    page=stories,
                ),
            ],
        },
        {
            "slug": "reprisals-against-defenders",
            "signup_prompt": "Don't miss out on our latest vital work against reprisals.",
            "title": "Reprisals against defenders",
            "hero_image": c.images["reprisals-hero"],
            "intro": (
                "No one should be punished for cooperating with the United Nations, yet "
                "defenders who do so are still threatened, detained and banned from travelling."
            ),
            "body": [
                para(
                    "Defenders who send information to UN bodies, speak before treaty committees "
                    "or travel to Geneva for a Human Rights Council session give the "
                    "international system the evidence it needs. Some governments respond with "
                    "intimidation: travel bans, surveillance, smear campaigns, arrests and "
                    "threats against relatives."
                ),
                h2("Making reprisals costly"),
                para(
                    "Every year the UN Secretary-General publishes a report on intimidation and "
                    "reprisals against those who cooperate with the UN. ISHR documents cases, "
                    "helps defenders decide whether and how to raise them, and presses UN bodies "
                    "and States to respond every time."
                ),
                h3("Our approach"),
                para(
                    "<ol><li><b>Prevent</b>: help defenders assess the risks before they engage "
                    "with the UN.</li>"
                    "<li><b>Respond</b>: raise cases quickly with the UN's senior official on "
                    "reprisals, the presidents of UN bodies and States.</li>"
                    "<li><b>Follow up</b>: track each case until the defender is safe and those "
                    "responsible are held to account.</li></ol>"
                ),
                picture(
                    c.images["hall-blue"],
                    "Seats in a UN-style council chamber (illustration).",
                ),
                quote(
                    "They wanted me to be afraid to speak in Geneva. I spoke anyway, and I was "
                    "not alone.",
                    "Ahmed S., defender (fictional demo profile)",
                ),
                call_to_action(
                    "Faced reprisals for engaging with the UN?",
                    "Read the latest updates on cases and on the UN's response.",
                    "See the latest updates",
                    page=updates,
                ),
            ],
        },
    ]


def update_specs(c):
    t, p = c.pages, c.places
    migrants = t["migrant-and-refugee-rights"]
    women = t["women-human-rights-defenders"]
    environment = t["environmental-and-land-rights-defenders"]
    reprisals = t["reprisals-against-defenders"]
    return [
        {
            "slug": "hrc53-end-reprisals-against-women-defenders",
            "title": "HRC53: States must end reprisals against women defenders who engage with "
            "the UN",
            "date": date(2023, 6, 28),
            "type": "statement",
            "session": "HRC53",
            "topics": [women, reprisals],
            "countries": [],
            "image": "hall-blue",
            "summary": (
                "In a statement to the Human Rights Council, ISHR warned that women defenders "
                "who cooperate with the UN face reprisals shaped by their gender, from "
                "sexualised smear campaigns to threats against their children."
            ),
            "body": [
                para(
                    "Reprisals against women defenders are under-reported, because they take "
                    "forms that are harder to document or because defenders fear being "
                    "stigmatised. The statement asked the Council to gather information that "
                    "shows how gender shapes intimidation.",
                    "ISHR also asked States to speak out when cases are raised, and to keep "
                    "remote participation in Council sessions open to those who cannot travel "
                    "safely.",
                )
            ],
        },
        {
            "slug": "hrc53-joint-letter-on-environmental-defenders",
            "title": "HRC53: Joint letter calls on States to protect environmental defenders",
            "date": date(2023, 6, 12),
            "type": "joint-letter",
            "session": "HRC53",
            "topics": [environment],
            "countries": [p["americas"]],
            "image": "hills-dawn",
            "summary": (
                "Dozens of organisations wrote to members of the Human Rights Council asking "
                "them to make the protection of environmental defenders a priority in the "
                "session's resolutions on climate change and the environment."
            ),
            "body": [
                para(
                    "The letter describes defenders as the front line of climate action. It asks "
                    "States to name them, and their right to take part in decisions, in the "
                    "resolutions adopted at the session.",
                    "It also encourages States in Latin America and the Caribbean to ratify and "
                    "implement the Escazú Agreement, the first treaty with specific provisions "
                    "on environmental defenders.",
                )
            ],
        },
        {
            "slug": "briefing-how-companies-can-respect-defenders",
            "title": "Briefing: how companies can respect the work of human rights defenders",
            "date": date(2023, 4, 20),
            "type": "report-or-submission",
            "topics": [environment],
            "countries": [],
            "summary": (
                "A practical briefing for businesses and investors on treating defenders as "
                "allies, identifying risks to them in operations and supply chains, and "
                "responding when a defender is threatened."
            ),
            "body": [
                para(
                    "Many attacks on defenders are linked to business projects. The briefing "
                    "builds on the UN Guiding Principles on Business and Human Rights and sets "
                    "out what a responsible company does before, during and after a project:",
                    "<ul><li>engage early and openly with affected communities;</li>"
                    "<li>never use lawsuits to silence critics;</li>"
                    "<li>speak up when a defender connected to its operations is at risk.</li>"
                    "</ul>",
                )
            ],
        },
        {
            "slug": "hrc52-women-defenders-from-latin-america-brief-un-experts",
            "title": "HRC52: Women defenders from Latin America brief UN experts",
            "date": date(2023, 3, 8),
            "type": "news",
            "session": "HRC52",
            "topics": [women],
            "countries": [p["colombia"], p["americas"]],
            "image": "march-noon",
            "summary": (
                "On International Women's Day, women defenders from Colombia and elsewhere in "
                "Latin America met UN experts and diplomats in Geneva to describe the threats "
                "they face and what real protection would look like."
            ),
            "body": [
                para(
                    "The defenders, who work on land rights, sexual and reproductive rights and "
                    "peace-building, described online smear campaigns, threats against their "
                    "children and protection schemes that ignore gender.",
                    "They asked the Special Rapporteur on human rights defenders and the Working "
                    "Group on discrimination against women and girls to visit the region and to "
                    "follow up on individual cases.",
                )
            ],
        },
        {
            "slug": "philippines-end-red-tagging-of-environmental-defenders",
            "title": "Philippines: end the red-tagging of environmental defenders",
            "date": date(2023, 2, 14),
            "type": "press-release",
            "topics": [environment, reprisals],
            "countries": [p["philippines"], p["asia"]],
            "image": "green-mountains",
            "summary": (
                "Environmental and Indigenous defenders in the Philippines are still publicly "
                "labelled as communist rebels, a practice that has been followed by arrests and "
                "killings. ISHR calls on the authorities to stop it."
            ),
            "body": [
                para(
                    "Red-tagging, publicly accusing activists of links with armed groups, has "
                    "been criticised by UN experts because it exposes those targeted to violence "
                    "and to criminal charges.",
                    "ISHR urges the government to investigate attacks on defenders, to stop "
                    "officials from red-tagging, and to adopt the human rights defenders "
                    "protection bill that has been pending in Congress for years.",
                )
            ],
        },
        {
            "slug": "applications-open-human-rights-defenders-advocacy-programme",
            "title": "Applications open: Human Rights Defenders Advocacy Programme 2023",
            "date": date(2023, 1, 16),
            "type": "event-or-training",
            "session": "HRC52",
            "topics": [women, reprisals],
            "countries": [],
            "summary": (
                "Defenders who want to use the UN system to support their work at home can apply "
                "to ISHR's intensive training, which combines online learning with advocacy in "
                "Geneva during a Human Rights Council session."
            ),
            "body": [
                para(
                    "The programme covers the Human Rights Council, the treaty bodies, the "
                    "special procedures and the Universal Periodic Review, and how to plan "
                    "advocacy that links them to change at home. Participants meet diplomats and "
                    "UN staff and carry out their own advocacy plan.",
                    "We particularly welcome applications from women defenders and from "
                    "defenders in places where engaging with the UN is risky: every participant "
                    "gets support to assess and reduce those risks.",
                )
            ],
        },
        {
            "slug": "achpr-73-mauritania-should-protect-defenders-by-law",
            "title": "ACHPR 73: Mauritania should take legislative measures to ensure the "
            "protection of human rights defenders",
            "date": date(2022, 11, 4),
            "type": "statement",
            "session": "ACHPR 73",
            "topics": [migrants],
            "countries": [p["mauritania"], p["africa"]],
            "image": "hall-amber",
            "summary": (
                "Article 62 of the African Charter requires every State party to report every "
                "two years on the laws, administrative steps and policies it has adopted to give "
                "effect to the Charter's rights. Mauritania, a party since 1986, presented its "
                "combined 15th, 16th and 17th periodic reports to the African Commission."
            ),
            "body": [
                para(
                    "During the review at the Commission's 73rd ordinary session, ISHR and its "
                    "partners urged Mauritania to adopt a law that recognises and protects human "
                    "rights defenders, drawing on the model law developed with defenders across "
                    "the continent.",
                    "We also asked the Commission to press the authorities to end the harassment "
                    "of anti-slavery activists and of defenders who work with migrants, who "
                    "report arbitrary arrests and obstacles to registering their associations.",
                )
            ],
        },
        {
            "slug": "achpr73-cote-divoire-should-strengthen-defenders-protection-mechanism",
            "title": "ACHPR73: Côte d'Ivoire should strengthen the mechanism for the protection "
            "of human rights defenders",
            "date": date(2022, 11, 2),
            "type": "statement",
            "session": "ACHPR 73",
            "topics": [migrants],
            "countries": [p["cote-divoire"], p["africa"]],
            "summary": (
                "At its public session in Banjul, The Gambia, from 20 to 30 October 2022, the "
                "African Commission on Human and Peoples' Rights reviewed Côte d'Ivoire's "
                "periodic report for 2016 to 2019, which sets out the progress the country "
                "reports on human rights since its previous review."
            ),
            "body": [
                para(
                    "Côte d'Ivoire was among the first African States to pass a law on human "
                    "rights defenders, in 2014, and a decree creating a protection mechanism "
                    "followed. Defenders say, however, that the mechanism lacks resources, "
                    "independence and visibility.",
                    "ISHR asked the Commission to recommend that the authorities fund the "
                    "mechanism properly, involve civil society in running it, and make sure that "
                    "defenders of migrants' rights can turn to it.",
                )
            ],
        },
        {
            "slug": "hrc51-reprisals-report-shows-intimidation-persists",
            "title": "HRC51: UN reprisals report shows intimidation of defenders persists",
            "date": date(2022, 9, 29),
            "type": "press-release",
            "session": "HRC51",
            "topics": [reprisals],
            "countries": [],
            "image": "hall-blue",
            "summary": (
                "The Secretary-General's annual report on cooperation with the UN shows that "
                "people who engage with UN bodies still face threats, detention and travel bans. "
                "ISHR calls on the Council to respond to every case."
            ),
            "body": [
                para(
                    "The report covers cases in every region and points to the growing use of "
                    "online surveillance, and of laws on ‘foreign agents’ or counter-terrorism, "
                    "against people who cooperate with the UN.",
                    "ISHR urged Council members to raise individual cases in the interactive "
                    "dialogue and to make sure each one is followed up until it is resolved.",
                )
            ],
        },
        {
            "slug": "hrc51-impunity-for-violations-in-ceuta-and-melilla",
            "title": "HRC51: Impunity for grave violations against Africans in Ceuta and Melilla "
            "is a clear manifestation of structural and institutional racism",
            "date": date(2022, 9, 27),
            "type": "statement",
            "session": "HRC51",
            "topics": [migrants],
            "countries": [p["spain"], p["europe"], p["africa"]],
            "image": "placards",
            "summary": (
                "In the general debate under item 4 at HRC51, ISHR, the Implementation Team in "
                "Spain for the International Decade for People of African Descent and the Elin "
                "Association delivered a joint statement, backed by 108 organisations from "
                "Europe, the Americas and Africa, condemning serious violations against African "
                "people at Spain's southern borders, above all in Ceuta and Melilla."
            ),
            "body": [
                para(
                    "The statement recalled the deaths at the border fence between Nador and "
                    "Melilla in June 2022 and the absence of accountability for them, and argued "
                    "that the repeated failure to investigate such events reflects structural "
                    "and institutional racism.",
                    "The organisations asked the Council and its mechanisms to follow up, and "
                    "called on Spain to guarantee independent investigations, access to asylum "
                    "and an end to summary returns.",
                )
            ],
        },
        {
            "slug": "upr41-submission-on-land-and-environmental-defenders-in-brazil",
            "title": "UPR41: Submission on the protection of land and environmental defenders in "
            "Brazil",
            "date": date(2022, 7, 14),
            "type": "report-or-submission",
            "session": "UPR41",
            "topics": [environment],
            "countries": [p["brazil"], p["americas"]],
            "image": "forest-dusk",
            "summary": (
                "Ahead of Brazil's Universal Periodic Review, ISHR and partners submitted "
                "information on attacks against Indigenous, quilombola and rural defenders, and "
                "on gaps in the national protection programme."
            ),
            "body": [
                para(
                    "The submission documents threats and killings linked to land conflicts, "
                    "illegal mining and deforestation, and shows that many defenders who ask for "
                    "protection wait months for an answer.",
                    "It recommends that Brazil give its protection programme a basis in law, "
                    "enough funding and a role for civil society, and that it investigate "
                    "attacks promptly.",
                )
            ],
        },
        {
            "slug": "kenya-should-strengthen-its-legal-framework-protecting-defenders",
            "title": "Kenya should strengthen its legal framework protecting defenders",
            "date": date(2022, 5, 20),
            "type": "news",
            "session": "ACHPR 71",
            "topics": [migrants],
            "countries": [p["kenya"], p["africa"]],
            "summary": (
                "During its virtual session from 21 April to 13 May 2022, the African Commission "
                "on Human and Peoples' Rights considered Kenya's combined 12th and 13th periodic "
                "reports, which describe how the country says the human rights situation has "
                "developed."
            ),
            "body": [
                para(
                    "Kenya's Constitution protects freedom of expression, association and "
                    "assembly, but the country still has no dedicated law on the protection of "
                    "human rights defenders. ISHR encouraged the Commission to recommend one, "
                    "drafted with civil society.",
                    "Defenders working on land, on policing and on the rights of refugees in "
                    "camps such as Kakuma and Dadaab report surveillance, arrests and threats. "
                    "We urged the Commission to ask Kenya how it investigates such incidents.",
                )
            ],
        },
        {
            "slug": "webinar-migrant-defenders-and-regional-human-rights-systems",
            "title": "Webinar: how migrant rights defenders can use regional human rights systems",
            "date": date(2022, 3, 15),
            "type": "event-or-training",
            "mechanism": "ACHPR",
            "topics": [migrants],
            "countries": [p["africa"], p["europe"]],
            "summary": (
                "An online session for defenders who work with migrants and refugees: how to "
                "bring information and complaints to the African Commission and to European "
                "bodies, and how to stay safe while doing so."
            ),
            "body": [
                para(
                    "The webinar introduces the African Commission's procedures, including State "
                    "reporting and individual communications, and compares them with the "
                    "options in Europe. Speakers from migrant-led organisations share what has "
                    "worked for them.",
                    "Places are limited. Participants receive the materials in English and "
                    "French.",
                )
            ],
        },
        {
            "slug": "joint-letter-stop-criminalising-solidarity-with-migrants",
            "title": "Joint letter: stop criminalising solidarity with migrants in Europe",
            "date": date(2022, 2, 10),
            "type": "joint-letter",
            "topics": [migrants],
            "countries": [p["europe"]],
            "summary": (
                "With partners across civil society, ISHR wrote to European ministers asking "
                "them to stop prosecuting people who give food, shelter, rescue at sea or legal "
                "help to migrants and refugees."
            ),
            "body": [
                para(
                    "Rescuers, volunteers and lawyers across Europe have faced criminal charges "
                    "for helping people in need. The letter points out that humanitarian "
                    "assistance is protected by international standards, including the UN "
                    "Declaration on Human Rights Defenders.",
                    "The signatories ask governments to amend their laws on migrant smuggling so "
                    "that humanitarian acts can never be punished, and to drop pending cases "
                    "against defenders.",
                )
            ],
        },
    ]


def story_specs(c):
    t, p = c.pages, c.places
    return [
        {
            "slug": "selam-building-a-collective-narrative-for-migrant-workers",
            "title": "Building a collective narrative for migrant workers",
            "published": datetime(2023, 5, 10, 9, 0, tzinfo=UTC),
            "defender_name": "Selam T.",
            "portrait": c.images["portrait-selam"],
            "country": None,
            "quote": (
                "We need to create a collective narrative that is based on a rights-based "
                "approach of migrant workers."
            ),
            "summary": (
                "Selam organises migrant domestic workers: she helps them learn their rights, "
                "record abuses and speak with one voice to the authorities. We do not name the "
                "country where she works, to protect her and the women she supports."
            ),
            "topics": [
                t["migrant-and-refugee-rights"],
                t["women-human-rights-defenders"],
            ],
            "body": [
                para(
                    "Selam left home at nineteen to work as a live-in domestic worker. Her "
                    "employer kept her passport, and for two years she had one afternoon off a "
                    "month. When she finally met other women in the same situation, at a church "
                    "hall on one of those afternoons, she realised that what had happened to her "
                    "was not bad luck but a pattern."
                ),
                h2("From individual cases to a shared story"),
                para(
                    "Today she runs a network of several hundred domestic workers who share "
                    "information over a messaging app, accompany each other to the labour office "
                    "and keep written records of unpaid wages and confiscated documents.",
                    "For Selam, the point is not only to win individual cases, but to change how "
                    "migrant workers are talked about: as people with rights, not as a problem "
                    "to be managed.",
                ),
                h3("Staying safe"),
                para(
                    "Speaking out carries risks: members of the network have lost their jobs and "
                    "their residence permits. ISHR helped Selam share the network's findings "
                    "with UN experts without revealing who had provided them."
                ),
                DEMO_NOTE,
            ],
        },
        {
            "slug": "wanjiru-guarding-the-river",
            "title": "Guarding the river: a land defender in Kenya",
            "published": datetime(2023, 3, 20, 9, 0, tzinfo=UTC),
            "defender_name": "Wanjiru K.",
            "portrait": c.images["portrait-wanjiru"],
            "country": p["kenya"],
            "quote": (
                "The river does not belong to the company or to us. We are only looking after it "
                "for our grandchildren."
            ),
            "summary": (
                "Wanjiru leads a community association that has challenged a sand-harvesting "
                "operation draining the river her village depends on. She has been arrested "
                "twice and now documents every meeting with the authorities."
            ),
            "topics": [t["environmental-and-land-rights-defenders"]],
            "body": [
                para(
                    "When trucks began taking sand from the riverbed, the wells in Wanjiru's "
                    "village started to run dry. She gathered signatures, wrote to the county "
                    "government and, when nothing happened, organised a peaceful sit-in on the "
                    "access road."
                ),
                quote(
                    "Every time they arrest one of us, ten more people come to the next meeting.",
                    "Wanjiru K.",
                ),
                para(
                    "With support from ISHR, Wanjiru's association sent information to the "
                    "African Commission ahead of Kenya's review, asking for a law that protects "
                    "defenders and for consultation before licences are granted."
                ),
                DEMO_NOTE,
            ],
        },
        {
            "slug": "lucia-mapping-threats-to-women-leaders",
            "title": "Mapping threats to women leaders in Colombia",
            "published": datetime(2023, 1, 25, 9, 0, tzinfo=UTC),
            "defender_name": "Lucía O.",
            "portrait": c.images["portrait-lucia"],
            "country": p["colombia"],
            "quote": "Every woman leader we protect keeps a whole community standing.",
            "summary": (
                "Lucía coordinates a network of women community leaders who record threats "
                "against them and design their own protection plans, from phone trees to safe "
                "houses."
            ),
            "topics": [
                t["women-human-rights-defenders"],
                t["environmental-and-land-rights-defenders"],
            ],
            "body": [
                para(
                    "In Lucía's region, women lead the return of displaced families to their "
                    "land, and that makes them targets. Official protection schemes offered "
                    "bodyguards and bulletproof vests, which did not fit the lives of women "
                    "caring for children in remote villages."
                ),
                h2("Protection designed by those who need it"),
                para(
                    "The network Lucía coordinates maps every threat, shares alerts between "
                    "villages and agrees collective responses. It has presented its approach to "
                    "UN experts as a model for gender-sensitive protection."
                ),
                DEMO_NOTE,
            ],
        },
        {
            "slug": "ahmed-speaking-in-geneva-despite-a-travel-ban",
            "title": "Speaking in Geneva despite a travel ban",
            "published": datetime(2022, 12, 5, 9, 0, tzinfo=UTC),
            "defender_name": "Ahmed S.",
            "portrait": c.images["portrait-ahmed"],
            "country": p["mauritania"],
            "quote": (
                "They wanted me to be afraid to speak in Geneva. I spoke anyway, and I was not "
                "alone."
            ),
            "summary": (
                "Ahmed campaigns against slavery-like practices and supports migrants held at "
                "the border. After he briefed UN experts, he was stopped at the airport; he then "
                "took part in the session remotely."
            ),
            "topics": [
                t["reprisals-against-defenders"],
                t["migrant-and-refugee-rights"],
            ],
            "body": [
                para(
                    "Ahmed was due to speak at a side event in Geneva when border police took his "
                    "passport. ISHR raised his case with the UN the same day, and he gave his "
                    "statement by video link."
                ),
                para(
                    "His case was later included in the Secretary-General's report on reprisals. "
                    "He has since recovered his passport and continues his work."
                ),
                DEMO_NOTE,
            ],
        },
    ]


# The command -----------------------------------------------------------------------------------


@dataclass
class Refs:
    """What the page specifications refer to, filled in as the command goes along."""

    images: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    update_types: dict = field(default_factory=dict)
    mechanisms: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = (
        "Build the home page, sections, topics, updates, defenders' stories, snippets and "
        "images of the demo site. Safe to run again: it only changes what differs."
    )

    def handle(self, *args, **options):
        self.counts = Counter()
        self.refs = Refs()
        with transaction.atomic():
            self.load_images()
            self.load_snippets()
            home = self.load_home_shell()
            self.load_index_pages(home)
            self.load_topics()
            self.load_updates()
            self.load_stories()
            self.save_page(home.get_parent(), HomePage, "home", home_fields(self.refs), page=home)
            self.load_site_settings(home)
        self.report()

    # Images.

    def load_images(self):
        image_model = get_image_model()
        for spec in PICTURES:
            values = {
                "alt_text": spec.alt_text,
                "credit": spec.credit,
                "licence": LICENCE,
                "source_url": "",
            }
            image = image_model.objects.filter(title=spec.title).order_by("pk").first()
            if image is None:
                image = image_model(title=spec.title, **values)
                self._attach_file(image, spec)
                image.save()
                self.counts["images created"] += 1
            else:
                changed = {k: v for k, v in values.items() if getattr(image, k) != v}
                missing = not image.file or not image.file.storage.exists(image.file.name)
                if missing:  # the media folder was emptied: draw the picture again
                    image.renditions.all().delete()
                    self._attach_file(image, spec)
                if changed or missing:
                    for name, value in changed.items():
                        setattr(image, name, value)
                    image.save()
                    self.counts["images updated"] += 1
                else:
                    self.counts["images unchanged"] += 1
            self.refs.images[spec.key] = image

    def _attach_file(self, image, spec):
        image.file = ImageFile(BytesIO(spec.render()), name=f"{slugify(spec.title)}.jpg")
        image._set_image_file_metadata()

    # Snippets.

    def load_snippets(self):
        refs = self.refs
        for slug, name in UPDATE_TYPES:
            refs.update_types[slug] = self.save_snippet(UpdateType, {"slug": slug}, name=name)
        for acronym, name in MECHANISMS:
            refs.mechanisms[acronym] = self.save_snippet(
                Mechanism, {"acronym": acronym}, name=name
            )
        for name, acronym, starts_on, ends_on in SESSIONS:
            refs.sessions[name] = self.save_snippet(
                MechanismSession,
                {"name": name},
                mechanism=refs.mechanisms[acronym],
                starts_on=starts_on,
                ends_on=ends_on,
            )
        for slug, name, kind in PLACES:
            refs.places[slug] = self.save_snippet(
                CountryOrRegion, {"slug": slug}, name=name, kind=kind
            )

    def save_snippet(self, model, lookup, **values):
        obj = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.counts[f"{label} created"] += 1
            return obj
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(obj, name, value)
            obj.full_clean()
            obj.save()
            self.counts[f"{label} updated"] += 1
        else:
            self.counts[f"{label} unchanged"] += 1
        return obj

    # Pages.

    def load_home_shell(self):
        """The home page under the root, in place of Wagtail's welcome page, with the default
        site pointing at it. Its content is saved last, once the pages it links to exist."""
        root = Page.get_first_root_node()
        home = (
            HomePage.objects.child_of(root).filter(slug="home").first()
            or HomePage.objects.child_of(root).order_by("path").first()
        )
        welcome = root.get_children().filter(slug="home")
        if home is not None:
            welcome = welcome.exclude(pk=home.pk)
        welcome = welcome.first()
        if welcome is not None and (welcome.specific_class is not Page or welcome.numchild):
            raise CommandError(
                f"The page “{welcome.title}” already uses the slug “home” under the root and is "
                "not Wagtail's empty welcome page; move or delete it first."
            )
        if home is None:
            # The welcome page still holds the slug until it is deleted below.
            slug = "home-demo" if welcome else "home"
            home = HomePage(title=HOME_TITLE, intro=HOME_INTRO, slug=slug)
            root.add_child(instance=home)

        site = Site.objects.filter(is_default_site=True).first()
        changed = site is None
        if site is None:
            site = Site.objects.filter(hostname="localhost", port=80).first() or Site(
                hostname="localhost", port=80, site_name="ISHR"
            )
            site.is_default_site = True
        if site.root_page_id != home.pk:
            site.root_page = home
            changed = True
        hostname, port = local_address()
        if site.hostname in LOCAL_HOSTNAMES and (site.hostname, site.port) != (hostname, port):
            # Links the admin makes to the site ("View live", share links) use the site's own
            # address: on a local copy, that is where the development server answers.
            site.hostname, site.port = hostname, port
            changed = True
        if changed:
            site.save()
            self.counts["sites updated"] += 1
        if welcome is not None:
            Site.objects.filter(root_page=welcome).update(root_page=home)
            welcome.delete()
            self.counts["welcome pages deleted"] += 1
        return home

    def load_index_pages(self, home):
        for slug, model, title, intro in INDEX_PAGES:
            self.refs.pages[slug] = self.save_page(
                home,
                model,
                slug,
                {"title": title, "intro": intro, "show_in_menus": True},
            )
        self.refs.pages["privacy-notice"] = self.save_page(
            home, StandardPage, "privacy-notice", PRIVACY_NOTICE
        )

    def load_site_settings(self, home):
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.for_site(site)
        values = {
            "privacy_notice": self.refs.pages["privacy-notice"],
            "default_social_image": self.refs.images["home-hero"],
        }
        changed = {k: v for k, v in values.items() if getattr(settings, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(settings, name, value)
            settings.save()
            self.counts["site settings updated"] += 1

    def load_topics(self):
        parent = self.refs.pages["topics"]
        for spec in topic_specs(self.refs):
            slug = spec.pop("slug")
            self.refs.pages[slug] = self.save_page(parent, TopicPage, slug, spec)

    def load_updates(self):
        refs = self.refs
        parent = refs.pages["latest-updates"]
        for spec in update_specs(refs):
            session = refs.sessions.get(spec.get("session"))
            mechanism = (
                session.mechanism if session else refs.mechanisms.get(spec.get("mechanism"))
            )
            fields = {
                "title": spec["title"],
                "date": spec["date"],
                "update_type": refs.update_types[spec["type"]],
                "summary": spec["summary"],
                "body": spec["body"],
                "listing_image": refs.images.get(spec.get("image")),
                "mechanism": mechanism,
                "session": session,
            }
            self.save_page(
                parent,
                UpdatePage,
                spec["slug"],
                fields,
                relations={"topics": spec["topics"], "countries": spec["countries"]},
                published=datetime.combine(spec["date"], time(9), tzinfo=UTC),
            )

    def load_stories(self):
        parent = self.refs.pages["defenders-stories"]
        for spec in story_specs(self.refs):
            slug, published, topics = (
                spec.pop("slug"),
                spec.pop("published"),
                spec.pop("topics"),
            )
            self.save_page(
                parent,
                StoryPage,
                slug,
                spec,
                relations={"topics": topics},
                published=published,
            )

    def save_page(self, parent, model, slug, fields, relations=None, published=None, page=None):
        """Create the page, or bring it up to date; publish only when something changed.

        ``fields`` maps field names to values (StreamFields in their raw form, foreign keys as
        objects); ``relations`` maps ParentalManyToManyFields to lists of objects.
        ``published`` is the first publication date given to a page created now."""
        relations = relations or {}
        for name, value in fields.items():
            if isinstance(model._meta.get_field(name), StreamField):
                self._validate_stream(model, name, value)
        if page is None:
            page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            clash = parent.get_children().filter(slug=slug).first()
            if clash is not None:
                raise CommandError(
                    f"“{clash.url_path}” is a {clash.specific_class.__name__}, not a "
                    f"{model.__name__}; move or delete it first."
                )
            page = model(slug=slug, first_published_at=published, **fields)
            for name, objects in relations.items():
                getattr(page, name).set(objects)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.counts["pages created"] += 1
            return page
        fields = {"slug": slug, **fields}
        if self._differs(page, fields, relations) or not page.live or not page.live_revision_id:
            for name, value in fields.items():
                setattr(page, name, value)
            for name, objects in relations.items():
                getattr(page, name).set(objects)
            first_time = page.live_revision_id is None
            page.save_revision().publish()
            self.counts["pages created" if first_time else "pages updated"] += 1
        else:
            self.counts["pages unchanged"] += 1
        return page

    def _validate_stream(self, model, name, raw):
        block = model._meta.get_field(name).stream_block
        block.clean(block.to_python(raw))

    def _differs(self, page, fields, relations):
        for name, value in fields.items():
            model_field = page._meta.get_field(name)
            if isinstance(model_field, StreamField):
                if self._stream_data(model_field, getattr(page, name)) != self._stream_data(
                    model_field, value
                ):
                    return True
            elif model_field.many_to_one:
                if getattr(page, model_field.attname) != (value.pk if value else None):
                    return True
            elif getattr(page, name) != value:
                return True
        for name, objects in relations.items():
            current = sorted(getattr(page, name).values_list("pk", flat=True))
            if current != sorted(obj.pk for obj in objects):
                return True
        return False

    def _stream_data(self, model_field, value):
        """A StreamField value as comparable JSON: each block's type and prepared value,
        without the block ids Wagtail generates."""
        stream = model_field.to_python(value)
        data = [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in stream
        ]
        return json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder)

    def report(self):
        image_model = get_image_model()
        self.stdout.write("Demo content loaded.")
        for label, count in sorted(self.counts.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            "  Totals: "
            f"{HomePage.objects.count()} home, "
            f"{TopicPage.objects.count()} topics, "
            f"{UpdatePage.objects.count()} updates, "
            f"{StoryPage.objects.count()} stories, "
            f"{image_model.objects.count()} images."
        )
