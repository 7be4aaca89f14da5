"""The defenders' stories. The defenders are fictional, and their portraits illustrations
without faces."""

from datetime import UTC, datetime

from .blocks import DEMO_NOTE, h2, h3, para, quote


def story_specs(c):
    t, p = c.pages, c.places
    return [
        {
            "slug": "building-a-collective-narrative-for-migrant-workers",
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
                "A defender organises migrant domestic workers: she helps them learn their "
                "rights, record abuses and speak with one voice to the authorities. We do not "
                "name the country where she works, to protect her and the women she supports."
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
