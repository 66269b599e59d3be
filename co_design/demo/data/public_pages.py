"""Demo text of the public pages around the process, in English, German, Italian and Spanish:
*Take part* and the information pages the footer links to. The network, its addresses and its
people are fictional."""

INVITATION_EMAIL = "participation@eccipa.example.org"


TAKE_PART = {
    "en": {
        "title": "Take part",
        "slug": "take-part",
        "introduction": (
            "<p>The partner cities write their local strategies and training modules with the "
            "people they concern. While a draft is open for consultation, invited stakeholders "
            "read it section by section and comment on it; the editors answer and record what "
            "they did with each comment.</p>"
        ),
        "how_to_take_part": (
            "<p>Each consultation is open to the stakeholders of its territory: city "
            "departments and other public bodies, NGOs, migrant associations and role models "
            "(people with a migration background who are active in their community). Taking "
            "part needs an invitation, so that every comment comes from someone the editors can "
            "answer.</p><p>Ask for one by e-mail with your name, your organisation (if any) and "
            "your territory. You receive a personal link that signs you in; nobody else sees "
            "your e-mail address, and your name is shown publicly only if you choose so on "
            "your comment.</p>"
        ),
    },
    "de": {
        "title": "Mitmachen",
        "slug": "mitmachen",
        "introduction": (
            "<p>Die Partnerstädte schreiben ihre lokalen Strategien und Schulungsmodule mit den "
            "Menschen, die sie betreffen. Solange ein Entwurf zur Konsultation offen ist, lesen "
            "eingeladene Akteure ihn Abschnitt für Abschnitt und kommentieren ihn; die Redaktion "
            "antwortet und hält fest, was sie mit jedem Kommentar gemacht hat.</p>"
        ),
        "how_to_take_part": (
            "<p>Jede Konsultation steht den Akteuren ihres Gebiets offen: städtischen Ämtern und "
            "anderen öffentlichen Stellen, NGOs, Migrantenorganisationen und Vorbildern "
            "(Menschen mit Migrationsgeschichte, die sich in ihrem Umfeld engagieren). Zur "
            "Teilnahme braucht es eine Einladung, damit die Redaktion jedem Kommentar antworten "
            "kann.</p><p>Bitten Sie per E-Mail darum, mit Ihrem Namen, Ihrer Organisation (falls "
            "vorhanden) und Ihrem Gebiet. Sie erhalten einen persönlichen Link, der Sie anmeldet; "
            "Ihre E-Mail-Adresse sieht niemand sonst, und Ihr Name steht nur dann neben einem "
            "Kommentar, wenn Sie es bei Ihrem Kommentar so wählen.</p>"
        ),
    },
    "it": {
        "title": "Partecipare",
        "slug": "partecipare",
        "introduction": (
            "<p>Le città partner scrivono le strategie locali e i moduli formativi insieme alle "
            "persone a cui si rivolgono. Finché una bozza è aperta alla consultazione, gli attori "
            "invitati la leggono sezione per sezione e la commentano; la redazione risponde e "
            "registra che cosa ha fatto di ogni commento.</p>"
        ),
        "how_to_take_part": (
            "<p>Ogni consultazione è aperta agli attori del suo territorio: uffici comunali e "
            "altri enti pubblici, ONG, associazioni di migranti e persone di riferimento (persone "
            "con un percorso migratorio attive nella loro comunità). Per partecipare serve un "
            "invito, così la redazione può rispondere a ogni commento.</p><p>Lo chieda per e-mail "
            "indicando il Suo nome, la Sua organizzazione (se c'è) e il Suo territorio. Riceverà "
            "un link personale che La fa accedere; nessun altro vede il Suo indirizzo e-mail, e "
            "il Suo nome compare pubblicamente solo se lo sceglie nel Suo commento.</p>"
        ),
    },
    "es": {
        "title": "Participar",
        "slug": "participar",
        "introduction": (
            "<p>Las ciudades socias escriben sus estrategias locales y sus módulos formativos con "
            "las personas a las que afectan. Mientras un borrador está abierto a consulta, las "
            "partes interesadas invitadas lo leen sección por sección y lo comentan; el equipo "
            "editorial responde y deja constancia de lo que hizo con cada comentario.</p>"
        ),
        "how_to_take_part": (
            "<p>Cada consulta está abierta a las partes interesadas de su territorio: "
            "departamentos municipales y otros organismos públicos, ONG, asociaciones de "
            "migrantes y personas referentes (personas con trayectoria migratoria activas en su "
            "comunidad). Para participar hace falta una invitación, de modo que el equipo "
            "editorial pueda responder a cada comentario.</p><p>Solicítela por correo "
            "electrónico con su nombre, su organización (si la tiene) y su territorio. Recibirá "
            "un enlace personal que le da acceso; nadie más ve su dirección de correo, y su "
            "nombre solo aparece públicamente si así lo elige en su comentario.</p>"
        ),
    },
}

# (footer role, {language: (title, slug, body)}) in the order of the footer.
INFORMATION = [
    (
        "accessibility",
        {
            "en": (
                "Accessibility statement",
                "accessibility",
                "<p>The ECCIPA network wants everyone to be able to use this site. It aims to "
                "meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, the "
                "standard EN 301 549 requires of public bodies under Directive (EU) "
                "2016/2102.</p><h2>How accessible this site is</h2><p>The site is partially "
                "compliant: every page is checked automatically for headings, labels, text "
                "alternatives, contrast and keyboard use. Some documents uploaded as PDF "
                "before 2024 may not be fully accessible; ask us for another format.</p>"
                "<h2>Feedback and contact</h2><p>If something does not work for you, write to "
                "accessibility@eccipa.example.org. We answer within ten working days.</p>"
                "<h2>Enforcement</h2><p>If our answer does not satisfy you, you may turn to the "
                "enforcement body of the country of the partner concerned.</p>",
            ),
            "de": (
                "Erklärung zur Barrierefreiheit",
                "barrierefreiheit",
                "<p>Das ECCIPA-Netzwerk möchte, dass alle diese Website nutzen können. Sie soll "
                "die Richtlinien für barrierefreie Webinhalte (WCAG) 2.1 auf Stufe AA erfüllen, "
                "wie es die Norm EN 301 549 nach der Richtlinie (EU) 2016/2102 von öffentlichen "
                "Stellen verlangt.</p><h2>Stand der Vereinbarkeit</h2><p>Die Website ist "
                "teilweise barrierefrei: Jede Seite wird automatisch auf Überschriften, "
                "Beschriftungen, Textalternativen, Kontraste und Tastaturbedienung geprüft. "
                "Einige vor 2024 hochgeladene PDF-Dokumente sind womöglich nicht vollständig "
                "barrierefrei; fragen Sie uns nach einem anderen Format.</p><h2>Feedback und "
                "Kontakt</h2><p>Wenn etwas für Sie nicht funktioniert, schreiben Sie an "
                "accessibility@eccipa.example.org. Wir antworten innerhalb von zehn "
                "Arbeitstagen.</p><h2>Durchsetzungsverfahren</h2><p>Stellt Sie unsere Antwort "
                "nicht zufrieden, können Sie sich an die Durchsetzungsstelle im Land des "
                "betroffenen Partners wenden.</p>",
            ),
            "it": (
                "Dichiarazione di accessibilità",
                "accessibilita",
                "<p>La rete ECCIPA vuole che tutti possano usare questo sito. Il sito mira a "
                "rispettare le linee guida per l'accessibilità dei contenuti web (WCAG) 2.1 al "
                "livello AA, come la norma EN 301 549 richiede agli enti pubblici in base alla "
                "direttiva (UE) 2016/2102.</p><h2>Stato di conformità</h2><p>Il sito è "
                "parzialmente conforme: ogni pagina è verificata automaticamente per titoli, "
                "etichette, alternative testuali, contrasto e uso da tastiera. Alcuni documenti "
                "PDF caricati prima del 2024 potrebbero non essere del tutto accessibili; ci "
                "chieda un altro formato.</p><h2>Segnalazioni e contatti</h2><p>Se qualcosa non "
                "funziona per Lei, scriva a accessibility@eccipa.example.org. Rispondiamo entro "
                "dieci giorni lavorativi.</p><h2>Procedura di attuazione</h2><p>Se la risposta "
                "non La soddisfa, può rivolgersi all'organismo di controllo del paese del partner "
                "interessato.</p>",
            ),
            "es": (
                "Declaración de accesibilidad",
                "accesibilidad",
                "<p>La red ECCIPA quiere que todas las personas puedan usar este sitio. El sitio "
                "aspira a cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1 en "
                "el nivel AA, como exige la norma EN 301 549 a los organismos públicos según la "
                "Directiva (UE) 2016/2102.</p><h2>Situación de cumplimiento</h2><p>El sitio es "
                "parcialmente conforme: cada página se comprueba automáticamente en "
                "encabezados, etiquetas, alternativas textuales, contraste y uso con teclado. "
                "Algunos documentos PDF subidos antes de 2024 pueden no ser del todo accesibles; "
                "pídanos otro formato.</p><h2>Comentarios y contacto</h2><p>Si algo no le "
                "funciona, escriba a accessibility@eccipa.example.org. Respondemos en un plazo "
                "de diez días hábiles.</p><h2>Procedimiento de aplicación</h2><p>Si nuestra "
                "respuesta no le satisface, puede dirigirse al organismo de control del país del "
                "socio correspondiente.</p>",
            ),
        },
    ),
    (
        "privacy",
        {
            "en": (
                "Privacy notice",
                "privacy",
                "<p>The controller of this site is the ECCIPA network, represented by its "
                "coordinator, the City of Rheinfeld (see the legal notice).</p><h2>What we "
                "store</h2><p>Reading the site stores nothing about you beyond the server's "
                "access log, kept for 14 days. If you are invited to a consultation we store "
                "your name, e-mail address, organisation, its type and your territory, and what "
                "you write in the consultation room.</p><h2>Why</h2><p>To run the "
                "consultations of the partner cities, a task in the public interest (Art. 6(1)(e) "
                "GDPR). Your comments are shown to the other participants; publicly, on the "
                "<i>How your input was used</i> pages, only with the type of your organisation, "
                "and with your name only if you chose to show it.</p><h2>How long</h2><p>Until "
                "the end of the network's work, or until you ask us to delete your account.</p>"
                "<h2>Your rights</h2><p>You may ask for access, correction, deletion, "
                "restriction and portability, and object; write to privacy@eccipa.example.org. "
                "You may also complain to your data protection authority.</p>",
            ),
            "de": (
                "Datenschutzerklärung",
                "datenschutz",
                "<p>Verantwortlich für diese Website ist das ECCIPA-Netzwerk, vertreten durch die "
                "koordinierende Stadt Rheinfeld (siehe Impressum).</p><h2>Was wir speichern</h2>"
                "<p>Beim Lesen der Website speichern wir über Sie nur das Zugriffsprotokoll des "
                "Servers, 14 Tage lang. Werden Sie zu einer Konsultation eingeladen, speichern "
                "wir Ihren Namen, Ihre E-Mail-Adresse, Ihre Organisation und deren Art, Ihr "
                "Gebiet und was Sie im Konsultationsraum schreiben.</p><h2>Wozu</h2><p>Um die "
                "Konsultationen der Partnerstädte durchzuführen, eine Aufgabe im öffentlichen "
                "Interesse (Art. 6 Abs. 1 lit. e DSGVO). Ihre Kommentare sehen die anderen "
                "Teilnehmenden; öffentlich, auf den Seiten "
                "<i>Wie Ihre Beiträge verwendet wurden</i>, "
                "nur mit der Art Ihrer Organisation und mit Ihrem Namen nur, wenn Sie das "
                "gewählt haben.</p><h2>Wie lange</h2><p>Bis zum Ende der Arbeit des Netzwerks "
                "oder bis Sie uns bitten, Ihr Konto zu löschen.</p><h2>Ihre Rechte</h2><p>Sie "
                "haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung, "
                "Datenübertragbarkeit und Widerspruch; schreiben Sie an "
                "privacy@eccipa.example.org. Sie können sich auch bei Ihrer "
                "Datenschutzaufsichtsbehörde beschweren.</p>",
            ),
            "it": (
                "Informativa sulla privacy",
                "privacy",
                "<p>Titolare del trattamento è la rete ECCIPA, rappresentata dalla città "
                "coordinatrice di Rheinfeld (vedi note legali).</p><h2>Che cosa conserviamo</h2>"
                "<p>Leggendo il sito non conserviamo nulla su di Lei oltre al registro degli "
                "accessi del server, tenuto per 14 giorni. Se è invitato/a a una consultazione "
                "conserviamo nome, indirizzo e-mail, organizzazione e relativo tipo, territorio e "
                "ciò che scrive nella sala di consultazione.</p><h2>Perché</h2><p>Per svolgere "
                "le consultazioni delle città partner, un compito di interesse pubblico (art. 6, "
                "par. 1, lett. e, GDPR). I Suoi commenti sono visibili agli altri partecipanti; "
                "pubblicamente, nelle pagine <i>Come è stato usato il suo contributo</i>, "
                "solo con il tipo di organizzazione, e con il Suo nome solo se ha scelto di "
                "mostrarlo.</p><h2>Per quanto tempo</h2><p>Fino alla fine del lavoro della rete, "
                "o finché non ci chiede di cancellare il Suo account.</p><h2>I Suoi diritti</h2>"
                "<p>Può chiedere accesso, rettifica, cancellazione, limitazione e portabilità, e "
                "opporsi; scriva a privacy@eccipa.example.org. Può anche presentare reclamo "
                "all'autorità per la protezione dei dati.</p>",
            ),
            "es": (
                "Aviso de privacidad",
                "privacidad",
                "<p>El responsable de este sitio es la red ECCIPA, representada por la ciudad "
                "coordinadora, Rheinfeld (véase el aviso legal).</p><h2>Qué guardamos</h2><p>Al "
                "leer el sitio no guardamos nada sobre usted salvo el registro de accesos del "
                "servidor, durante 14 días. Si recibe una invitación a una consulta guardamos su "
                "nombre, dirección de correo, organización y su tipo, su territorio y lo que "
                "escribe en la sala de consulta.</p><h2>Para qué</h2><p>Para llevar a cabo las "
                "consultas de las ciudades socias, una misión de interés público (art. 6.1.e "
                "RGPD). Sus comentarios los ven los demás participantes; públicamente, en las "
                "páginas <i>Cómo se usaron sus aportaciones</i>, solo con el tipo de su "
                "organización, y con su nombre solo si eligió mostrarlo.</p><h2>Durante cuánto "
                "tiempo</h2><p>Hasta el final del trabajo de la red, o hasta que nos pida borrar "
                "su cuenta.</p><h2>Sus derechos</h2><p>Puede solicitar acceso, rectificación, "
                "supresión, limitación y portabilidad, y oponerse; escriba a "
                "privacy@eccipa.example.org. También puede reclamar ante su autoridad de "
                "protección de datos.</p>",
            ),
        },
    ),
    (
        "legal",
        {
            "en": (
                "Legal notice",
                "legal-notice",
                "<p><b>ECCIPA network</b>, represented by the City of Rheinfeld, Department for "
                "Integration, Marktplatz 1, 12345 Rheinfeld, Germany (fictional address).</p>"
                "<p>Represented by the Lord Mayor of Rheinfeld. E-mail: "
                "info@eccipa.example.org. VAT number: DE000000000 (example).</p><p>Responsible "
                "for the content: the editorial team of each partner territory for its own "
                "pages.</p><p>ECCIPA began as a project co-funded by the Erasmus+ programme of "
                "the European Union. The European Commission's support does not constitute an "
                "endorsement of the contents, which reflect the views only of the authors.</p>",
            ),
            "de": (
                "Impressum",
                "impressum",
                "<p><b>ECCIPA-Netzwerk</b>, vertreten durch die Stadt Rheinfeld, Amt für "
                "Integration, Marktplatz 1, 12345 Rheinfeld, Deutschland (fiktive Anschrift).</p>"
                "<p>Vertreten durch den Oberbürgermeister der Stadt Rheinfeld. E-Mail: "
                "info@eccipa.example.org. USt-IdNr.: DE000000000 (Beispiel).</p><p>Inhaltlich "
                "verantwortlich: die Redaktion jedes Partnergebiets für ihre eigenen Seiten.</p>"
                "<p>ECCIPA begann als Projekt, das aus dem Programm Erasmus+ der Europäischen "
                "Union kofinanziert wurde. Die Unterstützung der Europäischen Kommission stellt "
                "keine Billigung der Inhalte dar, die allein die Ansichten der Verfasser "
                "wiedergeben.</p>",
            ),
            "it": (
                "Note legali",
                "note-legali",
                "<p><b>Rete ECCIPA</b>, rappresentata dalla Città di Rheinfeld, Ufficio per "
                "l'integrazione, Marktplatz 1, 12345 Rheinfeld, Germania (indirizzo fittizio).</p>"
                "<p>Rappresentante legale: il sindaco di Rheinfeld. E-mail: "
                "info@eccipa.example.org. Partita IVA: DE000000000 (esempio).</p><p>Responsabile "
                "dei contenuti: la redazione di ciascun territorio partner per le proprie pagine."
                "</p><p>ECCIPA è nato come progetto cofinanziato dal programma Erasmus+ "
                "dell'Unione europea. Il sostegno della Commissione europea non costituisce "
                "un'approvazione dei contenuti, che riflettono esclusivamente il punto di vista "
                "degli autori.</p>",
            ),
            "es": (
                "Aviso legal",
                "aviso-legal",
                "<p><b>Red ECCIPA</b>, representada por la Ciudad de Rheinfeld, Departamento de "
                "Integración, Marktplatz 1, 12345 Rheinfeld, Alemania (dirección ficticia).</p>"
                "<p>Representante: el alcalde de Rheinfeld. Correo electrónico: "
                "info@eccipa.example.org. NIF-IVA: DE000000000 (ejemplo).</p><p>Responsable de "
                "los contenidos: el equipo editorial de cada territorio socio para sus propias "
                "páginas.</p><p>ECCIPA nació como un proyecto cofinanciado por el programa "
                "Erasmus+ de la Unión Europea. El apoyo de la Comisión Europea no constituye una "
                "aprobación de los contenidos, que reflejan únicamente la opinión de sus "
                "autores.</p>",
            ),
        },
    ),
    (
        "contact",
        {
            "en": (
                "Contact",
                "contact",
                "<p>General questions: info@eccipa.example.org.</p><p>Taking part in a "
                "consultation, or an invitation: participation@eccipa.example.org.</p><h2>Partner "
                "territories</h2><ul><li>Rheinfeld (Germany): Department for Integration, "
                "Marktplatz 1, 12345 Rheinfeld</li><li>Valdoria (Italy): Ufficio "
                "Intercultura, Piazza del Comune 3, 00100 Valdoria</li><li>Puerto Alba (Spain): "
                "Área de Convivencia, Plaza Mayor 5, 11000 Puerto Alba</li></ul><p>All "
                "addresses are fictional.</p>",
            ),
            "de": (
                "Kontakt",
                "kontakt",
                "<p>Allgemeine Fragen: info@eccipa.example.org.</p><p>Teilnahme an einer "
                "Konsultation oder Einladung: participation@eccipa.example.org.</p>"
                "<h2>Partnergebiete</h2><ul><li>Rheinfeld (Deutschland): Amt für Integration, "
                "Marktplatz 1, 12345 "
                "Rheinfeld</li><li>Valdoria (Italien): Ufficio Intercultura, Piazza del Comune 3, "
                "00100 Valdoria</li><li>Puerto Alba (Spanien): Área de Convivencia, Plaza Mayor "
                "5, 11000 Puerto Alba</li></ul><p>Alle Anschriften sind fiktiv.</p>",
            ),
            "it": (
                "Contatti",
                "contatti",
                "<p>Domande generali: info@eccipa.example.org.</p><p>Partecipazione a una "
                "consultazione o inviti: participation@eccipa.example.org.</p><h2>Territori "
                "partner</h2><ul><li>Rheinfeld (Germania): Ufficio per l'integrazione, "
                "Marktplatz 1, 12345 Rheinfeld</li><li>Valdoria (Italia): Ufficio Intercultura, "
                "Piazza del Comune 3, 00100 Valdoria</li><li>Puerto Alba (Spagna): Área de "
                "Convivencia, Plaza Mayor 5, 11000 Puerto Alba</li></ul><p>Tutti gli indirizzi "
                "sono fittizi.</p>",
            ),
            "es": (
                "Contacto",
                "contacto",
                "<p>Preguntas generales: info@eccipa.example.org.</p><p>Participación en una "
                "consulta o invitaciones: participation@eccipa.example.org.</p><h2>Territorios "
                "socios</h2><ul><li>Rheinfeld (Alemania): Departamento de Integración, "
                "Marktplatz 1, 12345 Rheinfeld</li><li>Valdoria (Italia): Ufficio Intercultura, "
                "Piazza del Comune 3, 00100 Valdoria</li><li>Puerto Alba (España): Área de "
                "Convivencia, Plaza Mayor 5, 11000 Puerto Alba</li></ul><p>Todas las direcciones "
                "son ficticias.</p>",
            ),
        },
    ),
]

# What a finished consultation looks like: Puerto Alba's stakeholders commented on its strategy's
# newer revision, the editor decided on every comment and closed the consultation (the revision
# now waits for editorial approval); the published strategy links to the outcome.
PUERTO_ALBA_COMMENTS = [
    {
        "by": "stakeholder-city",
        "section": 0,
        "text": "Name the housing office as a partner of the welcome desk: newcomers ask us "
        "first about a place to live, and we could refer them back on the same day.",
        "show_name": True,
        "decision": ("adopted", "The housing department is now a named partner of the desk."),
    },
    {
        "by": "stakeholder-city",
        "section": 1,
        "text": "Could the strategy give a date for translating the rental guide?",
        "decision": (
            "partly_adopted",
            "Arabic and English versions follow in 2025; more languages depend on funding.",
        ),
    },
]
