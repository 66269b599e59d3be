"""Site search finds published, public content only."""

import pytest
from wagtail.models import PageViewRestriction

from co_design.models import StrategyDraftPage, TrainingModulePage

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_search_finds_published_pages_by_their_text(client):
    assert "Working with interpreters" in result_titles(client, "interpreters")
    html = client.get("/en/search/", {"q": "interpreters"}).content.decode()
    assert 'href="/en/toolkit/working-with-interpreters/"' in html


def test_search_never_shows_unpublished_or_private_pages_or_draft_text(client):
    module = TrainingModulePage.objects.get(slug="trauma-informed-public-service")
    module.unpublish()
    assert module.title not in result_titles(client, "trauma")

    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    )
    PageViewRestriction.objects.create(
        page=strategy, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert strategy.title not in result_titles(client, "Valdoria")

    draft = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    draft.summary = "Zeppelinwerft confidential draft wording"
    draft.save_revision()
    assert result_titles(client, "Zeppelinwerft") == []


def test_an_empty_search_shows_the_form_and_no_results(client):
    response = client.get("/en/search/", {"q": "   "})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="search-q">' in html
    assert "results for" not in html


def test_results_are_paginated(client):
    response = client.get("/en/search/", {"q": "strategy", "page": "999"})
    results = response.context["results"]
    assert response.status_code == 200
    assert results.number == results.paginator.num_pages
