"""The snippets the demo's updates and stories are tagged with: update types, UN and regional
mechanisms with their sessions, countries and regions."""

from datetime import date

from core.models import CountryOrRegion

# (slug, name)
UPDATE_TYPES = [
    ("news", "News"),
    ("statement", "Statement"),
    ("joint-letter", "Joint letter"),
    ("press-release", "Press release"),
    ("report-or-submission", "Report or submission"),
    ("event-or-training", "Event or training"),
]

# (acronym, name)
MECHANISMS = [
    ("ACHPR", "African Commission on Human and Peoples' Rights"),
    ("HRC", "UN Human Rights Council"),
    ("UPR", "Universal Periodic Review"),
]

# (name, mechanism's acronym, first day, last day)
SESSIONS = [
    ("ACHPR 71", "ACHPR", date(2022, 4, 21), date(2022, 5, 13)),
    ("ACHPR 73", "ACHPR", date(2022, 10, 20), date(2022, 11, 9)),
    ("HRC51", "HRC", date(2022, 9, 12), date(2022, 10, 7)),
    ("HRC52", "HRC", date(2023, 2, 27), date(2023, 4, 4)),
    ("HRC53", "HRC", date(2023, 6, 19), date(2023, 7, 14)),
    ("UPR41", "UPR", date(2022, 11, 7), date(2022, 11, 18)),
]

COUNTRY, REGION = CountryOrRegion.Kind.COUNTRY, CountryOrRegion.Kind.REGION
# (slug, name, kind)
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

# The snippets' French and Spanish, by the English row's key: an update type's slug, a
# mechanism's acronym (a mechanism has a translated acronym too) or a place's slug.
TRANSLATED_SNIPPETS = {
    "fr": {
        "update_types": {
            # Not "Actualité": that is every update's name in French.
            "news": "Nouvelle",
            "statement": "Déclaration",
            "joint-letter": "Lettre conjointe",
            "press-release": "Communiqué de presse",
            "report-or-submission": "Rapport ou contribution",
            "event-or-training": "Événement ou formation",
        },
        "mechanisms": {
            "ACHPR": ("CADHP", "Commission africaine des droits de l'homme et des peuples"),
            "HRC": ("CDH", "Conseil des droits de l'homme des Nations unies"),
            "UPR": ("EPU", "Examen périodique universel"),
        },
        "places": {
            "mauritania": "Mauritanie",
            "cote-divoire": "Côte d'Ivoire",
            "spain": "Espagne",
            "kenya": "Kenya",
            "brazil": "Brésil",
            "colombia": "Colombie",
            "philippines": "Philippines",
            "africa": "Afrique",
            "europe": "Europe",
            "americas": "Amériques",
            "asia": "Asie",
        },
    },
    "es": {
        "update_types": {
            "news": "Noticia",
            "statement": "Declaración",
            "joint-letter": "Carta conjunta",
            "press-release": "Comunicado de prensa",
            "report-or-submission": "Informe o contribución",
            "event-or-training": "Evento o formación",
        },
        "mechanisms": {
            "ACHPR": ("CADHP", "Comisión Africana de Derechos Humanos y de los Pueblos"),
            "HRC": ("CDH", "Consejo de Derechos Humanos de las Naciones Unidas"),
            "UPR": ("EPU", "Examen Periódico Universal"),
        },
        "places": {
            "mauritania": "Mauritania",
            "cote-divoire": "Côte d'Ivoire",
            "spain": "España",
            "kenya": "Kenia",
            "brazil": "Brasil",
            "colombia": "Colombia",
            "philippines": "Filipinas",
            "africa": "África",
            "europe": "Europa",
            "americas": "Américas",
            "asia": "Asia",
        },
    },
}
