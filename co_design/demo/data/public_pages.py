"""Demo text of the public pages around the process, in English, and their slugs in German,
Italian and Spanish: *Take part* and the information pages the footer links to (their
translations are in translations/<code>.po). The network, its addresses and its
people are fictional."""

INVITATION_EMAIL = "participation@eccipa.example.org"


TAKE_PART = {
    "title": "Take part",
    "slug": "take-part",
    "introduction": (
        "<p>The partner cities write their local strategies and training modules with the "
        "people they concern. While a draft is open for consultation, invited stakeholders read"
        " it section by section and comment on it; the editors answer and record what they did "
        "with each comment.</p>"
    ),
    "how_to_take_part": (
        "<p>Each consultation is open to the stakeholders of its territory: city departments "
        "and other public bodies, NGOs, migrant associations and role models (people with a "
        "migration background who are active in their community). Taking part needs an "
        "invitation, so that every comment comes from someone the editors can answer.</p><p>Ask"
        " for one by e-mail with your name, your organisation (if any) and your territory. You "
        "receive a personal link that signs you in; nobody else sees your e-mail address, and "
        "your name is shown publicly only if you choose so on your comment.</p>"
    ),
}

# (footer role, title, slug, body) in the order of the footer.
INFORMATION = [
    (
        "accessibility",
        "Accessibility statement",
        "accessibility",
        (
            "<p>The ECCIPA network wants everyone to be able to use this site. It aims to meet "
            "the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, the standard EN "
            "301 549 requires of public bodies under Directive (EU) 2016/2102.</p><h2>How "
            "accessible this site is</h2><p>The site is partially compliant: every page is "
            "checked automatically for headings, labels, text alternatives, contrast and "
            "keyboard use. Some documents uploaded as PDF before 2024 may not be fully "
            "accessible; ask us for another format.</p><h2>Feedback and contact</h2><p>If "
            "something does not work for you, write to accessibility@eccipa.example.org. We "
            "answer within ten working days.</p><h2>Enforcement</h2><p>If our answer does not "
            "satisfy you, you may turn to the enforcement body of the country of the partner "
            "concerned.</p>"
        ),
    ),
    (
        "privacy",
        "Privacy notice",
        "privacy",
        (
            "<p>The controller of this site is the ECCIPA network, represented by its "
            "coordinator, the City of Rheinfeld (see the legal notice).</p><h2>What we "
            "store</h2><p>Reading the site stores nothing about you beyond the server's access "
            "log, kept for 14 days. If you are invited to a consultation we store your name, "
            "e-mail address, organisation, its type and your territory, and what you write in "
            "the consultation room.</p><h2>Why</h2><p>To run the consultations of the partner "
            "cities, a task in the public interest (Art. 6(1)(e) GDPR). Your comments are shown"
            " to the other participants; publicly, on the <i>How your input was used</i> pages,"
            " only with the type of your organisation, and with your name only if you chose to "
            "show it.</p><h2>How long</h2><p>Until the end of the network's work, or until you "
            "ask us to delete your account.</p><h2>Your rights</h2><p>You may ask for access, "
            "correction, deletion, restriction and portability, and object; write to "
            "privacy@eccipa.example.org. You may also complain to your data protection "
            "authority.</p>"
        ),
    ),
    (
        "legal",
        "Legal notice",
        "legal-notice",
        (
            "<p><b>ECCIPA network</b>, represented by the City of Rheinfeld, Department for "
            "Integration, Marktplatz 1, 12345 Rheinfeld, Germany (fictional "
            "address).</p><p>Represented by the Lord Mayor of Rheinfeld. E-mail: "
            "info@eccipa.example.org. VAT number: DE000000000 (example).</p><p>Responsible for "
            "the content: the editorial team of each partner territory for its own "
            "pages.</p><p>ECCIPA began as a project co-funded by the Erasmus+ programme of the "
            "European Union. The European Commission's support does not constitute an "
            "endorsement of the contents, which reflect the views only of the authors.</p>"
        ),
    ),
    (
        "contact",
        "Contact",
        "contact",
        (
            "<p>General questions: info@eccipa.example.org.</p><p>Taking part in a "
            "consultation, or an invitation: participation@eccipa.example.org.</p><h2>Partner "
            "territories</h2><ul><li>Rheinfeld (Germany): Department for Integration, "
            "Marktplatz 1, 12345 Rheinfeld</li><li>Valdoria (Italy): Ufficio Intercultura, "
            "Piazza del Comune 3, 00100 Valdoria</li><li>Puerto Alba (Spain): Área de "
            "Convivencia, Plaza Mayor 5, 11000 Puerto Alba</li></ul><p>All addresses are "
            "fictional.</p>"
        ),
    ),
]

# Each public page has its own slug in each language (the texts are in translations/<code>.po).
SLUGS = {
    "take-part": {"de": "mitmachen", "it": "partecipare", "es": "participar"},
    "accessibility": {"de": "barrierefreiheit", "it": "accessibilita", "es": "accesibilidad"},
    "privacy": {"de": "datenschutz", "it": "privacy", "es": "privacidad"},
    "legal-notice": {"de": "impressum", "it": "note-legali", "es": "aviso-legal"},
    "contact": {"de": "kontakt", "it": "contatti", "es": "contacto"},
}

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
