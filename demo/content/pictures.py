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
