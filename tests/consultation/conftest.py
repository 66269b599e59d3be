import pytest

from ..support.consultation_room import built_once


@pytest.fixture(scope="module")
def shared_room(django_db_setup, django_db_blocker):
    """The consultation room of tests/support/consultation_room.py, built once per module; a
    module that needs its translations overrides this fixture."""
    yield from built_once(django_db_blocker)


@pytest.fixture
def room(shared_room, db):
    return shared_room.fresh()
