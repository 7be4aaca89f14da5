"""The demo's French: each English text as wagtail-localize extracts it from a page (a slug
included), and its translation."""

from ..site import HOME_INTRO, HOME_TITLE, INDEX_PAGES

_INTROS = {slug: intro for slug, _model, _title, intro in INDEX_PAGES}

TEXTS = {
    HOME_TITLE: "Service international pour les droits humains",
    "home": "accueil",
    HOME_INTRO: (
        "Nous aidons les défenseurs et défenseuses des droits humains à se faire entendre "
        "aux Nations unies et dans les systèmes régionaux, et à faire des engagements pris "
        "par les États des changements réels dans leur pays."
    ),
    "ISHR is an independent, non-governmental organisation with offices in Geneva and New "
    "York. We work alongside defenders: we train them, help them to reach the people who "
    "take decisions, and respond when they are attacked for their work.": (
        "L'ISHR est une organisation non gouvernementale indépendante, présente à Genève et "
        "à New York. Nous travaillons aux côtés des défenseurs : nous les formons, nous les "
        "aidons à rencontrer celles et ceux qui décident, et nous réagissons lorsqu'ils sont "
        "attaqués pour leur travail."
    ),
    "The updates and stories on this site are demo content.": (
        "Les actualités et les récits publiés sur ce site sont des contenus de démonstration."
    ),
    "Explore our priorities": "Découvrir nos priorités",
    "From migrants' rights to reprisals, see the themes at the centre of our work.": (
        "Des droits des personnes migrantes aux représailles : les thèmes au cœur de notre "
        "travail."
    ),
    "See our priorities": "Voir nos priorités",
    "Our priorities": "Nos priorités",
    "topics": "nos-priorites",
    _INTROS["topics"]: (
        "Les thèmes au cœur de notre travail avec les défenseurs des droits humains."
    ),
    "Latest updates": "Dernières actualités",
    "latest-updates": "actualites",
    _INTROS["latest-updates"]: (
        "Actualités, déclarations, lettres conjointes, communiqués, rapports et événements : "
        "notre travail à l'ONU et dans les systèmes régionaux de droits humains."
    ),
    "Defenders' stories": "Paroles de défenseurs",
    "defenders-stories": "paroles-de-defenseurs",
    _INTROS["defenders-stories"]: (
        "Des défenseurs racontent qui ils sont, ce qu'ils font et ce dont ils ont besoin "
        "pour travailler en sécurité."
    ),
}
