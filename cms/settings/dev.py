"""Local development: debug on, e-mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import CACHES, ECCIPA_GRAPHQL, base_url_from, env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The development server's address (`make run HOST=… PORT=…`) unless BASE_URL says otherwise:
# base.base_url_from reads BASE_URL, HOST and PORT.
WAGTAILADMIN_BASE_URL = base_url_from(os.environ)

# The example consumer (graphql/examples/, served by `python3 -m http.server 8080`) reads the API
# out of the box; CORS_ALLOWED_ORIGINS replaces this list.
CORS_ALLOWED_ORIGINS = env_list(
    "CORS_ALLOWED_ORIGINS", "http://127.0.0.1:8080,http://localhost:8080"
)
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# GraphiQL (DEBUG only) needs introspection.
ECCIPA_GRAPHQL = {**ECCIPA_GRAPHQL, "INTROSPECTION": env_bool("GRAPHQL_INTROSPECTION", True)}

if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process (the development server, a test run) counts sign-in failures in its own memory;
    # django-axes warns because that would not be shared between several app processes.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]
