"""Every page type renders from content built for it, and the page tree only takes the ECCIPA
shape."""

import pytest
from wagtail.models import Page

from co_design.models import (
    InformationPage,
    ManifestoPage,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    RoundTableIndexPage,
    RoundTablePage,
    StrategyDraftPage,
    StrategyIndexPage,
    TakePartPage,
    TrainingModulePage,
    TrainingProgrammePage,
)
from home.models import HomePage

from ..support.module_data import built_once
from ..support.page_types import PAGE_TYPES
from ..support.site_tree import every_page_type

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(every_page_type)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_accessible_html(client, model):
    page = model.objects.live().first()
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert '<main id="main"' in html
    assert 'href="#main"' in html  # skip link
    assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in html
    assert "2020-1-DE02-KA202-007701" in html  # funding acknowledgement on every page
    assert "cdn" not in html.lower()


def test_home_page_links_to_the_toolkit_strategies_and_manifesto(client):
    html = client.get("/en/").content.decode()
    assert "The three activities" in html
    for title, page in [
        ("Needs Review", NeedsReviewIndexPage),
        ("Co-design of the Training Programme", TrainingProgrammePage),
        ("Integration Strategies", StrategyIndexPage),
    ]:
        assert f'<a href="{page.objects.get(locale__language_code="en").url}">{title}</a>' in html
    for model in (TrainingProgrammePage, StrategyIndexPage, ManifestoPage):
        assert f'href="{model.objects.live().get(locale__language_code="en").url}"' in html


def test_strategy_page_shows_sections_with_stable_anchors_and_their_findings(client):
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    html = client.get(strategy.url).content.decode()
    for section in strategy.sections:
        assert f'id="section-{section.id}"' in html
        assert section.value["heading"] in html
    assert "Rheinfeld · Weakness: Language barriers at the front desk" in html
    assert "Book interpreters through one city contract" in html


def test_needs_review_page_shows_methodology_findings_and_report(client):
    review = NeedsReviewPage.objects.get(territory__slug="valdoria")
    html = client.get(review.url).content.decode()
    assert "19 interviews and 3 focus groups." in html
    assert "Migrant association" in html
    for finding in review.findings:
        assert f'id="finding-{finding.id}"' in html
    assert review.report.url in html


def test_manifesto_lists_only_live_strategies_as_chapters(client):
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    )
    assert strategy.title in client.get(manifesto.url).content.decode()

    strategy.unpublish()

    html = client.get(manifesto.url).content.decode()
    assert strategy.title not in html
    assert "Rheinfeld Local Strategy" in html


def test_unknown_path_gives_the_site_404_page(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# The tree: which page may live where.

ALLOWED_PARENTS = {
    HomePage: Page,
    NeedsReviewIndexPage: HomePage,
    NeedsReviewPage: NeedsReviewIndexPage,
    RoundTableIndexPage: HomePage,
    RoundTablePage: RoundTableIndexPage,
    TrainingProgrammePage: HomePage,
    TrainingModulePage: TrainingProgrammePage,
    StrategyIndexPage: HomePage,
    StrategyDraftPage: StrategyIndexPage,
    ManifestoPage: HomePage,
    TakePartPage: HomePage,
    InformationPage: HomePage,
}


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_may_only_exist_under_its_parent_type(model):
    assert model.allowed_parent_page_models() == [ALLOWED_PARENTS[model]]


@pytest.mark.parametrize(
    "model, wrong_parent",
    [
        (TrainingModulePage, HomePage),
        (StrategyDraftPage, TrainingProgrammePage),
        (NeedsReviewPage, StrategyIndexPage),
        (RoundTablePage, StrategyIndexPage),
    ],
    ids=lambda value: value.__name__,
)
def test_admin_refuses_to_add_a_page_under_the_wrong_parent(admin_client, model, wrong_parent):
    parent = wrong_parent.objects.first()
    url = f"/admin/pages/add/co_design/{model._meta.model_name}/{parent.pk}/"
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    messages = [str(message) for message in response.context["messages"]]
    assert any("you do not have permission" in message for message in messages)
    right_parent = ALLOWED_PARENTS[model].objects.first()
    right_url = f"/admin/pages/add/co_design/{model._meta.model_name}/{right_parent.pk}/"
    assert admin_client.get(right_url).status_code == 200


def test_a_second_toolkit_cannot_be_created_under_the_home_page():
    home = HomePage.objects.get(locale__language_code="en")
    assert not TrainingProgrammePage.can_create_at(home)
    assert not ManifestoPage.can_create_at(home)
