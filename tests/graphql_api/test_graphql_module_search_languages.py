"""trainingModules(locale: …, filter: {search: …}) looks for the words as the requested locale's
words: on PostgreSQL stemmed with that language's text search configuration, whatever language
the request itself is in (a consumer site asks in English for its German pages)."""

import pytest
from django.db import connection
from wagtail.models import Locale

from ..support.factories import (
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    publish,
    site_home,
)
from ..support.graphql_support import post

pytestmark = pytest.mark.django_db

SEARCH = """
query ($locale: String!, $words: String!) {
  trainingModules(locale: $locale, filter: {search: $words}) {
    edges { node { title locale } }
  }
}
"""


@pytest.fixture
def german_module():
    """A published module whose German translation speaks of Sprachmittlung."""
    home = site_home()
    toolkit = publish(TrainingProgrammePageFactory(parent=home))
    module = publish(
        TrainingModulePageFactory(
            parent=toolkit, title="Working with interpreters", summary="Interpreting at the desk."
        )
    )
    locale = Locale.objects.get(language_code="de")
    for page in (home, toolkit):
        page.copy_for_translation(locale).save_revision().publish()
    german = module.copy_for_translation(locale)
    german.title = "Arbeit mit Dolmetschern"
    german.summary = "Sprachmittlung am Schalter."
    german.save_revision().publish()
    return german


def found(client, locale, words):
    response = post(client, SEARCH, {"locale": locale, "words": words}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["trainingModules"]["edges"]]


def test_the_german_words_of_a_module_find_its_german_translation(client, german_module):
    assert found(client, "de", "Sprachmittlung") == [
        {"title": "Arbeit mit Dolmetschern", "locale": "de"}
    ]
    assert found(client, "de", "Steuerberatung") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming per language uses PostgreSQL's text search configurations",
)
def test_an_inflected_german_word_is_stemmed_as_german_in_an_english_request(client, german_module):
    # German stems "Sprachmittlungen" to the stem of "Sprachmittlung"; English leaves it whole.
    assert found(client, "de", "Sprachmittlungen") == [
        {"title": "Arbeit mit Dolmetschern", "locale": "de"}
    ]
