"""Texts of the demo site, written from the ECCIPA project leaflet."""

from datetime import date

from co_design.choices import DeliveryFormat, FindingKind, OrganisationType, Priority
from co_design.consultation.models import Decision

HOME_TITLE = "ECCIPA: intercultural competences in public administration"

HOME_INTRODUCTION = (
    "<p>ECCIPA, <b>Enhancing interCultural Competences In Public Administration</b>, is a network "
    "of cities in Germany, Italy and Spain. Together with NGOs, migrant associations and their "
    "own departments they review what city staff need, co-design a training programme for the "
    "people who welcome and support migrants, and turn three local integration strategies into a "
    "Manifesto for other European cities.</p>"
    "<p>The network began as an Erasmus+ project (December 2020 – May 2023). This platform "
    "carries its work on: the partners keep revising their strategies and the Toolkit with the "
    "people they concern, and every draft is open to its territory's stakeholders before it is "
    "published.</p>"
)

# The index page of each activity, by slug, under the home page (shown in the menu).
INDEX_PAGES = {
    "needs-review": {
        "title": "Needs Review",
        "introduction": "<p>What civil servants, NGOs, migrant associations and role models "
        "told us about integration services in each territory.</p>",
    },
    "toolkit": {
        "title": "Training Programme Toolkit",
        "introduction": "<p>Training modules for city staff who welcome and support migrants, "
        "co-designed in three round tables. Other European cities can use them to replicate "
        "the ECCIPA training.</p>",
        "how_to_use": "<p>Pick the modules that answer the needs your own review found.</p>",
    },
    "strategies": {
        "title": "Local Strategies",
        "introduction": "<p>Each partner territory drafts a Local Strategy for the integration "
        "of third-country nationals, in consultation with its stakeholders.</p>",
    },
    "round-tables": {
        "title": "Round Tables",
        "introduction": "<p>The three Thematic Core City Groups where partners and stakeholders "
        "co-designed the training programme.</p>",
    },
}

REPORT_DOCUMENT = {
    "title": "Needs Review Report {territory} (demo)",
    "text": "{title}\n\nA placeholder for the full report of the demo site.\n",
}

# The activities of every training module; {title} is the module's.
MODULE_ACTIVITIES = [
    (
        "case_study",
        "A morning at the counter",
        "<p>A real case from a partner city, discussed in the light of “{title}”.</p>",
        45,
    ),
    ("role_play", "Try it out", "<p>In pairs, one plays the visitor, one the officer.</p>", 30),
]

MODULE_RESOURCES = [("ECCIPA project leaflet", "https://example.org/eccipa")]

# A strategy for a territory beyond the three of the leaflet (benchmark sizes); {territory} is
# its name, {toolkit} the Toolkit's page id.
GENERATED_STRATEGY = {
    "slug": "{territory_slug}-local-strategy",
    "title": "{territory} Local Strategy (generated)",
    "summary": "A generated strategy for {territory}, for benchmarks.",
    "vision": "<p>A generated vision.</p>",
    "sections": [
        (
            "Generated section",
            "<p>Generated text of a strategy section, long enough to look like one. "
            "It names a <b>responsible body</b>, a timeline and a module of the "
            '<a linktype="page" id="{toolkit}">Toolkit</a>.</p>',
            [("Generated action", "City department", "2024", "Generated indicator")],
            [],
        )
    ],
}

# Added to each section of a benchmark size beyond the written ones: its own text and link.
FURTHER_READING = (
    "<p>Section {number} of the {territory_slug} strategy builds on the training module "
    '<a linktype="page" id="{module}">linked here</a>.</p>'
)

# Territories added for benchmark sizes, one strategy each; {number} counts from 4.
BENCHMARK_TERRITORY = {
    "slug": "benchmark-city-{number:02d}",
    "name": "Benchmark city {number:02d}",
    "country": "EU",
    "description": "Generated for benchmarks; fictional.",
}

ACTIVITIES = [
    (
        "Needs Review",
        "Each territory interviews civil servants, NGOs, migrant associations and "
        "role models, and reports the strengths and weaknesses of its integration services.",
        "needs",
    ),
    (
        "Co-design of the Training Programme",
        "Three round tables co-design training modules for "
        "city staff; the result is the Training Programme Toolkit.",
        "toolkit",
    ),
    (
        "Integration Strategies",
        "Each territory drafts a Local Strategy; the three are collected "
        "in the ECCIPA Manifesto, a practical guide for European cities.",
        "strategies",
    ),
]

# Per territory: (interviews, focus groups, participants by type, summary, findings)
NEEDS_REVIEWS = {
    "rheinfeld": {
        "interviews": 24,
        "focus_groups": 4,
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 14,
            OrganisationType.NGO: 6,
            OrganisationType.MIGRANT_ASSOCIATION: 4,
            OrganisationType.ROLE_MODEL: 3,
        },
        "summary": "<p>Rheinfeld's services are well funded and well connected, but staff at the "
        "foreign residents' office feel unprepared for conversations across languages, and "
        "migrants experience the office as a place of rules rather than of welcome.</p>",
        "findings": [
            (
                FindingKind.STRENGTH,
                "Strong network of migrant associations",
                Priority.MEDIUM,
                "Twelve associations meet the integration office every quarter.",
            ),
            (
                FindingKind.WEAKNESS,
                "Language barriers at the front desk",
                Priority.HIGH,
                "Staff rarely book interpreters; relatives, often children, translate.",
            ),
            (
                FindingKind.WEAKNESS,
                "Letters nobody understands",
                Priority.HIGH,
                "Most standard letters of the foreign residents' office need a reading age of 18.",
            ),
            (
                FindingKind.WEAKNESS,
                "No training on discrimination complaints",
                Priority.MEDIUM,
                "Staff do not know where to refer a person who reports discrimination.",
            ),
        ],
    },
    "valdoria": {
        "interviews": 19,
        "focus_groups": 3,
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 9,
            OrganisationType.PUBLIC_BODY: 3,
            OrganisationType.NGO: 5,
            OrganisationType.MIGRANT_ASSOCIATION: 5,
        },
        "summary": "<p>Valdoria relies on cooperatives and volunteers for first reception. "
        "Cooperation is warm but informal: knowledge stays with people, not with the city.</p>",
        "findings": [
            (
                FindingKind.STRENGTH,
                "Committed cooperatives in first reception",
                Priority.MEDIUM,
                "Three cooperatives run orientation desks six days a week.",
            ),
            (
                FindingKind.WEAKNESS,
                "Knowledge leaves with staff turnover",
                Priority.HIGH,
                "Half of the social services staff changed in two years; nothing was written down.",
            ),
            (
                FindingKind.WEAKNESS,
                "Unclear residence procedures",
                Priority.HIGH,
                "Staff give contradictory answers on which permit gives access to which service.",
            ),
            (
                FindingKind.STRENGTH,
                "Role models in schools",
                Priority.LOW,
                "Former migrant pupils visit schools as mentors.",
            ),
        ],
    },
    "puerto-alba": {
        "interviews": 21,
        "focus_groups": 5,
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 11,
            OrganisationType.NGO: 7,
            OrganisationType.MIGRANT_ASSOCIATION: 3,
            OrganisationType.ROLE_MODEL: 2,
            OrganisationType.OTHER: 2,
        },
        "summary": "<p>Puerto Alba's seasonal economy brings many newcomers each spring. The "
        "city's one-stop shop works, but housing and health services are hard to reach.</p>",
        "findings": [
            (
                FindingKind.STRENGTH,
                "A one-stop shop for newcomers",
                Priority.MEDIUM,
                "The Oficina de Acogida brings registration, schooling and work advice together.",
            ),
            (
                FindingKind.WEAKNESS,
                "Housing services are hard to reach",
                Priority.HIGH,
                "Appointments are only given online and in Spanish.",
            ),
            (
                FindingKind.WEAKNESS,
                "Stress and trauma go unrecognised",
                Priority.MEDIUM,
                "Staff report conflicts at the counter they cannot explain or calm down.",
            ),
            (
                FindingKind.WEAKNESS,
                "Civil society is consulted late",
                Priority.MEDIUM,
                "NGOs are asked for comments after decisions are taken.",
            ),
        ],
    },
}

ROUND_TABLES = [
    {
        "slug": "round-table-welcome",
        "title": "Thematic Core City Group 1: Welcoming at the front desk",
        "date": date(2021, 10, 14),
        "theme": "What city staff need to welcome people who do not yet speak the language.",
        "territories": ["rheinfeld", "valdoria", "puerto-alba"],
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 12,
            OrganisationType.NGO: 5,
            OrganisationType.MIGRANT_ASSOCIATION: 4,
        },
        "outcomes": "<p>Agreed the first three modules: intercultural communication, working with "
        "interpreters and plain-language letters.</p>",
        "drafts": ["intercultural-communication-at-the-counter", "working-with-interpreters"],
    },
    {
        "slug": "round-table-rights",
        "title": "Thematic Core City Group 2: Rights and procedures",
        "date": date(2022, 2, 10),
        "theme": "Residence procedures and equal treatment, explained for frontline staff.",
        "territories": ["valdoria", "puerto-alba"],
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 8,
            OrganisationType.PUBLIC_BODY: 3,
            OrganisationType.NGO: 6,
            OrganisationType.ROLE_MODEL: 2,
        },
        "outcomes": "<p>Asked for a module on anti-discrimination law with real complaint cases, "
        "and a one-page guide to residence permits.</p>",
        "drafts": ["anti-discrimination-law-in-practice", "residence-procedures-explained"],
    },
    {
        "slug": "round-table-partnership",
        "title": "Thematic Core City Group 3: Partnership and sustainability",
        "date": date(2022, 6, 23),
        "theme": "How cities keep civil society on board after the project ends.",
        "territories": ["rheinfeld", "valdoria", "puerto-alba"],
        "participants": {
            OrganisationType.CITY_DEPARTMENT: 10,
            OrganisationType.NGO: 7,
            OrganisationType.MIGRANT_ASSOCIATION: 6,
            OrganisationType.ROLE_MODEL: 3,
        },
        "outcomes": "<p>Proposed the structure of the Local Strategies: a shared vision, four "
        "sections and measurable actions.</p>",
        "drafts": ["rheinfeld-local-strategy", "valdoria-local-strategy"],
    },
]

# (slug, title, summary, audience, competences, hours, format, objectives, findings by
#  (territory, finding index))
MODULES = [
    (
        "intercultural-communication-at-the-counter",
        "Intercultural communication at the counter",
        "Recognise how culture shapes a conversation at the counter, and keep it respectful.",
        ["Front-desk staff", "Case workers"],
        ["Intercultural communication"],
        6,
        DeliveryFormat.IN_PERSON,
        [
            "Name three cultural patterns that shape expectations of a public office",
            "De-escalate a conversation that went wrong",
        ],
        [("rheinfeld", 1), ("puerto-alba", 2)],
    ),
    (
        "working-with-interpreters",
        "Working with interpreters",
        "Book, brief and work with community interpreters instead of relatives.",
        ["Front-desk staff", "Social workers"],
        ["Working with interpreters"],
        3,
        DeliveryFormat.BLENDED,
        ["Know when an interpreter is needed", "Brief an interpreter in two minutes"],
        [("rheinfeld", 1)],
    ),
    (
        "plain-language-letters",
        "Plain-language letters and forms",
        "Rewrite standard letters so that people can act on them.",
        ["Administrative staff", "Team leaders"],
        ["Plain-language communication"],
        4,
        DeliveryFormat.ONLINE,
        ["Rewrite a standard letter at reading age 12", "Test a form with its readers"],
        [("rheinfeld", 2)],
    ),
    (
        "anti-discrimination-law-in-practice",
        "Anti-discrimination law in practice",
        "Apply equal-treatment law to everyday decisions and refer complaints correctly.",
        ["Case workers", "Team leaders", "Security staff"],
        ["Anti-discrimination law"],
        5,
        DeliveryFormat.IN_PERSON,
        ["Explain the protected grounds", "Refer a discrimination complaint to the right body"],
        [("rheinfeld", 3)],
    ),
    (
        "residence-procedures-explained",
        "Residence procedures explained",
        "Which permit gives access to which city service, in one afternoon.",
        ["Social workers", "Front-desk staff"],
        ["Residence and asylum procedures"],
        4,
        DeliveryFormat.BLENDED,
        ["Read a residence permit", "Give a consistent answer on access to services"],
        [("valdoria", 2)],
    ),
    (
        "trauma-informed-public-service",
        "Trauma-informed public service",
        "Recognise signs of stress and trauma and respond without doing harm.",
        ["Front-desk staff", "Social workers", "Housing officers"],
        ["Trauma-informed practice"],
        6,
        DeliveryFormat.IN_PERSON,
        ["Recognise signs of acute stress", "Use three calming techniques"],
        [("puerto-alba", 2)],
    ),
    (
        "co-designing-with-civil-society",
        "Co-designing services with civil society",
        "Involve NGOs and migrant associations early, and show what their input changed.",
        ["Team leaders", "Policy officers"],
        ["Partnership with civil society"],
        3,
        DeliveryFormat.ONLINE,
        ["Plan a consultation with a closing date", "Report back on each contribution"],
        [("puerto-alba", 3), ("valdoria", 1)],
    ),
]

STRATEGIES = {
    "rheinfeld": {
        "slug": "rheinfeld-local-strategy",
        "title": "Rheinfeld Local Strategy for Integration 2023–2027",
        "summary": "A welcoming foreign residents' office, letters people understand, and a city "
        "that answers discrimination complaints.",
        "vision": "<p>By 2027 every newcomer in Rheinfeld is served in a language they understand, "
        "by staff trained to welcome them.</p>",
        "sections": [
            (
                "A welcoming front desk",
                "<p>The foreign residents' office becomes a place of "
                "welcome: interpreters on call, a quiet waiting area, and trained staff.</p>",
                [
                    (
                        "Book interpreters through one city contract",
                        "Amt für Integration",
                        "2023",
                        "Share of appointments with an interpreter when needed",
                    )
                ],
                [("rheinfeld", 1)],
            ),
            (
                "Letters people understand",
                "<p>All standard letters are rewritten in plain "
                "language and tested with migrant associations.</p>",
                [
                    (
                        "Rewrite the 40 most used letters",
                        "Bürgeramt",
                        "2023–2024",
                        "Letters rewritten and tested",
                    )
                ],
                [("rheinfeld", 2)],
            ),
            (
                "Equal treatment",
                "<p>Every complaint about discrimination is recorded, referred "
                "and answered within 30 days.</p>",
                [
                    (
                        "Train all team leaders in anti-discrimination law",
                        "Personalamt",
                        "2024",
                        "Team leaders trained",
                    )
                ],
                [("rheinfeld", 3)],
            ),
            (
                "Partnership with associations",
                "<p>The quarterly meeting with migrant associations "
                "gains a budget and a say in the training plan.</p>",
                [
                    (
                        "Fund the association network",
                        "Amt für Integration",
                        "2023",
                        "Annual budget agreed",
                    )
                ],
                [("rheinfeld", 0)],
            ),
        ],
    },
    "valdoria": {
        "slug": "valdoria-local-strategy",
        "title": "Valdoria Local Strategy for Integration",
        "summary": "Written procedures, stable teams and a shared desk with the cooperatives.",
        "vision": "<p>Valdoria keeps what its people know: written procedures, mentoring of new "
        "staff, and a reception desk shared with the cooperatives.</p>",
        "sections": [
            (
                "Knowledge that stays",
                "<p>Each service writes down its procedures for newcomers "
                "and mentors every new colleague for three months.</p>",
                [
                    (
                        "Publish a procedures handbook",
                        "Servizi Sociali",
                        "2023",
                        "Handbook published and updated yearly",
                    )
                ],
                [("valdoria", 1)],
            ),
            (
                "One answer on residence",
                "<p>Staff give the same answer on which permit opens which "
                "service, using one guide agreed with the Prefecture.</p>",
                [
                    (
                        "Agree the residence guide with the Prefecture",
                        "Servizi Sociali",
                        "2023",
                        "Guide agreed",
                    )
                ],
                [("valdoria", 2)],
            ),
            (
                "A shared reception desk",
                "<p>The cooperatives and the city run one orientation "
                "desk, with shared records and training.</p>",
                [
                    (
                        "Open the shared desk",
                        "Comune di Valdoria",
                        "2024",
                        "Desk open six days a week",
                    )
                ],
                [("valdoria", 0)],
            ),
            (
                "Role models in every school",
                "<p>The mentoring programme extends to all secondary schools.</p>",
                [("Recruit twenty mentors", "Ufficio Scuola", "2024", "Mentors active")],
                [("valdoria", 3)],
            ),
        ],
    },
    "puerto-alba": {
        "slug": "puerto-alba-local-strategy",
        "title": "Puerto Alba Local Strategy for Integration",
        "summary": "Reachable housing and health services, and civil society consulted early.",
        "vision": "<p>Puerto Alba opens its housing and health services to every newcomer and asks "
        "civil society before it decides.</p>",
        "sections": [
            (
                "Housing within reach",
                "<p>Housing appointments can be made in person, by phone and "
                "online, in four languages.</p>",
                [
                    (
                        "Open phone and walk-in appointments",
                        "Housing Department",
                        "2023",
                        "Appointments by channel",
                    )
                ],
                [("puerto-alba", 1)],
            ),
            (
                "Staff who recognise trauma",
                "<p>All front-line staff take the trauma-informed service module.</p>",
                [("Train front-line staff", "Human Resources", "2023–2024", "Staff trained")],
                [("puerto-alba", 2)],
            ),
            (
                "Consult before deciding",
                "<p>Every new integration measure goes to a stakeholder "
                "consultation with a closing date and a public report on what changed.</p>",
                [("Adopt the consultation rule", "City Council", "2023", "Consultations held")],
                [("puerto-alba", 3)],
            ),
            (
                "Build on the one-stop shop",
                "<p>The Oficina de Acogida adds health and housing advice.</p>",
                [("Extend the office", "Oficina de Acogida", "2024", "Services offered")],
                [("puerto-alba", 0)],
            ),
        ],
    },
}

MANIFESTO = {
    "slug": "manifesto",
    "title": "The ECCIPA Manifesto",
    "introduction": "<p>Three cities, three strategies, one conclusion: integration starts at the "
    "counter. This Manifesto collects the Local Strategies of the ECCIPA partners as a practical "
    "guide for European cities that want to upgrade the competences of their staff.</p>",
    "principles": [
        ("Welcome is a professional skill", "<p>It can be trained, measured and improved.</p>"),
        (
            "Language is no one's private problem",
            "<p>The city provides interpreters and plain language; relatives do not translate.</p>",
        ),
        (
            "Ask early, report back",
            "<p>Civil society is consulted before decisions, and told what "
            "happened to each contribution.</p>",
        ),
    ],
    "recommendations": [
        ("Start with a needs review", "<p>Interview your own staff and the people they serve.</p>"),
        (
            "Co-design the training",
            # {toolkit}: the id of the Toolkit page, known once it exists.
            '<p>Use the <a linktype="page" id="{toolkit}">ECCIPA Toolkit</a> and adapt it with '
            "local partners.</p>",
        ),
        ("Make it last", "<p>Write procedures down and fund the partnerships.</p>"),
    ],
    "sign_off": "<p>Signed by the partner leads of Rheinfeld, Valdoria and Puerto Alba for "
    "the ECCIPA partnership.</p>",
}

# The open consultation on Valdoria's strategy (section numbers count from 0).
VALDORIA_COMMENTS = [
    {
        "by": "stakeholder-association",
        "section": 0,
        "quote": "mentors every new colleague for three months",
        "text": "Please let migrant associations help write the procedures: we see where "
        "newcomers get lost, and new colleagues could spend a day with us.",
        "show_name": True,
        "replies": [
            ("editor-it", "Thank you: we will add a day with an association to the mentoring."),
            ("stakeholder-association", "Wonderful. Our Tuesday drop-in would suit."),
        ],
        "agreed_by": ["stakeholder-ngo-it", "stakeholder-school-it"],
        "decision": (
            Decision.ADOPTED,
            "A day with a migrant association is now part of the mentoring of new staff.",
        ),
    },
    {
        "by": "stakeholder-ngo-it",
        "section": 1,
        "text": "The residence guide should exist in Arabic, Tigrinya and Ukrainian, not only "
        "in Italian.",
        "agreed_by": ["stakeholder-association"],
        "decision": (Decision.NOTED, "Translations depend on the regional budget for 2024."),
    },
    {
        "by": "stakeholder-school-it",
        "section": 3,
        "text": "Schools need the mentors before September, when most new pupils arrive.",
    },
    {
        "by": "stakeholder-ngo-it",
        "section": 2,
        "text": "The desk in Via Roma is badly run; ask Mr R. why nothing works there.",
        "flag": ("stakeholder-association", "It names a person; please check."),
    },
]
