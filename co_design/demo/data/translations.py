"""Demo translations: the home page, the Toolkit index, one local strategy and the Manifesto in
German, Italian and Spanish, each with its own title and introduction and a note that it is a
demo translation (co_design/demo/languages.py builds them)."""

DEMO_NOTE = {
    "de": "Demo-Übersetzung.",
    "it": "Traduzione dimostrativa.",
    "es": "Traducción de demostración.",
}

HOME = {
    "de": (
        "ECCIPA: interkulturelle Kompetenzen in der öffentlichen Verwaltung",
        "Städte in Deutschland, Italien und Spanien entwickeln gemeinsam Schulungen für "
        "Mitarbeitende, die Migrantinnen und Migranten empfangen, und lokale "
        "Integrationsstrategien. Das Netzwerk begann als Erasmus+-Projekt (Dezember 2020 – "
        "Mai 2023); diese Plattform führt seine Arbeit fort: Jeder Entwurf steht den Akteuren "
        "seines Gebiets offen, bevor er veröffentlicht wird.",
    ),
    "it": (
        "ECCIPA: competenze interculturali nella pubblica amministrazione",
        "Città di Germania, Italia e Spagna co-progettano la formazione per il personale che "
        "accoglie le persone migranti e strategie locali di integrazione. La rete è nata come "
        "progetto Erasmus+ (dicembre 2020 – maggio 2023); questa piattaforma ne porta avanti il "
        "lavoro: ogni bozza è aperta agli attori del suo territorio prima di essere pubblicata.",
    ),
    "es": (
        "ECCIPA: competencias interculturales en la administración pública",
        "Ciudades de Alemania, Italia y España codiseñan la formación del personal que atiende "
        "a personas migrantes y estrategias locales de integración. La red nació como proyecto "
        "Erasmus+ (diciembre de 2020 – mayo de 2023); esta plataforma continúa su trabajo: cada "
        "borrador está abierto a las partes interesadas de su territorio antes de publicarse.",
    ),
}

TOOLKIT = {
    "de": (
        "Toolkit des Schulungsprogramms",
        "Schulungsmodule für städtische Mitarbeitende, die Migrantinnen und Migranten empfangen "
        "und unterstützen, zur Übernahme durch andere europäische Städte.",
    ),
    "it": (
        "Toolkit del programma formativo",
        "Moduli formativi per il personale comunale che accoglie e sostiene le persone migranti, "
        "pronti per essere adottati da altre città europee.",
    ),
    "es": (
        "Toolkit del programa formativo",
        "Módulos formativos para el personal municipal que acoge y acompaña a personas migrantes, "
        "listos para que otras ciudades europeas los adopten.",
    ),
}

STRATEGY_INDEX = {
    "de": ("Lokale Strategien", "Die lokalen Integrationsstrategien der drei Partnergebiete."),
    "it": ("Strategie locali", "Le strategie locali di integrazione dei tre territori partner."),
    "es": (
        "Estrategias locales",
        "Las estrategias locales de integración de los tres territorios socios.",
    ),
}

STRATEGY = {
    "de": (
        "Lokale Integrationsstrategie",
        "Eine Stadt, die neu Angekommene vom ersten Behördengang an willkommen heißt.",
        "Jede Person findet in der Verwaltung Ansprechpartner, die sie verstehen und die "
        "Wege kennen.",
    ),
    "it": (
        "Strategia locale di integrazione",
        "Una città che accoglie chi arriva fin dal primo sportello.",
        "Ogni persona trova nell'amministrazione interlocutori che la capiscono e conoscono "
        "i percorsi.",
    ),
    "es": (
        "Estrategia local de integración",
        "Una ciudad que acoge a quien llega desde la primera ventanilla.",
        "Cada persona encuentra en la administración interlocutores que la entienden y "
        "conocen los trámites.",
    ),
}

MANIFESTO = {
    "de": (
        "Das ECCIPA-Manifest",
        "Ein praktischer Leitfaden für europäische Städte: was drei Partnergebiete bei der "
        "Integration von Drittstaatsangehörigen gelernt haben.",
    ),
    "it": (
        "Il Manifesto ECCIPA",
        "Una guida pratica per le città europee: ciò che tre territori partner hanno imparato "
        "sull'integrazione dei cittadini di paesi terzi.",
    ),
    "es": (
        "El Manifiesto ECCIPA",
        "Una guía práctica para ciudades europeas: lo que tres territorios socios han aprendido "
        "sobre la integración de nacionales de terceros países.",
    ),
}
