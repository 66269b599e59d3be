"""Site search finds published, public content only."""

import pytest
from wagtail.models import PageViewRestriction

from ..support.factories import (
    StrategyDraftPageFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    publish,
    site_home,
)

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_search_finds_published_pages_by_their_text(client):
    toolkit = publish(TrainingProgrammePageFactory(parent=site_home(), slug="toolkit"))
    publish(
        TrainingModulePageFactory(
            parent=toolkit,
            title="Working with Quillanese interpreters",
            slug="working-with-interpreters",
        )
    )
    assert result_titles(client, "Quillanese") == ["Working with Quillanese interpreters"]
    html = client.get("/en/search/", {"q": "Quillanese"}).content.decode()
    assert 'href="/en/toolkit/working-with-interpreters/"' in html


def test_search_never_shows_unpublished_or_private_pages_or_draft_text(client):
    home = site_home()
    module = publish(TrainingModulePageFactory(parent__parent=home, title="Quorvath-informed care"))
    assert result_titles(client, "Quorvath") == ["Quorvath-informed care"]
    module.unpublish()
    assert result_titles(client, "Quorvath") == []

    strategy = publish(StrategyDraftPageFactory(parent__parent=home, title="Lindenau strategy"))
    assert result_titles(client, "Lindenau") == ["Lindenau strategy"]
    PageViewRestriction.objects.create(
        page=strategy, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert result_titles(client, "Lindenau") == []

    draft = publish(StrategyDraftPageFactory(parent__parent=home))
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
    toolkit = publish(TrainingProgrammePageFactory(parent=site_home()))
    for number in range(11):
        publish(TrainingModulePageFactory(parent=toolkit, title=f"Ostrander module {number}"))
    first = client.get("/en/search/", {"q": "Ostrander"}).context["results"]
    assert (first.paginator.count, first.paginator.num_pages, len(first)) == (11, 2, 10)
    response = client.get("/en/search/", {"q": "Ostrander", "page": "999"})
    results = response.context["results"]
    assert response.status_code == 200
    assert results.number == results.paginator.num_pages == 2
    assert len(results) == 1
