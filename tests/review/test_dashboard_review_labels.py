"""The dashboard never calls the consultation step "Approved" while the page waits for approval."""

import pytest
from bs4 import BeautifulSoup

from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import close_consultation

pytestmark = pytest.mark.django_db


def test_a_closed_consultation_is_labelled_closed_in_awaiting_your_review():
    page, editor = open_consultation()
    close_consultation(page, editor.username)
    moderator = person("moderator")
    response = client_for(moderator.username).get("/admin/")
    soup = BeautifulSoup(response.content, "html.parser")
    row = next(row for row in soup.select("tr") if f"/admin/pages/{page.pk}/edit/" in str(row))
    tooltips = [
        element["data-w-tooltip-content-value"]
        for element in row.select("td.tasks [data-w-tooltip-content-value]")
    ]
    assert "Stakeholder consultation: Consultation closed" in tooltips
    assert not any(
        tip.startswith("Stakeholder consultation") and tip.endswith("Approved") for tip in tooltips
    )
