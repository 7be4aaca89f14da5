"""The demo's Spanish: each English text as wagtail-localize extracts it from a page (a slug
included), and its translation."""

from ..site import HOME_INTRO, HOME_TITLE, INDEX_PAGES

_INTROS = {slug: intro for slug, _model, _title, intro in INDEX_PAGES}

TEXTS = {
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
}
