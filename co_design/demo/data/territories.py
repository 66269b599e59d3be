"""The partner territories and people of the demo site.

The partnership is real (partners in Germany, Italy and Spain); the territory and organisation
names below are fictional, made up for the demo.
"""

from co_design.choices import Country, Language, OrganisationType

TERRITORIES = [
    {
        "slug": "rheinfeld",
        "name": "Rheinfeld",
        "country": Country.GERMANY,
        "default_language": Language.GERMAN,
        "description": "A fictional mid-sized German city, standing in for the German partner.",
        "partners": [
            ("Stadt Rheinfeld, Amt für Integration", "https://example.org/rheinfeld"),
            ("Volkshochschule Rheinfeld", "https://example.org/vhs-rheinfeld"),
        ],
    },
    {
        "slug": "valdoria",
        "name": "Valdoria",
        "country": Country.ITALY,
        "default_language": Language.ITALIAN,
        "description": "A fictional Italian municipality, standing in for the Italian partner.",
        "partners": [
            ("Comune di Valdoria, Servizi Sociali", "https://example.org/valdoria"),
            ("Cooperativa Ponti", "https://example.org/ponti"),
        ],
    },
    {
        "slug": "puerto-alba",
        "name": "Puerto Alba",
        "country": Country.SPAIN,
        "default_language": Language.SPANISH,
        "description": "A fictional Spanish coastal city, standing in for the Spanish partner.",
        "partners": [("Ayuntamiento de Puerto Alba", "https://example.org/puerto-alba")],
    },
]

COMPETENCES = [
    ("Intercultural communication", "Understanding and bridging cultural differences in service."),
    (
        "Anti-discrimination law",
        "The EU and national rules on equal treatment, applied at the counter.",
    ),
    (
        "Residence and asylum procedures",
        "What the main permits mean for the services a city offers.",
    ),
    ("Plain-language communication", "Letters, forms and conversations people can understand."),
    ("Working with interpreters", "Booking, briefing and working with community interpreters."),
    ("Trauma-informed practice", "Recognising stress and trauma and responding without harm."),
    ("Partnership with civil society", "Working with NGOs and migrant associations as equals."),
]

# (username, first name, last name, role, territory slug, organisation, organisation type, language)
PEOPLE = [
    ("admin", "Ada", "Admin", "admin", None, "ECCIPA coordination", "", Language.ENGLISH),
    ("editor-de", "Emma", "Becker", "editor", "rheinfeld", "Stadt Rheinfeld", "", Language.GERMAN),
    (
        "editor-it",
        "Elena",
        "Russo",
        "editor",
        "valdoria",
        "Comune di Valdoria",
        "",
        Language.ITALIAN,
    ),
    (
        "editor-es",
        "Eva",
        "García",
        "editor",
        "puerto-alba",
        "Ayuntamiento de Puerto Alba",
        "",
        Language.SPANISH,
    ),
    ("moderator", "Max", "Moreau", "moderator", None, "ECCIPA coordination", "", Language.ENGLISH),
    (
        "lead-de",
        "Lukas",
        "Schmidt",
        "partner_lead",
        "rheinfeld",
        "Stadt Rheinfeld",
        "",
        Language.GERMAN,
    ),
    (
        "lead-it",
        "Lucia",
        "Bianchi",
        "partner_lead",
        "valdoria",
        "Comune di Valdoria",
        "",
        Language.ITALIAN,
    ),
    (
        "lead-es",
        "Luis",
        "Martín",
        "partner_lead",
        "puerto-alba",
        "Ayuntamiento de Puerto Alba",
        "",
        Language.SPANISH,
    ),
    (
        "stakeholder-ngo",
        "Nora",
        "Weiss",
        "stakeholder",
        "rheinfeld",
        "Refugee Law Clinic Rheinfeld",
        OrganisationType.NGO,
        Language.GERMAN,
    ),
    (
        "stakeholder-association",
        "Amina",
        "Diallo",
        "stakeholder",
        "valdoria",
        "Associazione Donne Migranti Valdoria",
        OrganisationType.MIGRANT_ASSOCIATION,
        Language.ITALIAN,
    ),
    (
        "stakeholder-ngo-it",
        "Giulia",
        "Conti",
        "stakeholder",
        "valdoria",
        "Cooperativa Ponti Onlus",
        OrganisationType.NGO,
        Language.ITALIAN,
    ),
    (
        "stakeholder-school-it",
        "Marco",
        "Greco",
        "stakeholder",
        "valdoria",
        "Valdoria Ufficio Scuola",
        OrganisationType.CITY_DEPARTMENT,
        Language.ITALIAN,
    ),
    (
        "stakeholder-city",
        "Carlos",
        "Ruiz",
        "stakeholder",
        "puerto-alba",
        "Puerto Alba Housing Department",
        OrganisationType.CITY_DEPARTMENT,
        Language.SPANISH,
    ),
    (
        "stakeholder-rolemodel",
        "Rania",
        "Haddad",
        "stakeholder",
        "rheinfeld",
        "Independent (mentor and role model)",
        OrganisationType.ROLE_MODEL,
        Language.ENGLISH,
    ),
]
