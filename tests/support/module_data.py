"""Data built once for a whole test module, as the demo_site fixture builds the demo: inside a
transaction rolled back after the module's last test, so no other module sees it. Each test still
runs in its own savepoint: what a test changes is undone before the next."""

import pytest
from django.db import transaction


def built_once(build):
    """A module-scoped fixture giving what `build()` returns; name it in the module:
    `site = built_once(translated_activities)`."""

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return fixture
