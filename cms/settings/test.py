"""Test runs: fast hashing, e-mail into django.core.mail.outbox, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="eccipa-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:
    # Keep test keys apart from a development server using the same Redis.
    CACHES["default"]["KEY_PREFIX"] = f"eccipa-test-{os.getpid()}"
    CACHES["fragments"]["KEY_PREFIX"] = f"eccipa-test-{os.getpid()}-fragments"

if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process (the development server, a test run) counts sign-in failures in its own memory;
    # django-axes warns because that would not be shared between several app processes.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

if os.environ.get("MACHINE_TRANSLATOR_IN_TESTS") == "dummy":
    # A browser journey clicks a machine translation: wagtail-localize's own test translator
    # (it reverses the words), so that no text leaves the machine.
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }

if os.environ.get("EMAIL_FILE_PATH"):
    # A browser journey reads the e-mails of its live server from files in this folder.
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
