"""The Wagtail admin opens the editor of every ECCIPA page type and lists the network snippets."""

import pytest

from co_design.models import (
    ManifestoPage,
    NeedsReviewPage,
    RoundTablePage,
    StrategyDraftPage,
    TrainingModulePage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [NeedsReviewPage, RoundTablePage, TrainingModulePage, StrategyDraftPage, ManifestoPage],
    ids=lambda model: model.__name__,
)
def test_editor_opens_for_every_page_type(admin_client, model):
    page = model.objects.first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_strategy_editor_offers_the_published_needs_findings(admin_client):
    page = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="puerto-alba-local-strategy"
    )
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Puerto Alba · Weakness: Housing services are hard to reach" in html


@pytest.mark.parametrize(
    "snippet, shown",
    [
        ("territory", ["Rheinfeld", "Valdoria", "Puerto Alba"]),
        ("competence", ["Intercultural communication"]),
        ("profile", ["stakeholder-ngo", "editor-it"]),
    ],
)
def test_network_snippets_are_listed(admin_client, snippet, shown):
    response = admin_client.get(f"/admin/snippets/co_design/{snippet}/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in shown:
        assert name in html
