"""The updates: news, statements, joint letters, press releases, reports and events, tagged with
topics, countries, sessions or mechanisms so that every filter of the listing has something to
show. ``type``, ``session``, ``mechanism`` and ``image`` name snippets and pictures by their keys
in `demo.content.snippets` and `demo.content.pictures`."""

from datetime import date

from .blocks import para


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
