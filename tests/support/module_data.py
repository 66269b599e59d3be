"""Data built once for a whole test module, as the demo_site fixture builds the demo: inside a
transaction rolled back after the module's last test, so no other module sees it. Each test still
runs in its own savepoint: what a test changes is undone before the next."""

from contextlib import contextmanager

import pytest
from django.db import transaction


@contextmanager
def rolled_back_after_the_module(django_db_blocker):
    """For a module-scoped fixture: what it builds inside stays for the module's tests and is
    rolled back after the last one."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def built_once(build, **options):
    """A module-scoped fixture giving what `build(**options)` returns; name it in the module:
    `site = built_once(translated_activities)`."""

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with rolled_back_after_the_module(django_db_blocker):
            yield build(**options)

    return fixture
