"""The dashboard never calls the consultation step "Approved" while the page waits for approval."""

import pytest
from bs4 import BeautifulSoup

from .support.review_helpers import client_for

pytestmark = pytest.mark.django_db


def test_a_closed_consultation_is_labelled_closed_in_awaiting_your_review():
    response = client_for("moderator").get("/admin/")
    soup = BeautifulSoup(response.content, "html.parser")
    tooltips = [
        element["data-w-tooltip-content-value"]
        for element in soup.select("td.tasks [data-w-tooltip-content-value]")
    ]
    assert "Stakeholder consultation: Consultation closed" in tooltips
    assert not any(
        tip.startswith("Stakeholder consultation") and tip.endswith("Approved") for tip in tooltips
    )
