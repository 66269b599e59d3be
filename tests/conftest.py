import os
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from co_design.demo.people import DEVELOPMENT_PASSWORD

from .support.module_data import rolled_back_after_the_module


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .mo files are build output: compile the committed .po files once per run."""
    call_command("compile_translations", verbosity=0)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, for the modules that test the demo itself or read it whole (the demo, the
    GraphQL contract and query counts, the accessibility walk): built once per module and rolled
    back after its last test, so other modules never see it. Every other test builds what it
    needs with tests/support/. DEBUG is off in tests: --force, with the development password, as
    on a staging site."""
    with (
        rolled_back_after_the_module(django_db_blocker),
        mock.patch.dict(os.environ, DEMO_PASSWORD=DEVELOPMENT_PASSWORD),
    ):
        call_command("seed_demo", "--force", verbosity=0)
        yield


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request in another language leaves it
    active in the thread (LocaleMiddleware activates, nothing deactivates), whatever test ran
    before."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Counters and cached answers from one test must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(client, django_user_model):
    """Logged in as "admin": the demo's administrator where a module uses the demo, else a
    superuser of that name built for the test."""
    admin, _ = django_user_model.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
    )
    client.force_login(admin)
    return client


@pytest.fixture(autouse=True)
def fresh_graphql_answers():
    """Each test rolls its database back, which sends no publish signal: retire the GraphQL
    answers cached by earlier tests, as a publish would."""
    from co_design.graphql_api import response_cache

    response_cache.purge()
