"""The demo site's pictures, drawn with Pillow so that nothing is downloaded and no real person
stands in for a fictional defender.

A `Drawing` is everything that decides a picture's pixels: its scene, size, seed and the scene's
options (colours, placard words...). Drawing one takes about a third of a second, and the demo is
loaded many times in one process (the test suite does), so `jpeg()` keeps each JPEG in memory
under its `Drawing`: the same drawing is never drawn twice in a process, and a changed colour or
word is a new drawing, never a stale one.
"""

import math
import random
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont

JPEG_OPTIONS = {"quality": 85, "optimize": True}


@dataclass(frozen=True)
class Drawing:
    """What a picture depicts. Frozen and made of hashable values, so that it is the key of the
    JPEG cache: two equal drawings have the same pixels."""

    scene: str
    size: tuple[int, int]
    seed: str
    # The scene function's keyword arguments, as sorted (name, value) pairs; values are strings,
    # numbers or tuples of them.
    options: tuple = ()

    @classmethod
    def of(cls, scene, size, seed, **options):
        return cls(scene, tuple(size), seed, tuple(sorted(options.items())))


# The drawings already encoded in this process.
_jpegs: dict[Drawing, bytes] = {}


def jpeg(drawing):
    """The drawing as JPEG bytes, drawn only the first time this process asks for it."""
    data = _jpegs.get(drawing)
    if data is None:
        buffer = BytesIO()
        draw(drawing).save(buffer, "JPEG", **JPEG_OPTIONS)
        data = _jpegs[drawing] = buffer.getvalue()
    return data


def draw(drawing):
    """Draw the picture: an RGB Pillow image, the same every time for the same drawing."""
    scene = SCENES[drawing.scene]
    return scene(drawing.size, random.Random(drawing.seed), **dict(drawing.options))


# Scenes -------------------------------------------------------------------------------------
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


def _composite_blurred(img, layer, radius):
    """Composite ``layer``, blurred, onto ``img``: the same pixels as blurring the whole layer,
    but only the part of it that holds something is blurred, with room for the blur's reach
    (Pillow's three box blurs spread a pixel less than 6 radii and a few pixels)."""
    box = layer.getbbox()
    if box is None:
        return
    reach = math.ceil(radius * 6) + 4
    left, top, right, bottom = box
    w, h = layer.size
    area = (
        max(0, left - reach),
        max(0, top - reach),
        min(w, right + reach),
        min(h, bottom + reach),
    )
    blurred = layer.crop(area).filter(ImageFilter.GaussianBlur(radius))
    img.alpha_composite(blurred, dest=area[:2])


def _glow(img, centre, radius, colour, strength=200):
    layer, draw = _layer(img.size)
    x, y = centre
    for step in range(6, 0, -1):
        r = radius * step / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*_rgb(colour), strength // (step + 1)))
    _composite_blurred(img, layer, radius)


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
    _composite_blurred(img, layer, w / 400)
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
        _composite_blurred(img, layer, blur)
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
        _composite_blurred(img, layer, (1 - t) * w / 900 + 0.4)
        if i < layers - 1:  # mist in the valley in front of the ridge
            fog, draw = _layer(size)
            draw.rectangle((0, base + h * 0.03, w, base + h * 0.09), fill=(*_rgb(mist), 70))
            _composite_blurred(img, fog, h * 0.03)
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
    _composite_blurred(img, layer, w / 900)
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
        _composite_blurred(img, layer, (1 - t) * w / 1200 + 0.3)
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
        _composite_blurred(img, layer, blur)
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
        _composite_blurred(img, layer, w / 1500)
    return _finish(img, rng, vignette=0.4)


def _shade(colour, t):
    """The colour darkened (t < 0, towards black) or lightened (t > 0, towards white)."""
    return _mix(colour, "#000000" if t < 0 else "#ffffff", abs(t))


def _backdrop(draw, s, motif, background, pattern, land, rng):
    """The flat background of a portrait: a pattern, then the motif behind the person."""
    cx, cy = s / 2, s * 0.42
    if motif == "sun":  # a sunburst of alternate wedges around the head
        turn = rng.uniform(0, 15)
        for k in range(0, 24, 2):
            draw.pieslice(
                (cx - s, cy - s, cx + s, cy + s), turn + k * 15, turn + k * 15 + 15, fill=pattern
            )
    else:  # rows of dots, a printed-paper texture
        step = s / 14
        for row in range(16):
            for col in range(16):
                x = col * step + (step / 2 if row % 2 else 0)
                r = s * 0.012
                draw.ellipse((x - r, row * step - r, x + r, row * step + r), fill=pattern)
    halo = s * 0.3  # a disc behind the head
    draw.ellipse((cx - halo, cy - halo, cx + halo, cy + halo), fill=_shade(background, 0.28))
    if motif == "speech":  # speaking up: speech bubbles in the upper corners
        for x, y, w, flip in ((0.12, 0.12, 0.25, 1), (0.64, 0.21, 0.22, -1)):
            x, y, w, h = x * s, y * s, w * s, w * s * 0.55
            draw.rounded_rectangle((x, y, x + w, y + h), radius=h * 0.35, fill="#fdf6e3")
            tail_x = x + w * (0.7 if flip > 0 else 0.3)
            draw.polygon(
                [
                    (tail_x - s * 0.03, y + h - 1),
                    (tail_x + s * 0.03, y + h - 1),
                    (tail_x + flip * s * 0.05, y + h + s * 0.06),
                ],
                fill="#fdf6e3",
            )
            for i in range(3):
                line = w * (0.62 if i < 2 else 0.4)
                ly = y + h * (0.28 + i * 0.22)
                draw.rounded_rectangle(
                    (x + w * 0.16, ly, x + w * 0.16 + line, ly + h * 0.1),
                    radius=h * 0.05,
                    fill=_shade(background, -0.1),
                )
    horizon = s * 0.62  # hills behind the shoulders
    points = [(0, horizon)]
    for i in range(1, 9):
        points.append((i * s / 8, horizon + math.sin(i * 1.3 + rng.uniform(0, 1)) * s * 0.035))
    draw.polygon([*points, (s, s), (0, s)], fill=land)
    far = [(x, y - s * 0.07 + rng.uniform(-0.02, 0.02) * s) for x, y in points]
    draw.polygon([*far, (s, s), (0, s)], fill=_mix(land, background, 0.45))
    draw.polygon([*points, (s, s), (0, s)], fill=land)
    if motif == "river":  # a river winding down from the hills
        steps = [i / 12 for i in range(13)]
        left = [
            (s * (0.74 + 0.06 * math.sin(t * 7) + 0.1 * t), horizon + (s - horizon) * t)
            for t in steps
        ]
        right = [(x + s * (0.01 + 0.16 * t), y) for (x, y), t in zip(left, steps, strict=True)]
        draw.polygon([*left, *reversed(right)], fill="#6fb7c9")
    if motif == "birds":  # birds flying free in the upper corners
        for _ in range(5):
            x = rng.choice((rng.uniform(0.16, 0.3), rng.uniform(0.7, 0.84))) * s
            y, span = rng.uniform(0.14, 0.32) * s, rng.uniform(0.035, 0.055) * s
            width = max(2, round(s * 0.008))
            draw.arc((x - span, y, x, y + span), 200, 340, fill="#fdf6e3", width=width)
            draw.arc((x, y, x + span, y + span), 200, 340, fill="#fdf6e3", width=width)


def draw_portrait(
    size,
    rng,
    background="#e4572e",
    pattern="#ec7a52",
    land="#2d6a4f",
    motif="dots",
    skin="#8d5524",
    hair="#2b1d14",
    hair_style="short",
    clothing="#0b4f6c",
    collar="#ffc845",
):
    """A flat-colour illustration of a person from the shoulders up, in front of a patterned
    background and a landscape: an illustration, not a photograph, and never a face (the
    head has no features), since stories may protect a defender's identity."""
    w, h = size
    scale = 2  # drawn at twice the size and reduced, for smooth edges
    s = min(w, h) * scale
    img = Image.new("RGB", (s, s), _rgb(background))
    draw = ImageDraw.Draw(img)
    skin, hair, clothing = _rgb(skin), _rgb(hair), _rgb(clothing)
    shadow = _shade(skin, -0.12)  # the neck and ears, a little darker than the face
    _backdrop(draw, s, motif, _rgb(background), _rgb(pattern), _rgb(land), rng)
    cx, cy = s / 2 + rng.uniform(-0.015, 0.015) * s, s * 0.42
    hw, hh = s * 0.115, s * 0.145
    if hair_style == "long":  # hair falling behind the shoulders
        draw.rounded_rectangle(
            (cx - hw * 1.3, cy - hh * 0.9, cx + hw * 1.3, s * 0.8), radius=hw * 0.9, fill=hair
        )
    # Shoulders and clothing, with a neck and a collar.
    draw.rectangle((cx - hw * 0.45, cy + hh * 0.6, cx + hw * 0.45, s * 0.7), fill=shadow)
    draw.rounded_rectangle(
        (cx - s * 0.36, s * 0.68, cx + s * 0.36, s * 1.25), radius=s * 0.16, fill=clothing
    )
    draw.polygon(
        [(cx - hw * 0.75, s * 0.68), (cx + hw * 0.75, s * 0.68), (cx, s * 0.8)],
        fill=shadow,
    )
    draw.line(
        [(cx - hw * 0.95, s * 0.675), (cx, s * 0.815), (cx + hw * 0.95, s * 0.675)],
        fill=_rgb(collar),
        width=round(s * 0.02),
        joint="curve",
    )
    for side in (-1, 1):  # a seam from the collar to each shoulder
        draw.line(
            [(cx + side * s * 0.17, s * 0.72), (cx + side * s * 0.2, s)],
            fill=_shade(clothing, -0.15),
            width=round(s * 0.008),
        )
    if hair_style == "scarf":  # a headscarf framing the face and falling on the shoulders
        scarf = _rgb(collar)
        draw.polygon(
            [
                (cx - hw * 1.25, cy),
                (cx + hw * 1.25, cy),
                (cx + hw * 2.1, s * 0.8),
                (cx - hw * 2.1, s * 0.8),
            ],
            fill=scarf,
        )
        draw.ellipse((cx - hw * 1.35, cy - hh * 1.25, cx + hw * 1.35, cy + hh * 1.2), fill=scarf)
        fold = _shade(scarf, -0.12)  # the folds where the scarf falls from under the chin
        for side in (-1, 1):
            draw.line(
                [(cx + side * hw * 0.9, cy + hh * 1.1), (cx + side * hw * 1.5, s * 0.78)],
                fill=fold,
                width=round(s * 0.008),
            )
        draw.ellipse((cx - hw * 0.82, cy - hh * 0.75, cx + hw * 0.82, cy + hh * 0.95), fill=skin)
        return img.resize(size, Image.Resampling.LANCZOS)
    # The head: an oval without features; then the hair over it.
    for side in (-1, 1):  # ears
        x = cx + side * hw * 0.96
        draw.ellipse((x - hw * 0.16, cy - hh * 0.05, x + hw * 0.16, cy + hh * 0.35), fill=shadow)
    if hair_style == "bun":
        draw.ellipse((cx - hw * 0.5, cy - hh * 1.6, cx + hw * 0.5, cy - hh * 0.8), fill=hair)
    # The hair as a cap, the face over it lower down, so that the hairline follows the face.
    draw.ellipse((cx - hw * 1.08, cy - hh * 1.1, cx + hw * 1.08, cy + hh * 0.45), fill=hair)
    draw.ellipse((cx - hw, cy - hh * 0.62, cx + hw, cy + hh), fill=skin)
    # A fringe swept to one side.
    side = rng.choice((-1, 1))
    draw.chord(
        (
            cx - hw * (0.95 if side < 0 else 0.2),
            cy - hh * 0.95,
            cx + hw * (0.2 if side < 0 else 0.95),
            cy - hh * 0.25,
        ),
        180,
        360,
        fill=hair,
    )
    return img.resize(size, Image.Resampling.LANCZOS)


SCENES = {
    "crowd": draw_crowd,
    "landscape": draw_landscape,
    "chamber": draw_chamber,
    "vigil": draw_vigil,
    "portrait": draw_portrait,
}
