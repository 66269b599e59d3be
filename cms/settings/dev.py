"""Local development: debug on, e-mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# GraphiQL (DEBUG only) needs introspection.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
