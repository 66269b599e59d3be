"""Search per language: the results of /<language>/search/ are the pages of that language, and the
source-language pages that have no translation in it (marked); on PostgreSQL each language is
stemmed with its own text search configuration."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Locale

from co_design.models import StrategyDraftPage, TrainingModulePage
from co_design.public.languages import address_in

from ..support.partial_translations import partly_translated_demo  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("partly_translated_demo")]

LANGUAGES = ["en", "de", "it", "es"]

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming per language uses PostgreSQL's text search configurations "
    "(german, italian, spanish, english); SQLite's full-text search has none",
)


def results(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response


def result_pages(client, language, query):
    return list(results(client, language, query).context["results"])


def translate_module(language, title, summary):
    """A Toolkit module translated and published in `language`, with its own words."""
    module = TrainingModulePage.objects.get(
        locale__language_code="en", slug="working-with-interpreters"
    )
    translated = module.copy_for_translation(Locale.objects.get(language_code=language))
    translated.title = title
    translated.summary = summary
    translated.save_revision().publish()
    return module, translated


@pytest.mark.parametrize("language", LANGUAGES)
def test_results_are_in_the_language_searched_or_untranslated_sources(client, language):
    pages = result_pages(client, language, "Valdoria")
    assert pages
    locale = Locale.objects.get(language_code=language)
    for page in pages:
        if page.locale_id == locale.pk:
            continue
        # a source page, shown only because it has no translation in this language
        assert page.locale.language_code == "en"
        translated = page.get_translation_or_none(locale)
        assert translated is None or not translated.live, page


@pytest.mark.parametrize("language", ["de", "it", "es"])
def test_a_translated_strategy_is_found_once_in_its_language(client, language):
    translated = StrategyDraftPage.objects.get(
        locale__language_code=language, slug="valdoria-local-strategy"
    )
    pages = result_pages(client, language, "Valdoria")
    keys = [page.translation_key for page in pages]
    assert keys.count(translated.translation_key) == 1
    assert translated.pk in [page.pk for page in pages]


def test_untranslated_results_are_marked_and_addressed_in_the_language_searched(client):
    module = TrainingModulePage.objects.get(
        locale__language_code="en", slug="working-with-interpreters"
    )
    soup = BeautifulSoup(results(client, "it", "interpreters").content, "html.parser")
    items = soup.select("ol.search-results li")
    shown = {item.find("a")["href"]: item for item in items}
    item = shown[address_in(module.url, "it")]
    assert item.find("a")["lang"] == "en"
    assert "Non ancora tradotta: mostrata in inglese" in item.text
    assert module.url not in shown


def test_a_translation_replaces_its_source_in_the_results(client):
    module, translated = translate_module(
        "de", "Mit Dolmetschern arbeiten", "Dolmetscher buchen, briefen und einbinden."
    )
    pages = result_pages(client, "de", "Dolmetscher")
    assert [page.pk for page in pages] == [translated.pk]
    assert module.pk not in [page.pk for page in result_pages(client, "de", "interpreters")]
    assert translated.pk not in [page.pk for page in result_pages(client, "en", "Dolmetscher")]
    assert translated.pk not in [page.pk for page in result_pages(client, "it", "Dolmetscher")]


@on_postgresql
@pytest.mark.parametrize(
    "language,title,summary,query",
    [
        ("de", "Dolmetschen", "Schulung für die Verwaltungen der Gemeinden.", "Gemeinde"),
        ("it", "Interpreti", "Le strategie comunali per l'accoglienza.", "strategia"),
        (
            "es",
            "Intérpretes",
            "Las comunicaciones con los recién llegados.",
            "comunicación",
        ),
    ],
)
def test_postgresql_stems_each_language_with_its_own_configuration(
    client, language, title, summary, query
):
    _module, translated = translate_module(language, title, summary)
    # The word as typed is not in the page: only the language's stemmer joins the two forms.
    assert query.lower() not in summary.lower().split()
    assert translated.pk in [page.pk for page in result_pages(client, language, query)]


@on_postgresql
def test_postgresql_stems_english_with_the_english_configuration(client):
    titles = [page.title for page in result_pages(client, "en", "interpreter")]
    assert "Working with interpreters" in titles
