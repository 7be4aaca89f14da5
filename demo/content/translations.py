"""The demo's French and Spanish: the home page and the three sections, translated with
wagtail-localize as an editor would, text by text (each English text, as wagtail-localize
extracts it from the page, and its translation). The topics, updates and stories are not
translated yet: the French and Spanish listings show them in English, marked as such."""

from .site import HOME_INTRO, HOME_TITLE, INDEX_PAGES

# In this order: a page's parent is translated before it.
TRANSLATED_PAGES = ["home", *(slug for slug, *_ in INDEX_PAGES)]

_INTROS = {slug: intro for slug, _model, _title, intro in INDEX_PAGES}

TEXTS = {
    "fr": {
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
    },
    "es": {
        HOME_TITLE: "Servicio Internacional para los Derechos Humanos",
        "home": "inicio",
        HOME_INTRO: (
            "Ayudamos a las personas defensoras de derechos humanos a hacerse oír en las "
            "Naciones Unidas y en los sistemas regionales, y a convertir los compromisos de los "
            "Estados en cambios reales en sus países."
        ),
        "ISHR is an independent, non-governmental organisation with offices in Geneva and New "
        "York. We work alongside defenders: we train them, help them to reach the people who "
        "take decisions, and respond when they are attacked for their work.": (
            "ISHR es una organización no gubernamental independiente, con oficinas en Ginebra y "
            "Nueva York. Trabajamos junto a las personas defensoras: las formamos, las ayudamos "
            "a llegar a quienes toman las decisiones y respondemos cuando se las ataca por su "
            "labor."
        ),
        "The updates and stories on this site are demo content.": (
            "Las novedades y los relatos de este sitio son contenido de demostración."
        ),
        "Explore our priorities": "Conozca nuestras prioridades",
        "From migrants' rights to reprisals, see the themes at the centre of our work.": (
            "De los derechos de las personas migrantes a las represalias: los temas que están "
            "en el centro de nuestro trabajo."
        ),
        "See our priorities": "Ver nuestras prioridades",
        "Our priorities": "Nuestras prioridades",
        "topics": "nuestras-prioridades",
        _INTROS["topics"]: (
            "Los temas en el centro de nuestro trabajo con las personas defensoras de derechos "
            "humanos."
        ),
        "Latest updates": "Últimas novedades",
        "latest-updates": "novedades",
        _INTROS["latest-updates"]: (
            "Noticias, declaraciones, cartas conjuntas, comunicados, informes y eventos: nuestro "
            "trabajo en la ONU y en los sistemas regionales de derechos humanos."
        ),
        "Defenders' stories": "Voces de personas defensoras",
        "defenders-stories": "voces-de-personas-defensoras",
        _INTROS["defenders-stories"]: (
            "Personas defensoras cuentan quiénes son, qué hacen y qué necesitan para trabajar "
            "con seguridad."
        ),
    },
}
