"""The Wagtail admin opens the editor of every ECCIPA page type and lists the network snippets."""

import pytest

from co_design.models import Profile

from .support.factories import (
    CompetenceFactory,
    ManifestoPageFactory,
    NeedsReviewPageFactory,
    RoundTablePageFactory,
    StrategyDraftPageFactory,
    TerritoryFactory,
    TrainingModulePageFactory,
    UserFactory,
    finding,
    publish,
    superuser,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(superuser())
    return client


@pytest.mark.parametrize(
    "factory",
    [
        NeedsReviewPageFactory,
        RoundTablePageFactory,
        TrainingModulePageFactory,
        StrategyDraftPageFactory,
        ManifestoPageFactory,
    ],
    ids=lambda factory: factory._meta.model.__name__,
)
def test_editor_opens_for_every_page_type(admin_client, factory):
    page = publish(factory())
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_strategy_editor_offers_the_published_needs_findings(admin_client):
    territory = TerritoryFactory(name="Lindenau")
    publish(
        NeedsReviewPageFactory(
            territory=territory, findings=[finding("Housing services are hard to reach")]
        )
    )
    page = StrategyDraftPageFactory(territory=territory)
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Lindenau · Weakness: Housing services are hard to reach" in html


@pytest.mark.parametrize("snippet", ["territory", "competence", "profile"])
def test_network_snippets_are_listed(admin_client, snippet):
    territory = TerritoryFactory(name="Lindenau")
    CompetenceFactory(name="Plain-language letters")
    Profile.objects.create(user=UserFactory(username="nora-lindenau"), territory=territory)
    shown = {
        "territory": "Lindenau",
        "competence": "Plain-language letters",
        "profile": "nora-lindenau (Lindenau)",
    }[snippet]
    response = admin_client.get(f"/admin/snippets/co_design/{snippet}/")
    assert response.status_code == 200
    assert shown in response.content.decode()


@pytest.mark.parametrize(
    ("model", "factory"), [("territory", TerritoryFactory), ("competence", CompetenceFactory)]
)
def test_the_network_snippets_can_be_searched(admin_client, model, factory):
    wanted, other = factory(name="Nordhavn Quayside"), factory(name="Südstadt Mitte")
    response = admin_client.get(f"/admin/snippets/co_design/{model}/", {"q": "Quayside"})
    assert response.status_code == 200
    html = response.content.decode()
    assert wanted.name in html
    assert other.name not in html
