"""The demo site's pictures: what each one shows, its alt text and credit. They are drawn by
`demo.drawing`; the title seeds the drawing, so a picture is the same on every load."""

from dataclasses import dataclass, field

from demo.drawing import Drawing

DEMO_CREDIT = "Illustration: ISHR demo content, generated for this site"
PHOTO_CREDIT = "© Photo: Creative Commons Zero - CC0"
LICENCE = "CC0 1.0"

HERO_SIZE = (1920, 900)
LISTING_SIZE = (1200, 675)
PORTRAIT_SIZE = (800, 800)


@dataclass(frozen=True)
class Picture:
    """One image of the demo site: ``key`` is how the page specifications name it, ``title``
    how the image library does (and the seed of its drawing); ``options`` go to the scene."""

    key: str
    title: str
    scene: str
    size: tuple
    alt_text: str
    options: dict = field(default_factory=dict)
    credit: str = DEMO_CREDIT

    @property
    def drawing(self):
        return Drawing.of(self.scene, self.size, self.title, **self.options)


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
    # Portraits: flat-colour illustrations of people without faces, so that no real face stands
    # in for a fictional defender and a story that protects its defender's identity shows none.
    Picture(
        "portrait-selam",
        "Illustration: Selam T.",
        "portrait",
        PORTRAIT_SIZE,
        "Illustration of a woman in a yellow headscarf and a blue top, in front of a sunburst "
        "of orange rays and green hills; the face is left blank.",
        {
            "motif": "sun",
            "background": "#e4572e",
            "pattern": "#ec7a52",
            "land": "#2d6a4f",
            "skin": "#8d5524",
            "hair_style": "scarf",
            "clothing": "#0b4f6c",
            "collar": "#ffc845",
        },
    ),
    Picture(
        "portrait-wanjiru",
        "Illustration: Wanjiru K.",
        "portrait",
        PORTRAIT_SIZE,
        "Illustration of a woman with her hair in a bun and a green top, in front of golden "
        "hills with a blue river winding through them; the face is left blank.",
        {
            "motif": "river",
            "background": "#f2a541",
            "pattern": "#f5b861",
            "land": "#7a9a3a",
            "skin": "#6b3e26",
            "hair": "#1c120c",
            "hair_style": "bun",
            "clothing": "#2d6a4f",
            "collar": "#e4572e",
        },
    ),
    Picture(
        "portrait-lucia",
        "Illustration: Lucía O.",
        "portrait",
        PORTRAIT_SIZE,
        "Illustration of a woman with long dark hair and a red top, in front of a teal sky with "
        "birds flying over green mountains; the face is left blank.",
        {
            "motif": "birds",
            "background": "#1f7a8c",
            "pattern": "#2b8a9c",
            "land": "#2d6a4f",
            "skin": "#c68642",
            "hair": "#2b1d14",
            "hair_style": "long",
            "clothing": "#b23a48",
            "collar": "#ffc845",
        },
    ),
    Picture(
        "portrait-ahmed",
        "Illustration: Ahmed S.",
        "portrait",
        PORTRAIT_SIZE,
        "Illustration of a man with short dark hair and a white top, in front of a purple "
        "background with speech bubbles above him; the face is left blank.",
        {
            "motif": "speech",
            "background": "#5a4a8a",
            "pattern": "#6a5a9a",
            "land": "#3d3470",
            "skin": "#a0673a",
            "hair": "#1a1410",
            "hair_style": "short",
            "clothing": "#f4f1ea",
            "collar": "#1f7a8c",
        },
    ),
]
