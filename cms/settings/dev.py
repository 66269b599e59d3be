"""Local development: debug on, e-mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import CACHES, env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# GraphiQL (DEBUG only) needs introspection.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)

if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process (the development server, a test run) counts sign-in failures in its own memory;
    # django-axes warns because that would not be shared between several app processes.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]
