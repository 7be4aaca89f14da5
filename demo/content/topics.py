"""The four topic pages, the site's priorities: hero, introduction and a body of the kind
editors write, each with a call to action."""

from .blocks import call_to_action, h2, h3, para, picture, quote


def topic_specs(c):
    stories = c.pages["defenders-stories"]
    return [
        {
            "slug": "migrant-and-refugee-rights",
            "signup_prompt": (
                "Don't miss out on our latest vital work in migrant and refugee rights."
            ),
            "title": "Migrant and refugee rights",
            "hero_image": c.images["refugees-welcome"],
            "intro": (
                "Our human rights belong to us wherever we were born and whatever documents we "
                "carry: they do not stop at a country's frontier."
            ),
            "body": [
                para(
                    "In every era and on every continent, people who have moved from one country "
                    "to another have made the places where they settle stronger. They bring new "
                    "skills and ideas, widen the culture around them and contribute to the life "
                    "of their communities while they work towards a better future.",
                    "The reasons for leaving are many. Some people move for a job, to join their "
                    "family or simply to start again somewhere new.",
                    "Others have no real choice: war, persecution or a changing climate force "
                    "them to look for safety elsewhere. Along the way and on arrival, migrants "
                    "and refugees are exposed to abuse and to having their dignity ignored. When "
                    "they organise to claim their rights, or when others stand with them, "
                    "governments too often answer with obstacles, restricting freedoms instead of "
                    "protecting them. The people who defend migrants' and refugees' rights, and "
                    "who show how closely migration and human rights are bound together, embody "
                    "solidarity at its most open, and very often they save lives.",
                    "Many governments spend heavily on development, peace and security "
                    "programmes meant to tackle the causes of conflict, crisis and climate "
                    "change. Yet impunity, corruption and instability remain, and the same "
                    "governments' choices on trade, the economy or foreign policy sometimes make "
                    "them worse. It is not hard to see why so many people decide, at great "
                    "personal cost, to leave home in search of a safer life for their families.",
                    "Instead of protection, many find exploitation, threats and violence, and "
                    "some lose their lives. Those who reach safety and organise to speak for "
                    "their communities can find that standing up brings new risks. People who "
                    "offer water, a bed, legal advice or the use of a phone to someone stranded "
                    "at a border have been prosecuted for so-called ‘crimes of solidarity’, when "
                    "their acts deserve recognition as simple humanity.",
                    "Even so, and often at serious risk to themselves, defenders of migrant and "
                    "refugee rights keep going. They use the courts, peaceful protest and "
                    "creative campaigns to hold governments to their human rights commitments. "
                    "They shelter people crossing mountains in winter and deserts in summer, "
                    "welcome newcomers into their neighbourhoods, and honour those who went "
                    "missing while they keep fighting for those who survived.",
                ),
                h2("ISHR supports migrants human rights defenders"),
                para(
                    "ISHR works to make this struggle visible and to make clear that no "
                    "government may treat a person with less dignity because they have no "
                    "papers. With civil society and migrant-led organisations, we push for their "
                    "work to be recognised as the defence of human rights, amplify their "
                    "concerns, and plan together how international advocacy, alongside other "
                    "tools, can change the policies and practices of ‘migration management’.",
                    "We share their conviction: wherever a person was born and whatever papers "
                    "they hold, their human rights travel with them.",
                ),
                # Not the latest updates: the page links to this topic's own below the body.
                call_to_action(
                    "Meet defenders of migrant and refugee rights",
                    "Read the stories of people who stand with migrants and refugees.",
                    "Read defenders' stories",
                    page=stories,
                ),
            ],
        },
        {
            "slug": "women-human-rights-defenders",
            "signup_prompt": (
                "Don't miss out on our latest vital work with women human rights defenders."
            ),
            "title": "Women human rights defenders",
            "hero_image": c.images["women-hero"],
            "intro": (
                "Women and gender-diverse defenders face the risks every defender faces, and "
                "further attacks aimed at who they are."
            ),
            "body": [
                para(
                    "Women human rights defenders lead movements for land, labour, health, peace "
                    "and equality in every region. Because they challenge power and also defy "
                    "expectations about women's place in society, they are targeted both for "
                    "their work and for their gender: smear campaigns, sexual violence, online "
                    "harassment and pressure on their families."
                ),
                h2("Specific risks call for specific protection"),
                para(
                    "Effective protection starts from defenders' own analysis of what keeps them "
                    "safe. We call on States to:",
                    "<ul><li>recognise publicly that women defenders' work is legitimate;</li>"
                    "<li>investigate and punish attacks, including abuse online;</li>"
                    "<li>repeal laws that criminalise defenders for their activism or their "
                    "identity;</li>"
                    "<li>fund protection measures designed <b>with</b> women defenders, not only "
                    "for them.</li></ul>",
                ),
                quote(
                    "When they attack one of us for speaking out, they are trying to silence all "
                    "of us. So we answer together.",
                    "A women's rights defender at an ISHR training (demo quote)",
                ),
                picture(
                    c.images["vigil"],
                    "Candles lit at a vigil for defenders (illustration).",
                ),
                h3("At the Human Rights Council"),
                para(
                    "ISHR helps women defenders brief diplomats and UN experts, negotiate "
                    "stronger language in resolutions and take part in sessions safely, "
                    "including remotely when travelling would put them at risk. We use the "
                    "<i>UN General Assembly resolution on protecting women human rights "
                    "defenders</i>, adopted in 2013, to hold States to what they promised."
                ),
                call_to_action(
                    "Stand with women defenders",
                    "Find out more about ISHR's work and how to support it.",
                    "Visit ishr.ch",
                    url="https://ishr.ch/",
                ),
            ],
        },
        {
            "slug": "environmental-and-land-rights-defenders",
            "signup_prompt": (
                "Don't miss out on our latest vital work with environmental and land "
                "rights defenders."
            ),
            "title": "Environmental and land rights defenders",
            "hero_image": c.images["environment-hero"],
            "intro": (
                "People who protect forests, rivers and land from destructive projects are among "
                "the defenders most at risk of attack."
            ),
            "body": [
                para(
                    "Indigenous peoples, farmers and local communities often stand between their "
                    "territories and the mines, dams, plantations and pipelines planned on them. "
                    "When they ask to be consulted, or refuse to leave, they are branded enemies "
                    "of development, taken to court and, in too many cases, killed."
                ),
                h2("Protecting those who protect the planet"),
                para(
                    "The Human Rights Council recognised in 2021 that a clean, healthy and "
                    "sustainable environment is a human right, and the UN General Assembly "
                    "followed in 2022. Those commitments mean little unless the people who "
                    "defend that right can do so safely."
                ),
                picture(
                    c.images["hills-dawn"],
                    "Hills and forest at first light (illustration).",
                ),
                h3("What we ask of States and companies"),
                para(
                    "<ul><li>Consult affected communities before projects are approved, and "
                    "respect their answer.</li>"
                    "<li>Stop using criminal law, terrorism charges and lawsuits to silence "
                    "opponents of projects.</li>"
                    "<li>Require companies to identify and prevent risks to defenders throughout "
                    "their operations and supply chains.</li></ul>"
                ),
                quote(
                    "The river does not belong to the company or to us. We are only looking "
                    "after it for our grandchildren.",
                    "Wanjiru K., land defender (fictional demo profile)",
                ),
                call_to_action(
                    "Meet the defenders",
                    "Read the stories of people defending land and the environment.",
                    "Read defenders' stories",
                    page=stories,
                ),
            ],
        },
        {
            "slug": "reprisals-against-defenders",
            "signup_prompt": "Don't miss out on our latest vital work against reprisals.",
            "title": "Reprisals against defenders",
            "hero_image": c.images["reprisals-hero"],
            "intro": (
                "No one should be punished for cooperating with the United Nations, yet "
                "defenders who do so are still threatened, detained and banned from travelling."
            ),
            "body": [
                para(
                    "Defenders who send information to UN bodies, speak before treaty committees "
                    "or travel to Geneva for a Human Rights Council session give the "
                    "international system the evidence it needs. Some governments respond with "
                    "intimidation: travel bans, surveillance, smear campaigns, arrests and "
                    "threats against relatives."
                ),
                h2("Making reprisals costly"),
                para(
                    "Every year the UN Secretary-General publishes a report on intimidation and "
                    "reprisals against those who cooperate with the UN. ISHR documents cases, "
                    "helps defenders decide whether and how to raise them, and presses UN bodies "
                    "and States to respond every time."
                ),
                h3("Our approach"),
                para(
                    "<ol><li><b>Prevent</b>: help defenders assess the risks before they engage "
                    "with the UN.</li>"
                    "<li><b>Respond</b>: raise cases quickly with the UN's senior official on "
                    "reprisals, the presidents of UN bodies and States.</li>"
                    "<li><b>Follow up</b>: track each case until the defender is safe and those "
                    "responsible are held to account.</li></ol>"
                ),
                picture(
                    c.images["hall-blue"],
                    "Seats in a UN-style council chamber (illustration).",
                ),
                quote(
                    "They wanted me to be afraid to speak in Geneva. I spoke anyway, and I was "
                    "not alone.",
                    "Ahmed S., defender (fictional demo profile)",
                ),
                call_to_action(
                    "Faced reprisals for engaging with the UN?",
                    "Find out how ISHR responds to reprisals and how to reach us safely.",
                    "Visit ishr.ch",
                    url="https://ishr.ch/",
                ),
            ],
        },
    ]
