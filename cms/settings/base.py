"""Settings shared by every environment; deployment values come from the environment (README)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name, str(default)))


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "home",
    "co_design",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # Editors translate a page segment by segment ("Translate this page" in its menu), download
    # and upload a PO file per translation, and sync translations when the source changes; the
    # translation keeps the source's structure and block ids and goes through the workflow of
    # its subtree in that language. wagtail_localize.locales is the admin's Locales screen.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "graphene_django",
    "corsheaders",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so that CORS headers are also set on its redirects.
    "corsheaders.middleware.CorsMiddleware",
    "cms.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in refused by django-axes into the "please wait" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "co_design.public.navigation.site_navigation",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://user@host:5432/name) switches the
# database, PostgreSQL through psycopg 3.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads or processes write at once (gunicorn with threads): each transaction takes
    # the write lock when it begins (IMMEDIATE) and waits up to 20 s for it, instead of failing
    # with "database is locked" when a reader turns writer; WAL lets readers go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL switches the cache to Redis, shared by every app process; otherwise each process
# keeps its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "eccipa"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The rendered comments of the consultation room (co_design/consultation/comment_fragments.py),
# under keys made of their content: Redis when there is one, else each process's memory (never
# the database cache, which would cost the room a query per comment).
FRAGMENT_CACHE_ENTRIES = int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "20000"))
CACHES["fragments"] = (
    {**CACHES["default"], "KEY_PREFIX": f"{CACHES['default']['KEY_PREFIX']}-fragments"}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": FRAGMENT_CACHE_ENTRIES},
    }
)

# Background work (e-mail, webhooks, search indexing) goes through django-tasks. "immediate" runs a
# task inline; "database" queues it in the database for `manage.py db_worker` to run.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASK_BACKEND", "immediate")]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Stakeholders sign in on the public site (the Wagtail admin keeps its own sign-in page), with
# their username or e-mail address.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my_consultations"
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out name and address before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "co_design.accounts.sign_in.EmailOrUsernameBackend",
]
# Sign-in throttling (django-axes, on the site's and the admin's sign-in): after FAILURE_LIMIT
# failed attempts with one name from one network address, that pair is refused for
# COOLOFF_MINUTES, the right password included. Counted in the cache, which every app process
# shares in production (Redis, or the database cache). Password reset e-mails (site and admin) are
# limited per e-mail address and per network address, per hour. TRUSTED_PROXY_COUNT: reverse
# proxies in front of the app that append the client's address to X-Forwarded-For (0: the app is
# reached directly, REMOTE_ADDR is the client).
ECCIPA_SIGN_IN = {
    "FAILURE_LIMIT": env_int("SIGN_IN_FAILURE_LIMIT", 5),
    "COOLOFF_MINUTES": env_int("SIGN_IN_COOLOFF_MINUTES", 15),
    "PASSWORD_RESET_EMAILS_PER_ADDRESS": env_int("PASSWORD_RESET_EMAILS_PER_ADDRESS", 3),
    "PASSWORD_RESET_EMAILS_PER_IP": env_int("PASSWORD_RESET_EMAILS_PER_IP", 10),
    "TRUSTED_PROXY_COUNT": env_int("TRUSTED_PROXY_COUNT", 0),
}
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
AXES_FAILURE_LIMIT = ECCIPA_SIGN_IN["FAILURE_LIMIT"]
AXES_COOLOFF_TIME = timedelta(minutes=ECCIPA_SIGN_IN["COOLOFF_MINUTES"])
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "co_design.accounts.sign_in.sign_in_name"
AXES_CLIENT_IP_CALLABLE = "co_design.accounts.sign_in.client_ip"
AXES_LOCKOUT_CALLABLE = "co_design.accounts.sign_in.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
# Stakeholder invitations: days an invitation link signs a stakeholder in before it expires.
ECCIPA_INVITATIONS = {"VALID_DAYS": env_int("STAKEHOLDER_INVITATION_DAYS", 14)}

# Interface languages: English is the shared language of the partnership.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates written as each language writes them in a sentence (cms/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
# Content is translated page by page (a Locale row per language, created by a migration).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ECCIPA co-design <noreply@localhost>")

# Complex page models exceed Django's default of 1000 form fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "ECCIPA co-design"
# No request to Gravatar from the admin: an editor's address hash is not sent to a third party
# (a public body's privacy notice would have to declare it), and the admin works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Invited editors and partner leads have no password yet: the admin's reset sets their first one.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "co_design.accounts.sign_in.AdminPasswordResetForm"


def base_url_from(environ):
    """The site's public address: BASE_URL when set, else the address the development server
    listens on (HOST and PORT, as `make run HOST=… PORT=…` passes them), so every printed link,
    e-mail link and API `url` points at the server that is actually running."""
    if environ.get("BASE_URL", "").strip():
        return environ["BASE_URL"].strip().rstrip("/")
    host = environ.get("HOST", "").strip() or "127.0.0.1"
    if host in {"0.0.0.0", "::", "[::]"}:  # listening on every interface: reach it on loopback
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    port = environ.get("PORT", "").strip() or "8000"
    return f"http://{host}:{port}"


def machine_translator_from(environ):
    """wagtail-localize's machine translator, as ECCIPA_MACHINE_TRANSLATOR names it: `deepl`
    (DEEPL_API_KEY; the formal register, as the site addresses people with Sie, Lei, usted) or
    `libretranslate` (LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY); unset: none, and the
    translation editor offers no machine translation. Off by default: a page's text goes to a
    third party only where the partnership chose one."""
    name = environ.get("ECCIPA_MACHINE_TRANSLATOR", "").strip().lower()
    if not name:
        return None
    if name == "deepl":
        if not environ.get("DEEPL_API_KEY", "").strip():
            raise ImproperlyConfigured("ECCIPA_MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY.")
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_API_KEY"].strip(), "FORMALITY": "prefer_more"},
        }
    if name == "libretranslate":
        if not environ.get("LIBRETRANSLATE_URL", "").strip():
            raise ImproperlyConfigured(
                "ECCIPA_MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL."
            )
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].strip().rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    raise ImproperlyConfigured(
        f"ECCIPA_MACHINE_TRANSLATOR={name!r}: use deepl or libretranslate, or leave it unset."
    )


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from(os.environ)

WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend: PostgreSQL full-text search, stemmed in each page's language, when
# DATABASE_URL points at PostgreSQL (co_design/public/search_backend.py); SQLite's otherwise.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "co_design.public.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

GRAPHENE = {"SCHEMA": "cms.schema.schema"}

# Review workflow: every approval covers one revision; an edit during review starts it again,
# and finishing publishes exactly the reviewed revision.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "co_design.review.finish.publish_reviewed_revision"

# Every e-mail goes through the task queue; the worker (or the inline backend) delivers it.
EMAIL_BACKEND = "co_design.notifications.mail.TaskQueueEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Consultation room limits: longest comment or reply, and posts per person per window (seconds).
ECCIPA_CONSULTATION = {
    "MAX_TEXT": env_int("CONSULTATION_MAX_TEXT", 5000),
    "POSTS_PER_WINDOW": env_int("CONSULTATION_POSTS_PER_WINDOW", 20),
    "RATE_WINDOW": env_int("CONSULTATION_RATE_WINDOW", 600),
}

# The public GraphQL API (README, "GraphQL API"). Each limit rejects a request with its error code.
# MAX_COST: every field counts 1 × the sizes of the lists above it (`first`, or the default page,
# for connections; COST_LIST_SIZE for other lists); every published query (graphql/queries/) fits
# at the largest page size. MAX_SELECTION_WIDTH: fields one selection set gathers (with its
# fragments); merging them costs quadratic time. MAX_ERRORS: validation errors reported at most
# (graphql-core then adds "Too many validation errors"). TIME_BUDGET_MS: wall-clock budget of one
# answer (validation and execution; on PostgreSQL also the statement_timeout of its SQL), beyond
# it 503 with the code TIMEOUT. INTROSPECTION: on in development, off in production (clients use
# graphql/schema.graphql). LOCALE_FALLBACKS: where a page is missing in the requested locale, the
# API serves the next locale of its chain. CACHE_MAX_AGE: seconds a shared cache or browser may
# keep a persisted-query answer (the ETag revalidates it); CACHE_TIMEOUT: how long the server
# keeps an answer (publishing purges it sooner).
ECCIPA_GRAPHQL = {
    "MAX_DEPTH": env_int("GRAPHQL_MAX_DEPTH", 8),
    "MAX_ALIASES": env_int("GRAPHQL_MAX_ALIASES", 15),
    "MAX_DIRECTIVES": env_int("GRAPHQL_MAX_DIRECTIVES", 50),
    "MAX_QUERY_BYTES": env_int("GRAPHQL_MAX_QUERY_BYTES", 10_000),
    "MAX_TOKENS": env_int("GRAPHQL_MAX_TOKENS", 2_000),
    "MAX_PAGE_SIZE": env_int("GRAPHQL_MAX_PAGE_SIZE", 100),
    "DEFAULT_PAGE_SIZE": env_int("GRAPHQL_DEFAULT_PAGE_SIZE", 20),
    "MAX_COST": env_int("GRAPHQL_MAX_COST", 20_000),
    "COST_LIST_SIZE": env_int("GRAPHQL_COST_LIST_SIZE", 10),
    "MAX_SELECTION_WIDTH": env_int("GRAPHQL_MAX_SELECTION_WIDTH", 100),
    "MAX_ERRORS": env_int("GRAPHQL_MAX_ERRORS", 10),
    "TIME_BUDGET_MS": env_int("GRAPHQL_TIME_BUDGET_MS", 2000),
    "INTROSPECTION": env_bool("GRAPHQL_INTROSPECTION", False),
    "LOCALE_FALLBACKS": {
        "en": ["en"],
        "de": ["de", "en"],
        "it": ["it", "en"],
        "es": ["es", "en"],
    },
    # Seconds a browser or shared cache may keep a persisted-query answer (the ETag revalidates
    # it); SHARED_CACHE_MAX_AGE for shared caches only (Cache-Control s-maxage: a proxy or CDN).
    "CACHE_MAX_AGE": env_int("GRAPHQL_CACHE_MAX_AGE", 60),
    "SHARED_CACHE_MAX_AGE": env_int(
        "GRAPHQL_SHARED_CACHE_MAX_AGE", env_int("GRAPHQL_CACHE_MAX_AGE", 60)
    ),
    # How long the server keeps an answer; publishing purges it sooner.
    "CACHE_TIMEOUT": env_int("GRAPHQL_CACHE_TIMEOUT", 60 * 60 * 24),
    # Bytes of answers each app process also keeps in its own memory
    # (co_design/graphql_api/local_answers.py); 0 keeps none.
    "LOCAL_CACHE_BYTES": env_int("GRAPHQL_LOCAL_CACHE_BYTES", 32 * 2**20),
}

# Cross-site readers of the API: only these origins may read its answers in a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/graphql/$"
CORS_ALLOW_METHODS = ["GET", "OPTIONS", "POST"]
CORS_ALLOW_HEADERS = ["accept", "content-type", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag"]
CORS_PREFLIGHT_MAX_AGE = 86_400

# Publish webhooks: a receiver gets TIMEOUT_SECONDS to answer, and MAX_ATTEMPTS in all, retried
# after RETRY_BASE_SECONDS × 4^(attempt − 1). Webhooks go to public internet addresses over HTTPS
# only. For a receiver on this machine during development, ALLOW_HTTP allows http:// and
# ALLOW_PRIVATE_ADDRESSES allows loopback, private and other non-public addresses. Production
# ignores both.
ECCIPA_WEBHOOKS = {
    "TIMEOUT_SECONDS": env_int("WEBHOOK_TIMEOUT_SECONDS", 5),
    "MAX_ATTEMPTS": env_int("WEBHOOK_MAX_ATTEMPTS", 5),
    "RETRY_BASE_SECONDS": env_int("WEBHOOK_RETRY_BASE_SECONDS", 30),
    "ALLOW_HTTP": env_bool("WEBHOOK_ALLOW_HTTP", False),
    "ALLOW_PRIVATE_ADDRESSES": env_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False),
}

# The Toolkit's replication package (co_design/replication/) carries this licence in its manifest.
ECCIPA_TOOLKIT_PACKAGE = {
    "LICENCE": os.environ.get("TOOLKIT_PACKAGE_LICENCE", "CC-BY-SA-4.0"),
    "LICENCE_URL": os.environ.get(
        "TOOLKIT_PACKAGE_LICENCE_URL", "https://creativecommons.org/licenses/by-sa/4.0/"
    ),
}
