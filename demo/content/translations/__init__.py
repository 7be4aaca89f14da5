"""The demo's French and Spanish, translated with wagtail-localize as an editor would, text by
text: the home page, the sections, the privacy notice, the seed topic and stories, and all but
one of the seed topic's latest updates (left in English so that the listings' fallback shows:
the French and Spanish pages list it in English, marked as such). ``fr.py`` and ``es.py`` hold
the texts."""

from ..site import INDEX_PAGES
from . import es, fr

# In this order: a page's parent is translated before it.
TRANSLATED_PAGES = [
    "home",
    *(slug for slug, *_ in INDEX_PAGES),
    "privacy-notice",
    "migrant-and-refugee-rights",
    "achpr-73-mauritania-should-protect-defenders-by-law",
    "achpr73-cote-divoire-should-strengthen-defenders-protection-mechanism",
    "hrc51-impunity-for-violations-in-ceuta-and-melilla",
    # Not "kenya-should-strengthen-its-legal-framework-protecting-defenders": the fourth of the
    # topic's latest updates stays in English.
    "building-a-collective-narrative-for-migrant-workers",
    "ahmed-speaking-in-geneva-despite-a-travel-ban",
]

TEXTS = {"fr": fr.TEXTS, "es": es.TEXTS}
