import pytest

from ..support.consultation_room import consultation_room
from ..support.module_data import built_once

# The consultation room of tests/support/consultation_room.py, built once per module; a module
# that needs more (its translations, other pages) names its own shared_room.
shared_room = built_once(consultation_room)


@pytest.fixture
def room(shared_room, db):
    return shared_room.fresh()
