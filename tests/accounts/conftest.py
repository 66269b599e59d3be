import pytest

from ..support.factories import site_home
from ..support.network import member, partner_territories, stakeholders


@pytest.fixture
def people():
    """The people who sign in: a stakeholder of each partner territory, an editor."""
    site_home()
    territories = partner_territories()
    return {
        **stakeholders(territories),
        "editor-de": member("editor", territories["rheinfeld"], "editor-de", language="de"),
    }
