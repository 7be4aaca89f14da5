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
        "à New York. Nous travaillons aux côtés des défenseurs : nous les formons, nous les "
        "aidons à rencontrer celles et ceux qui décident, et nous réagissons lorsqu'ils sont "
        "attaqués pour leur travail."
    ),
    "The updates and stories on this site are demo content.": (
        "Les actualités et les récits publiés sur ce site sont des contenus de démonstration."
    ),
    "Explore our priorities": "Découvrir nos priorités",
    "From migrants' rights to reprisals, see the themes at the centre of our work.": (
        "Des droits des personnes migrantes aux représailles : les thèmes au cœur de notre "
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
        "Actualités, déclarations, lettres conjointes, communiqués, rapports et événements : "
        "notre travail à l'ONU et dans les systèmes régionaux de droits humains."
    ),
    "Defenders' stories": "Paroles de défenseurs",
    "defenders-stories": "paroles-de-defenseurs",
    _INTROS["defenders-stories"]: (
        "Des défenseurs racontent qui ils sont, ce qu'ils font et ce dont ils ont besoin "
        "pour travailler en sécurité."
    ),
    # Privacy notice
    "Privacy notice": "Politique de confidentialité",
    "privacy-notice": "politique-de-confidentialite",
    "What we do with the personal data you give us when you sign up for our newsletter or "
    "visit this site.": (
        "Ce que nous faisons des données personnelles que vous nous confiez lorsque vous vous "
        "abonnez à notre lettre d'information ou que vous consultez ce site."
    ),
    "Newsletter": "Lettre d'information",
    "When you join our mailing list we keep your email address, the topics you chose, when "
    "and where you signed up, and when you confirmed. We use them only to send you news of "
    "our work on those topics. We never sell or share them.": (
        "Lorsque vous vous abonnez à notre liste de diffusion, nous conservons votre adresse "
        "e-mail, les thèmes que vous avez choisis, la date de votre inscription et la page "
        "depuis laquelle vous l'avez faite, ainsi que la date de votre confirmation. Nous nous "
        "en servons uniquement pour vous informer de notre travail sur ces thèmes. Nous ne les "
        "vendons ni ne les partageons jamais."
    ),
    "Every email we send has a link to unsubscribe. Once you unsubscribe we stop emailing "
    "you at once.": (
        "Chacun de nos e-mails contient un lien de désabonnement. Dès que vous vous "
        "désabonnez, nous cessons de vous écrire."
    ),
    "Visiting this site": "Votre visite sur ce site",
    "This site sets no advertising or tracking cookies and loads nothing from other "
    "companies' servers. Our servers keep technical logs for a short time to keep the site "
    "secure.": (
        "Ce site ne dépose aucun cookie publicitaire ou de suivi et ne charge aucun contenu "
        "depuis les serveurs d'autres entreprises. Nos serveurs conservent des journaux "
        "techniques pendant une courte durée, afin d'assurer la sécurité du site."
    ),
    "To ask what we hold about you, or to have it deleted, write to us. This is demo content.": (
        "Pour savoir quelles données nous détenons à votre sujet, ou pour en demander la "
        "suppression, écrivez-nous. Ceci est un contenu de démonstration."
    ),
    # Topic: migrant and refugee rights
    "Migrant and refugee rights": "Droits des personnes migrantes et réfugiées",
    "migrant-and-refugee-rights": "droits-des-personnes-migrantes-et-refugiees",
    "Our human rights belong to us wherever we were born and whatever documents we carry: "
    "they do not stop at a country's frontier.": (
        "Nos droits humains nous appartiennent, quels que soient notre lieu de naissance et "
        "les papiers que nous avons en poche : ils ne s'arrêtent pas aux frontières."
    ),
    "In every era and on every continent, people who have moved from one country to another "
    "have made the places where they settle stronger. They bring new skills and ideas, "
    "widen the culture around them and contribute to the life of their communities while "
    "they work towards a better future.": (
        "À toutes les époques et sur tous les continents, les personnes qui ont quitté un pays "
        "pour un autre ont fait la force des lieux où elles se sont installées. Elles "
        "apportent de nouveaux savoir-faire et de nouvelles idées, enrichissent la culture qui "
        "les entoure et prennent part à la vie de leur communauté tout en construisant un "
        "avenir meilleur."
    ),
    "The reasons for leaving are many. Some people move for a job, to join their family or "
    "simply to start again somewhere new.": (
        "Les raisons du départ sont multiples. Certaines personnes s'en vont pour un emploi, "
        "pour rejoindre leur famille ou simplement pour recommencer leur vie sous d'autres "
        "cieux."
    ),
    "Others have no real choice: war, persecution or a changing climate force them to look "
    "for safety elsewhere. Along the way and on arrival, migrants and refugees are exposed "
    "to abuse and to having their dignity ignored. When they organise to claim their "
    "rights, or when others stand with them, governments too often answer with obstacles, "
    "restricting freedoms instead of protecting them. The people who defend migrants' and "
    "refugees' rights, and who show how closely migration and human rights are bound "
    "together, embody solidarity at its most open, and very often they save lives.": (
        "D'autres n'ont pas vraiment le choix : la guerre, la persécution ou le dérèglement "
        "climatique les contraignent à chercher refuge ailleurs. Sur la route comme à "
        "l'arrivée, les personnes migrantes et réfugiées sont exposées aux abus et au mépris "
        "de leur dignité. Lorsqu'elles s'organisent pour revendiquer leurs droits, ou lorsque "
        "d'autres se mobilisent à leurs côtés, les gouvernements répondent trop souvent par "
        "des obstacles, en restreignant les libertés au lieu de les protéger. Celles et ceux "
        "qui défendent les droits des personnes migrantes et réfugiées, et qui montrent à quel "
        "point migrations et droits humains sont intimement liés, incarnent la solidarité dans "
        "ce qu'elle a de plus ouvert et, bien souvent, sauvent des vies."
    ),
    "Many governments spend heavily on development, peace and security programmes meant to "
    "tackle the causes of conflict, crisis and climate change. Yet impunity, corruption and "
    "instability remain, and the same governments' choices on trade, the economy or foreign "
    "policy sometimes make them worse. It is not hard to see why so many people decide, at "
    "great personal cost, to leave home in search of a safer life for their families.": (
        "De nombreux gouvernements investissent massivement dans des programmes de "
        "développement, de paix et de sécurité censés s'attaquer aux causes des conflits, des "
        "crises et du changement climatique. Pourtant, l'impunité, la corruption et "
        "l'instabilité persistent, et les choix de ces mêmes gouvernements en matière de "
        "commerce, d'économie ou de politique étrangère les aggravent parfois. On comprend "
        "sans peine pourquoi tant de personnes décident, au prix de lourds sacrifices, de "
        "quitter leur foyer en quête d'une vie plus sûre pour leur famille."
    ),
    "Instead of protection, many find exploitation, threats and violence, and some lose "
    "their lives. Those who reach safety and organise to speak for their communities can "
    "find that standing up brings new risks. People who offer water, a bed, legal advice or "
    "the use of a phone to someone stranded at a border have been prosecuted for so-called "
    "‘crimes of solidarity’, when their acts deserve recognition as simple humanity.": (
        "Au lieu d'être protégées, beaucoup de ces personnes ne trouvent qu'exploitation, "
        "menaces et violence, et certaines y laissent la vie. Celles et ceux qui parviennent "
        "en lieu sûr et s'organisent pour porter la voix de leur communauté peuvent découvrir "
        "que cet engagement les expose à de nouveaux risques. Des personnes qui avaient offert "
        "de l'eau, un lit, un conseil juridique ou un téléphone à quelqu'un bloqué à une "
        "frontière ont été poursuivies pour de prétendus « délits de solidarité », alors que "
        "leurs gestes devraient être reconnus pour ce qu'ils sont : de la simple humanité."
    ),
    "Even so, and often at serious risk to themselves, defenders of migrant and refugee "
    "rights keep going. They use the courts, peaceful protest and creative campaigns to "
    "hold governments to their human rights commitments. They shelter people crossing "
    "mountains in winter and deserts in summer, welcome newcomers into their "
    "neighbourhoods, and honour those who went missing while they keep fighting for those "
    "who survived.": (
        "Malgré tout, et souvent au péril de leur propre sécurité, les défenseurs et "
        "défenseuses des droits des personnes migrantes et réfugiées poursuivent leur action. "
        "Ils saisissent la justice, manifestent pacifiquement et mènent des campagnes "
        "inventives pour obliger les gouvernements à tenir leurs engagements en matière de "
        "droits humains. Ils mettent à l'abri celles et ceux qui franchissent les montagnes en "
        "hiver et les déserts en été, accueillent les nouveaux venus dans leur quartier et "
        "honorent la mémoire des personnes disparues tout en continuant de se battre pour "
        "celles qui ont survécu."
    ),
    "ISHR supports migrants human rights defenders": (
        "L'ISHR soutient les défenseurs et défenseuses des droits des personnes migrantes"
    ),
    "ISHR works to make this struggle visible and to make clear that no government may "
    "treat a person with less dignity because they have no papers. With civil society and "
    "migrant-led organisations, we push for their work to be recognised as the defence of "
    "human rights, amplify their concerns, and plan together how international advocacy, "
    "alongside other tools, can change the policies and practices of ‘migration "
    "management’.": (
        "L'ISHR s'attache à rendre ce combat visible et à rappeler clairement qu'aucun "
        "gouvernement ne peut traiter une personne avec moins de dignité parce qu'elle est "
        "sans papiers. Avec la société civile et les organisations dirigées par des personnes "
        "migrantes, nous demandons que leur travail soit reconnu comme une action de défense "
        "des droits humains, nous relayons leurs préoccupations et nous réfléchissons ensemble "
        "à la manière dont le plaidoyer international, en complément d'autres outils, peut "
        "faire évoluer les politiques et les pratiques de « gestion des migrations »."
    ),
    "We share their conviction: wherever a person was born and whatever papers they hold, "
    "their human rights travel with them.": (
        "Nous partageons leur conviction : quels que soient le lieu de naissance d'une "
        "personne et les papiers qu'elle détient, ses droits humains voyagent avec elle."
    ),
    "Meet defenders of migrant and refugee rights": (
        "Rencontrez celles et ceux qui défendent les droits des personnes migrantes et réfugiées"
    ),
    "Read the stories of people who stand with migrants and refugees.": (
        "Lisez les récits de personnes qui se tiennent aux côtés des migrants et des réfugiés."
    ),
    "Read defenders' stories": "Lire les récits de défenseurs",
    "Don't miss out on our latest vital work in migrant and refugee rights.": (
        "Ne manquez aucune de nos actions essentielles en faveur des droits des personnes "
        "migrantes et réfugiées."
    ),
    # Update: Mauritania (ACHPR 73)
    "ACHPR 73: Mauritania should take legislative measures to ensure the protection of "
    "human rights defenders": (
        "CADHP 73 : la Mauritanie devrait adopter des mesures législatives pour garantir la "
        "protection des défenseurs et défenseuses des droits humains"
    ),
    "achpr-73-mauritania-should-protect-defenders-by-law": (
        "cadhp-73-mauritanie-proteger-les-defenseurs-par-la-loi"
    ),
    "Article 62 of the African Charter requires every State party to report every two years "
    "on the laws, administrative steps and policies it has adopted to give effect to the "
    "Charter's rights. Mauritania, a party since 1986, presented its combined 15th, 16th "
    "and 17th periodic reports to the African Commission.": (
        "L'article 62 de la Charte africaine impose à chaque État partie de présenter, tous "
        "les deux ans, un rapport sur les lois, les mesures administratives et les politiques "
        "qu'il a adoptées pour donner effet aux droits consacrés par la Charte. Partie à la "
        "Charte depuis 1986, la Mauritanie a présenté à la Commission africaine son rapport "
        "valant 15e, 16e et 17e rapports périodiques."
    ),
    "During the review at the Commission's 73rd ordinary session, ISHR and its partners "
    "urged Mauritania to adopt a law that recognises and protects human rights defenders, "
    "drawing on the model law developed with defenders across the continent.": (
        "Lors de l'examen de ce rapport pendant la 73e session ordinaire de la Commission, "
        "l'ISHR et ses partenaires ont exhorté la Mauritanie à adopter une loi qui reconnaisse "
        "et protège les défenseurs et défenseuses des droits humains, en s'inspirant de la loi "
        "type élaborée avec des défenseurs de tout le continent."
    ),
    "We also asked the Commission to press the authorities to end the harassment of "
    "anti-slavery activists and of defenders who work with migrants, who report arbitrary "
    "arrests and obstacles to registering their associations.": (
        "Nous avons également demandé à la Commission d'insister auprès des autorités pour "
        "qu'elles mettent fin au harcèlement des militants antiesclavagistes et des défenseurs "
        "qui travaillent avec les personnes migrantes, lesquels font état d'arrestations "
        "arbitraires et d'obstacles à l'enregistrement de leurs associations."
    ),
    # Update: Côte d'Ivoire (ACHPR73)
    "ACHPR73: Côte d'Ivoire should strengthen the mechanism for the protection of human "
    "rights defenders": (
        "CADHP73 : la Côte d'Ivoire devrait renforcer le mécanisme de protection des "
        "défenseurs et défenseuses des droits humains"
    ),
    "achpr73-cote-divoire-should-strengthen-defenders-protection-mechanism": (
        "cadhp73-cote-divoire-renforcer-le-mecanisme-de-protection-des-defenseurs"
    ),
    "At its public session in Banjul, The Gambia, from 20 to 30 October 2022, the African "
    "Commission on Human and Peoples' Rights reviewed Côte d'Ivoire's periodic report for "
    "2016 to 2019, which sets out the progress the country reports on human rights since "
    "its previous review.": (
        "Lors de sa session publique tenue à Banjul (Gambie) du 20 au 30 octobre 2022, la "
        "Commission africaine des droits de l'homme et des peuples a examiné le rapport "
        "périodique de la Côte d'Ivoire couvrant la période 2016-2019, qui expose les progrès "
        "que le pays dit avoir accomplis en matière de droits humains depuis son précédent "
        "examen."
    ),
    "Côte d'Ivoire was among the first African States to pass a law on human rights "
    "defenders, in 2014, and a decree creating a protection mechanism followed. Defenders "
    "say, however, that the mechanism lacks resources, independence and visibility.": (
        "La Côte d'Ivoire a été l'un des premiers États africains à adopter une loi sur les "
        "défenseurs des droits humains, en 2014, suivie d'un décret créant un mécanisme de "
        "protection. Les défenseurs estiment toutefois que ce mécanisme manque de moyens, "
        "d'indépendance et de visibilité."
    ),
    "ISHR asked the Commission to recommend that the authorities fund the mechanism "
    "properly, involve civil society in running it, and make sure that defenders of "
    "migrants' rights can turn to it.": (
        "L'ISHR a demandé à la Commission de recommander aux autorités de doter le mécanisme "
        "de moyens suffisants, d'associer la société civile à son fonctionnement et de veiller "
        "à ce que les défenseurs des droits des personnes migrantes puissent y recourir."
    ),
    # Update: Ceuta and Melilla (HRC51)
    "HRC51: Impunity for grave violations against Africans in Ceuta and Melilla is a clear "
    "manifestation of structural and institutional racism": (
        "CDH51 : l'impunité des graves violations commises contre des personnes africaines à "
        "Ceuta et Melilla témoigne clairement d'un racisme structurel et institutionnel"
    ),
    "hrc51-impunity-for-violations-in-ceuta-and-melilla": (
        "cdh51-impunite-des-violations-a-ceuta-et-melilla"
    ),
    "In the general debate under item 4 at HRC51, ISHR, the Implementation Team in Spain "
    "for the International Decade for People of African Descent and the Elin Association "
    "delivered a joint statement, backed by 108 organisations from Europe, the Americas and "
    "Africa, condemning serious violations against African people at Spain's southern "
    "borders, above all in Ceuta and Melilla.": (
        "Lors du débat général au titre du point 4 de la 51e session du Conseil des droits de "
        "l'homme, l'ISHR, l'Équipe de mise en œuvre en Espagne de la Décennie internationale "
        "des personnes d'ascendance africaine et l'association Elin ont prononcé une "
        "déclaration conjointe, soutenue par 108 organisations d'Europe, des Amériques et "
        "d'Afrique, qui dénonce les graves violations commises contre des personnes africaines "
        "aux frontières sud de l'Espagne, tout particulièrement à Ceuta et Melilla."
    ),
    "The statement recalled the deaths at the border fence between Nador and Melilla in "
    "June 2022 and the absence of accountability for them, and argued that the repeated "
    "failure to investigate such events reflects structural and institutional racism.": (
        "La déclaration a rappelé les décès survenus en juin 2022 à la clôture frontalière "
        "entre Nador et Melilla, dont personne n'a eu à répondre, et a fait valoir que "
        "l'absence répétée d'enquêtes sur de tels faits traduit un racisme structurel et "
        "institutionnel."
    ),
    "The organisations asked the Council and its mechanisms to follow up, and called on "
    "Spain to guarantee independent investigations, access to asylum and an end to summary "
    "returns.": (
        "Les organisations ont demandé au Conseil et à ses mécanismes d'assurer un suivi, et "
        "ont appelé l'Espagne à garantir des enquêtes indépendantes, l'accès à l'asile et la "
        "fin des refoulements sommaires."
    ),
    # Story: Selam T.
    "Building a collective narrative for migrant workers": (
        "Construire un récit collectif pour les travailleuses et travailleurs migrants"
    ),
    "building-a-collective-narrative-for-migrant-workers": (
        "un-recit-collectif-pour-les-travailleurs-migrants"
    ),
    "Selam T.": "Selam T.",
    "We need to create a collective narrative that is based on a rights-based approach of "
    "migrant workers.": (
        "Nous devons créer un récit collectif qui aborde les travailleuses et travailleurs "
        "migrants sous l'angle de leurs droits."
    ),
    "A defender organises migrant domestic workers: she helps them learn their rights, "
    "record abuses and speak with one voice to the authorities. We do not name the country "
    "where she works, to protect her and the women she supports.": (
        "Une défenseure mobilise les travailleuses domestiques migrantes : elle les aide "
        "à connaître leurs droits, à documenter les abus et à parler d'une seule voix aux "
        "autorités. Pour sa sécurité et celle des femmes qu'elle accompagne, nous ne "
        "nommons pas le pays où elle travaille."
    ),
    "Selam left home at nineteen to work as a live-in domestic worker. Her employer kept "
    "her passport, and for two years she had one afternoon off a month. When she finally "
    "met other women in the same situation, at a church hall on one of those afternoons, "
    "she realised that what had happened to her was not bad luck but a pattern.": (
        "Selam a quitté les siens à dix-neuf ans pour travailler comme employée de maison à "
        "demeure. Son employeur conservait son passeport et, pendant deux ans, elle n'a eu "
        "droit qu'à un après-midi de congé par mois. Lorsqu'elle a enfin rencontré d'autres "
        "femmes dans la même situation, dans une salle paroissiale, un de ces après-midi-là, "
        "elle a compris que ce qu'elle avait vécu ne relevait pas de la malchance : c'était un "
        "phénomène récurrent."
    ),
    "From individual cases to a shared story": "Des cas individuels à une histoire commune",
    "Today she runs a network of several hundred domestic workers who share information "
    "over a messaging app, accompany each other to the labour office and keep written "
    "records of unpaid wages and confiscated documents.": (
        "Aujourd'hui, elle anime un réseau de plusieurs centaines de travailleuses domestiques "
        "qui échangent des informations via une application de messagerie, s'accompagnent "
        "mutuellement à l'inspection du travail et tiennent un registre écrit des salaires "
        "impayés et des documents confisqués."
    ),
    "For Selam, the point is not only to win individual cases, but to change how migrant "
    "workers are talked about: as people with rights, not as a problem to be managed.": (
        "Pour Selam, il ne s'agit pas seulement d'obtenir gain de cause dans des dossiers "
        "individuels, mais de changer la façon dont on parle des travailleurs migrants : comme "
        "de personnes titulaires de droits, et non comme d'un problème à gérer."
    ),
    "Staying safe": "Rester en sécurité",
    "Speaking out carries risks: members of the network have lost their jobs and their "
    "residence permits. ISHR helped Selam share the network's findings with UN experts "
    "without revealing who had provided them.": (
        "Prendre la parole comporte des risques : des membres du réseau ont perdu leur emploi "
        "et leur titre de séjour. L'ISHR a aidé Selam à transmettre les constats du réseau à "
        "des experts de l'ONU sans révéler qui les avait fournis."
    ),
    "Demo content: this defender and their story are fictional, written to show how stories "
    "appear on the site.": (
        "Contenu de démonstration : la personne présentée et son histoire sont fictives, "
        "imaginées pour montrer comment les récits s'affichent sur le site."
    ),
    # Story: Ahmed S.
    "Speaking in Geneva despite a travel ban": (
        "Prendre la parole à Genève malgré une interdiction de voyager"
    ),
    "ahmed-speaking-in-geneva-despite-a-travel-ban": (
        "ahmed-parler-a-geneve-malgre-une-interdiction-de-voyager"
    ),
    "Ahmed S.": "Ahmed S.",
    "They wanted me to be afraid to speak in Geneva. I spoke anyway, and I was not alone.": (
        "Ils voulaient que j'aie peur de parler à Genève. J'ai parlé quand même, et je n'étais "
        "pas seul."
    ),
    "Ahmed campaigns against slavery-like practices and supports migrants held at the "
    "border. After he briefed UN experts, he was stopped at the airport; he then took part "
    "in the session remotely.": (
        "Ahmed lutte contre les pratiques analogues à l'esclavage et soutient les personnes "
        "migrantes retenues à la frontière. Après avoir informé des experts de l'ONU, il a été "
        "intercepté à l'aéroport ; il a alors participé à la session à distance."
    ),
    "Ahmed was due to speak at a side event in Geneva when border police took his passport. "
    "ISHR raised his case with the UN the same day, and he gave his statement by video "
    "link.": (
        "Ahmed devait intervenir lors d'une manifestation parallèle à Genève lorsque la police "
        "aux frontières lui a confisqué son passeport. L'ISHR a porté son cas à l'attention de "
        "l'ONU le jour même, et Ahmed a prononcé sa déclaration par visioconférence."
    ),
    "His case was later included in the Secretary-General's report on reprisals. He has "
    "since recovered his passport and continues his work.": (
        "Son cas a ensuite été repris dans le rapport du Secrétaire général sur les "
        "représailles. Il a depuis récupéré son passeport et poursuit son travail."
    ),
}
