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
    # Privacy notice
    "Privacy notice": "Aviso de privacidad",
    "privacy-notice": "aviso-de-privacidad",
    "What we do with the personal data you give us when you sign up for our newsletter or "
    "visit this site.": (
        "Qué hacemos con los datos personales que nos facilita cuando se suscribe a nuestro "
        "boletín o visita este sitio."
    ),
    "Newsletter": "Boletín",
    "When you join our mailing list we keep your email address, the topics you chose, when "
    "and where you signed up, and when you confirmed. We use them only to send you news of "
    "our work on those topics. We never sell or share them.": (
        "Cuando se suscribe a nuestra lista de correo, conservamos su dirección de correo "
        "electrónico, los temas que eligió, cuándo y desde qué página se suscribió, y cuándo "
        "confirmó la suscripción. Solo utilizamos estos datos para enviarle noticias sobre "
        "nuestro trabajo en esos temas. Nunca los vendemos ni los compartimos."
    ),
    "Every email we send has a link to unsubscribe. Once you unsubscribe we stop emailing "
    "you at once.": (
        "Todos nuestros correos incluyen un enlace para darse de baja. Si se da de baja, "
        "dejamos de escribirle de inmediato."
    ),
    "Visiting this site": "Visitas a este sitio",
    "This site sets no advertising or tracking cookies and loads nothing from other "
    "companies' servers. Our servers keep technical logs for a short time to keep the site "
    "secure.": (
        "Este sitio no utiliza cookies publicitarias ni de seguimiento, y no carga nada desde "
        "servidores de otras empresas. Nuestros servidores conservan registros técnicos durante "
        "un breve período para mantener la seguridad del sitio."
    ),
    "To ask what we hold about you, or to have it deleted, write to us. This is demo content.": (
        "Para saber qué datos suyos conservamos o pedirnos que los eliminemos, escríbanos. Este "
        "contenido es de demostración."
    ),
    # Topic: migrant and refugee rights
    "Migrant and refugee rights": "Derechos de las personas migrantes y refugiadas",
    "migrant-and-refugee-rights": "derechos-de-las-personas-migrantes-y-refugiadas",
    "Our human rights belong to us wherever we were born and whatever documents we carry: "
    "they do not stop at a country's frontier.": (
        "Nuestros derechos humanos nos pertenecen dondequiera que hayamos nacido y sean cuales "
        "sean los documentos que llevemos: no se detienen en la frontera de ningún país."
    ),
    "In every era and on every continent, people who have moved from one country to another "
    "have made the places where they settle stronger. They bring new skills and ideas, "
    "widen the culture around them and contribute to the life of their communities while "
    "they work towards a better future.": (
        "En todas las épocas y en todos los continentes, las personas que se han trasladado de "
        "un país a otro han fortalecido los lugares donde se han asentado. Aportan nuevos "
        "conocimientos e ideas, enriquecen la cultura que las rodea y contribuyen a la vida de "
        "sus comunidades mientras construyen un futuro mejor."
    ),
    "The reasons for leaving are many. Some people move for a job, to join their family or "
    "simply to start again somewhere new.": (
        "Los motivos para marcharse son muchos. Hay quien se traslada por trabajo, para "
        "reunirse con su familia o, sencillamente, para empezar de nuevo en otro lugar."
    ),
    "Others have no real choice: war, persecution or a changing climate force them to look "
    "for safety elsewhere. Along the way and on arrival, migrants and refugees are exposed "
    "to abuse and to having their dignity ignored. When they organise to claim their "
    "rights, or when others stand with them, governments too often answer with obstacles, "
    "restricting freedoms instead of protecting them. The people who defend migrants' and "
    "refugees' rights, and who show how closely migration and human rights are bound "
    "together, embody solidarity at its most open, and very often they save lives.": (
        "Otras personas no tienen realmente elección: la guerra, la persecución o los efectos "
        "del cambio climático las obligan a buscar seguridad en otra parte. Durante el trayecto "
        "y a su llegada, las personas migrantes y refugiadas están expuestas a abusos y a que "
        "no se respete su dignidad. Cuando se organizan para reclamar sus derechos, o cuando "
        "otras personas se solidarizan con ellas, los gobiernos responden con demasiada "
        "frecuencia poniendo obstáculos y restringiendo libertades en lugar de protegerlas. "
        "Quienes defienden los derechos de las personas migrantes y refugiadas, y demuestran "
        "hasta qué punto la migración y los derechos humanos van de la mano, encarnan la "
        "solidaridad en su forma más abierta y, muy a menudo, salvan vidas."
    ),
    "Many governments spend heavily on development, peace and security programmes meant to "
    "tackle the causes of conflict, crisis and climate change. Yet impunity, corruption and "
    "instability remain, and the same governments' choices on trade, the economy or foreign "
    "policy sometimes make them worse. It is not hard to see why so many people decide, at "
    "great personal cost, to leave home in search of a safer life for their families.": (
        "Muchos gobiernos invierten grandes sumas en programas de desarrollo, paz y seguridad "
        "destinados a atajar las causas de los conflictos, las crisis y el cambio climático. "
        "Sin embargo, la impunidad, la corrupción y la inestabilidad persisten, y las "
        "decisiones de esos mismos gobiernos en materia de comercio, economía o política "
        "exterior a veces las agravan. No es difícil entender por qué tantas personas deciden, "
        "a un alto precio personal, dejar su hogar en busca de una vida más segura para sus "
        "familias."
    ),
    "Instead of protection, many find exploitation, threats and violence, and some lose "
    "their lives. Those who reach safety and organise to speak for their communities can "
    "find that standing up brings new risks. People who offer water, a bed, legal advice or "
    "the use of a phone to someone stranded at a border have been prosecuted for so-called "
    "‘crimes of solidarity’, when their acts deserve recognition as simple humanity.": (
        "En lugar de protección, muchas personas encuentran explotación, amenazas y violencia, "
        "y algunas pierden la vida. Quienes llegan a un lugar seguro y se organizan para hablar "
        "en nombre de sus comunidades pueden descubrir que alzar la voz conlleva nuevos "
        "riesgos. Hay personas que han sido procesadas por los llamados «delitos de "
        "solidaridad» por ofrecer agua, una cama, asesoramiento jurídico o su teléfono a "
        "alguien atrapado en una frontera, cuando sus actos merecen reconocerse como un simple "
        "gesto de humanidad."
    ),
    "Even so, and often at serious risk to themselves, defenders of migrant and refugee "
    "rights keep going. They use the courts, peaceful protest and creative campaigns to "
    "hold governments to their human rights commitments. They shelter people crossing "
    "mountains in winter and deserts in summer, welcome newcomers into their "
    "neighbourhoods, and honour those who went missing while they keep fighting for those "
    "who survived.": (
        "Aun así, y a menudo con grave riesgo para su propia seguridad, quienes defienden los "
        "derechos de las personas migrantes y refugiadas no se rinden. Recurren a los "
        "tribunales, a la protesta pacífica y a campañas creativas para exigir a los gobiernos "
        "que cumplan sus compromisos en materia de derechos humanos. Dan refugio a quienes "
        "cruzan montañas en invierno y desiertos en verano, acogen en sus barrios a las "
        "personas recién llegadas y honran la memoria de quienes desaparecieron sin dejar de "
        "luchar por quienes sobrevivieron."
    ),
    "ISHR supports migrants human rights defenders": (
        "ISHR apoya a quienes defienden los derechos de las personas migrantes"
    ),
    "ISHR works to make this struggle visible and to make clear that no government may "
    "treat a person with less dignity because they have no papers. With civil society and "
    "migrant-led organisations, we push for their work to be recognised as the defence of "
    "human rights, amplify their concerns, and plan together how international advocacy, "
    "alongside other tools, can change the policies and practices of ‘migration "
    "management’.": (
        "ISHR trabaja para dar visibilidad a esta lucha y dejar claro que ningún gobierno puede "
        "tratar a una persona con menos dignidad por el hecho de no tener papeles. Junto con la "
        "sociedad civil y las organizaciones lideradas por personas migrantes, promovemos que "
        "su labor se reconozca como defensa de los derechos humanos, nos hacemos eco de sus "
        "preocupaciones y definimos de forma conjunta cómo la incidencia internacional, "
        "combinada con otras herramientas, puede cambiar las políticas y prácticas de «gestión "
        "migratoria»."
    ),
    "We share their conviction: wherever a person was born and whatever papers they hold, "
    "their human rights travel with them.": (
        "Compartimos su convicción: dondequiera que haya nacido una persona y sean cuales sean "
        "sus papeles, sus derechos humanos viajan con ella."
    ),
    "Meet defenders of migrant and refugee rights": (
        "Conozca a quienes defienden los derechos de las personas migrantes y refugiadas"
    ),
    "Read the stories of people who stand with migrants and refugees.": (
        "Lea las historias de personas que apoyan a migrantes y refugiados."
    ),
    "Read defenders' stories": "Leer historias de defensores",
    "Don't miss out on our latest vital work in migrant and refugee rights.": (
        "No se pierda las novedades de nuestro trabajo esencial por los derechos de las "
        "personas migrantes y refugiadas."
    ),
    # Update: Mauritania (ACHPR 73)
    "ACHPR 73: Mauritania should take legislative measures to ensure the protection of "
    "human rights defenders": (
        "CADHP 73: Mauritania debe adoptar medidas legislativas para garantizar la protección "
        "de las personas defensoras de derechos humanos"
    ),
    "achpr-73-mauritania-should-protect-defenders-by-law": (
        "cadhp-73-mauritania-debe-proteger-por-ley-a-las-personas-defensoras"
    ),
    "Article 62 of the African Charter requires every State party to report every two years "
    "on the laws, administrative steps and policies it has adopted to give effect to the "
    "Charter's rights. Mauritania, a party since 1986, presented its combined 15th, 16th "
    "and 17th periodic reports to the African Commission.": (
        "El artículo 62 de la Carta Africana obliga a cada Estado parte a informar cada dos "
        "años sobre las leyes, las medidas administrativas y las políticas que ha adoptado para "
        "hacer efectivos los derechos que reconoce la Carta. Mauritania, Estado parte desde "
        "1986, presentó a la Comisión Africana sus informes periódicos 15.º, 16.º y 17.º en un "
        "único documento."
    ),
    "During the review at the Commission's 73rd ordinary session, ISHR and its partners "
    "urged Mauritania to adopt a law that recognises and protects human rights defenders, "
    "drawing on the model law developed with defenders across the continent.": (
        "Durante el examen, en el 73.º período ordinario de sesiones de la Comisión, ISHR y sus "
        "organizaciones aliadas instaron a Mauritania a adoptar una ley que reconozca y proteja "
        "a las personas defensoras de derechos humanos, inspirada en la ley modelo elaborada "
        "con personas defensoras de todo el continente."
    ),
    "We also asked the Commission to press the authorities to end the harassment of "
    "anti-slavery activists and of defenders who work with migrants, who report arbitrary "
    "arrests and obstacles to registering their associations.": (
        "También pedimos a la Comisión que presione a las autoridades para que pongan fin al "
        "hostigamiento de activistas contra la esclavitud y de personas defensoras que trabajan "
        "con migrantes, que denuncian detenciones arbitrarias y obstáculos para registrar sus "
        "asociaciones."
    ),
    # Update: Côte d'Ivoire (ACHPR 73)
    "ACHPR73: Côte d'Ivoire should strengthen the mechanism for the protection of human "
    "rights defenders": (
        "CADHP 73: Côte d'Ivoire debe reforzar el mecanismo de protección de las personas "
        "defensoras de derechos humanos"
    ),
    "achpr73-cote-divoire-should-strengthen-defenders-protection-mechanism": (
        "cadhp-73-cote-divoire-debe-reforzar-la-proteccion-de-personas-defensoras"
    ),
    "At its public session in Banjul, The Gambia, from 20 to 30 October 2022, the African "
    "Commission on Human and Peoples' Rights reviewed Côte d'Ivoire's periodic report for "
    "2016 to 2019, which sets out the progress the country reports on human rights since "
    "its previous review.": (
        "En su sesión pública celebrada en Banjul (Gambia) del 20 al 30 de octubre de 2022, la "
        "Comisión Africana de Derechos Humanos y de los Pueblos examinó el informe periódico de "
        "Côte d'Ivoire correspondiente al período 2016-2019, que recoge los avances en materia "
        "de derechos humanos que el país afirma haber logrado desde su examen anterior."
    ),
    "Côte d'Ivoire was among the first African States to pass a law on human rights "
    "defenders, in 2014, and a decree creating a protection mechanism followed. Defenders "
    "say, however, that the mechanism lacks resources, independence and visibility.": (
        "Côte d'Ivoire fue uno de los primeros Estados africanos en aprobar una ley sobre las "
        "personas defensoras de derechos humanos, en 2014, a la que siguió un decreto por el "
        "que se creó un mecanismo de protección. Sin embargo, las personas defensoras señalan "
        "que el mecanismo carece de recursos, de independencia y de visibilidad."
    ),
    "ISHR asked the Commission to recommend that the authorities fund the mechanism "
    "properly, involve civil society in running it, and make sure that defenders of "
    "migrants' rights can turn to it.": (
        "ISHR pidió a la Comisión que recomendara a las autoridades dotar al mecanismo de una "
        "financiación adecuada, implicar a la sociedad civil en su funcionamiento y garantizar "
        "que quienes defienden los derechos de las personas migrantes puedan recurrir a él."
    ),
    # Update: Ceuta and Melilla (HRC51)
    "HRC51: Impunity for grave violations against Africans in Ceuta and Melilla is a clear "
    "manifestation of structural and institutional racism": (
        "CDH51: La impunidad de las graves violaciones cometidas contra personas africanas en "
        "Ceuta y Melilla es una clara manifestación del racismo estructural e institucional"
    ),
    "hrc51-impunity-for-violations-in-ceuta-and-melilla": (
        "cdh51-impunidad-de-las-violaciones-en-ceuta-y-melilla"
    ),
    "In the general debate under item 4 at HRC51, ISHR, the Implementation Team in Spain "
    "for the International Decade for People of African Descent and the Elin Association "
    "delivered a joint statement, backed by 108 organisations from Europe, the Americas and "
    "Africa, condemning serious violations against African people at Spain's southern "
    "borders, above all in Ceuta and Melilla.": (
        "En el debate general sobre el tema 4 de la agenda, durante el 51.º período de sesiones "
        "del Consejo de Derechos Humanos, ISHR, el Equipo de Implementación en España del "
        "Decenio Internacional para los Afrodescendientes y la Asociación Elin pronunciaron una "
        "declaración conjunta, respaldada por 108 organizaciones de Europa, América y África, "
        "en la que condenaron las graves violaciones cometidas contra personas africanas en la "
        "frontera sur de España, sobre todo en Ceuta y Melilla."
    ),
    "The statement recalled the deaths at the border fence between Nador and Melilla in "
    "June 2022 and the absence of accountability for them, and argued that the repeated "
    "failure to investigate such events reflects structural and institutional racism.": (
        "La declaración recordó las muertes ocurridas en la valla fronteriza entre Nador y "
        "Melilla en junio de 2022, por las que nadie ha rendido cuentas, y sostuvo que el hecho "
        "de que una y otra vez no se investiguen estos sucesos refleja un racismo estructural e "
        "institucional."
    ),
    "The organisations asked the Council and its mechanisms to follow up, and called on "
    "Spain to guarantee independent investigations, access to asylum and an end to summary "
    "returns.": (
        "Las organizaciones pidieron al Consejo y a sus mecanismos que hicieran un seguimiento "
        "de la situación, e instaron a España a garantizar investigaciones independientes y el "
        "acceso al asilo, y a poner fin a las devoluciones sumarias."
    ),
    # Story: Selam T.
    "Building a collective narrative for migrant workers": (
        "Construir una narrativa colectiva para las personas trabajadoras migrantes"
    ),
    "building-a-collective-narrative-for-migrant-workers": (
        "una-narrativa-colectiva-para-las-personas-trabajadoras-migrantes"
    ),
    "Selam T.": "Selam T.",
    "We need to create a collective narrative that is based on a rights-based approach of "
    "migrant workers.": (
        "Necesitamos crear una narrativa colectiva de las personas trabajadoras migrantes "
        "basada en un enfoque de derechos."
    ),
    "A defender organises migrant domestic workers: she helps them learn their rights, "
    "record abuses and speak with one voice to the authorities. We do not name the country "
    "where she works, to protect her and the women she supports.": (
        "Una defensora organiza a trabajadoras domésticas migrantes: las ayuda a conocer sus "
        "derechos, documentar los abusos y dirigirse a las autoridades con una sola voz. No "
        "mencionamos el país en el que trabaja para protegerla a ella y a las mujeres a las que "
        "apoya."
    ),
    "Selam left home at nineteen to work as a live-in domestic worker. Her employer kept "
    "her passport, and for two years she had one afternoon off a month. When she finally "
    "met other women in the same situation, at a church hall on one of those afternoons, "
    "she realised that what had happened to her was not bad luck but a pattern.": (
        "Selam dejó su hogar a los diecinueve años para trabajar como empleada doméstica "
        "interna. Su empleador le retuvo el pasaporte y, durante dos años, solo tuvo una tarde "
        "libre al mes. Cuando por fin conoció a otras mujeres en su misma situación, en el "
        "salón de una iglesia durante una de esas tardes, comprendió que lo que le había "
        "ocurrido no era mala suerte, sino algo que se repetía una y otra vez."
    ),
    "From individual cases to a shared story": "De los casos individuales a un relato común",
    "Today she runs a network of several hundred domestic workers who share information "
    "over a messaging app, accompany each other to the labour office and keep written "
    "records of unpaid wages and confiscated documents.": (
        "Hoy dirige una red de varios cientos de trabajadoras domésticas que comparten "
        "información a través de una aplicación de mensajería, se acompañan mutuamente a la "
        "oficina de trabajo y llevan un registro escrito de los salarios adeudados y los "
        "documentos confiscados."
    ),
    "For Selam, the point is not only to win individual cases, but to change how migrant "
    "workers are talked about: as people with rights, not as a problem to be managed.": (
        "Para Selam, no se trata solo de ganar casos individuales, sino de cambiar la manera en "
        "que se habla de quienes migran para trabajar: como personas con derechos, no como un "
        "problema que hay que gestionar."
    ),
    "Staying safe": "Mantenerse a salvo",
    "Speaking out carries risks: members of the network have lost their jobs and their "
    "residence permits. ISHR helped Selam share the network's findings with UN experts "
    "without revealing who had provided them.": (
        "Alzar la voz tiene sus riesgos: algunas integrantes de la red han perdido su empleo y "
        "su permiso de residencia. ISHR ayudó a Selam a transmitir la información reunida por "
        "la red a personas expertas de la ONU sin revelar quién la había aportado."
    ),
    "Demo content: this defender and their story are fictional, written to show how stories "
    "appear on the site.": (
        "Contenido de demostración: esta persona defensora y su historia son ficticias y se "
        "crearon para mostrar cómo se presentan los relatos en el sitio."
    ),
    # Story: Ahmed S.
    "Speaking in Geneva despite a travel ban": (
        "Hacerse oír en Ginebra pese a la prohibición de viajar"
    ),
    "ahmed-speaking-in-geneva-despite-a-travel-ban": (
        "ahmed-hacerse-oir-en-ginebra-pese-a-la-prohibicion-de-viajar"
    ),
    "Ahmed S.": "Ahmed S.",
    "They wanted me to be afraid to speak in Geneva. I spoke anyway, and I was not alone.": (
        "Querían que tuviera miedo de hablar en Ginebra. Hablé de todos modos, y no estaba solo."
    ),
    "Ahmed campaigns against slavery-like practices and supports migrants held at the "
    "border. After he briefed UN experts, he was stopped at the airport; he then took part "
    "in the session remotely.": (
        "Ahmed lucha contra las prácticas análogas a la esclavitud y apoya a personas migrantes "
        "detenidas en la frontera. Después de que informara a personas expertas de la ONU, lo "
        "retuvieron en el aeropuerto y tuvo que participar en la sesión a distancia."
    ),
    "Ahmed was due to speak at a side event in Geneva when border police took his passport. "
    "ISHR raised his case with the UN the same day, and he gave his statement by video "
    "link.": (
        "Ahmed tenía previsto intervenir en un evento paralelo en Ginebra cuando la policía de "
        "fronteras le retiró el pasaporte. ISHR planteó su caso ante la ONU ese mismo día, y "
        "Ahmed pronunció su declaración por videoconferencia."
    ),
    "His case was later included in the Secretary-General's report on reprisals. He has "
    "since recovered his passport and continues his work.": (
        "Su caso se incluyó posteriormente en el informe del Secretario General sobre "
        "represalias. Desde entonces ha recuperado su pasaporte y continúa con su labor."
    ),
}
