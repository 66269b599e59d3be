"""Every query takes a locale; a page missing in it comes from the next locale of its chain."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page

from co_design.models import (
    ManifestoPage,
    NeedsReviewPage,
    StrategyDraftPage,
    TrainingModulePage,
)

from ..support.graphql_support import data_of
from ..support.partial_translations import partly_translated_demo  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("partly_translated_demo")]


def translate(page, language_code, publish=True, **fields):
    """A translation as editors make one: a copy in the locale's tree, edited, then published."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.get_translation_or_none(locale)  # the demo has translated a few pages already
    if copy is None:
        copy = page.copy_for_translation(locale, True)
    else:
        copy = copy.specific
        if not publish and copy.live:
            copy.unpublish()
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    revision = copy.save_revision()
    if publish:
        revision.publish()
    cache.clear()  # Wagtail caches the site's root paths; the translated home page is new
    return type(page).objects.get(pk=copy.pk)


@pytest.fixture(autouse=True)
def english_only_content():
    """These tests make their own translations: withdraw the demo's (home pages aside)."""
    for page in Page.objects.live().filter(depth__gt=2).exclude(locale__language_code="en"):
        page.unpublish()
    cache.clear()


@pytest.fixture
def german_valdoria():
    return translate(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy"),
        "de",
        title="Lokale Strategie Valdoria",
        summary="Zusammenfassung auf Deutsch.",
    )


def test_the_four_content_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "de", "it", "es"}


def test_a_translated_page_is_served_in_the_requested_locale(german_valdoria):
    query = """query ($locale: String) { strategy(slug: "valdoria-local-strategy",
      locale: $locale) { id title summary locale sections { id } } }"""
    german = data_of(query, locale="de")["strategy"]
    assert german == {
        "id": str(german_valdoria.pk),
        "title": "Lokale Strategie Valdoria",
        "summary": "Zusammenfassung auf Deutsch.",
        "locale": "de",
        "sections": data_of(query, locale="en")["strategy"]["sections"],  # same block ids
    }


def test_a_page_missing_in_the_requested_locale_falls_back_to_english(german_valdoria):
    query = """query ($locale: String) { strategy(slug: "valdoria-local-strategy",
      locale: $locale) { title locale } }"""
    assert data_of(query, locale="it")["strategy"] == {
        "title": "Valdoria Local Strategy for Integration",
        "locale": "en",
    }
    assert data_of(query, locale="en")["strategy"]["locale"] == "en"


def test_lists_mix_translations_and_fallbacks_in_the_editors_order(german_valdoria):
    query = "query ($locale: String) { strategies(locale: $locale) { slug title locale } }"
    english = data_of(query, locale="en")["strategies"]
    german = data_of(query, locale="de")["strategies"]
    assert [s["slug"] for s in german] == [s["slug"] for s in english]
    by_slug = {s["slug"]: (s["title"], s["locale"]) for s in german}
    assert by_slug["valdoria-local-strategy"] == ("Lokale Strategie Valdoria", "de")
    assert by_slug["rheinfeld-local-strategy"][1] == "en"


def test_manifesto_chapters_use_the_translated_strategies(german_valdoria):
    answer = data_of(
        '{ manifesto(locale: "de") { locale chapters { strategy { title locale } } } }'
    )["manifesto"]
    assert answer["locale"] == "en"  # the Manifesto itself is not translated yet
    strategies = [chapter["strategy"] for chapter in answer["chapters"]]
    assert {"title": "Lokale Strategie Valdoria", "locale": "de"} in strategies
    assert sum(1 for s in strategies if s["locale"] == "en") == 2


def test_a_translated_manifesto_is_served_in_its_locale():
    translate(
        ManifestoPage.objects.get(locale__language_code="en"), "es", title="El Manifiesto ECCIPA"
    )
    answer = data_of('{ manifesto(locale: "es") { title locale chapters { number locale } } }')
    assert answer["manifesto"]["title"] == "El Manifiesto ECCIPA"
    assert answer["manifesto"]["locale"] == "es"
    assert answer["manifesto"]["chapters"] == [
        {"number": number, "locale": "es"} for number in (1, 2, 3)
    ]


def test_modules_and_reviews_fall_back_per_page():
    module = TrainingModulePage.objects.get(slug="working-with-interpreters")
    translate(module, "it", title="Lavorare con gli interpreti")
    translate(NeedsReviewPage.objects.get(territory__slug="valdoria"), "it", title="Rapporto")
    modules = data_of(
        '{ trainingModules(locale: "it", first: 100) { totalCount edges { node { slug title '
        "locale needsFindings { theme } } } } }"
    )["trainingModules"]
    assert (
        modules["totalCount"]
        == TrainingModulePage.objects.live().filter(locale__language_code="en").count()
    )
    nodes = {edge["node"]["slug"]: edge["node"] for edge in modules["edges"]}
    assert nodes["working-with-interpreters"]["title"] == "Lavorare con gli interpreti"
    assert nodes["working-with-interpreters"]["locale"] == "it"
    assert nodes["plain-language-letters"]["locale"] == "en"
    reviews = data_of('{ needsReviews(locale: "it") { territory { slug } title locale } }')
    locales = {r["territory"]["slug"]: r["locale"] for r in reviews["needsReviews"]}
    assert locales == {"rheinfeld": "en", "valdoria": "it", "puerto-alba": "en"}


def test_the_fallback_chain_comes_from_settings(settings, german_valdoria):
    settings.ECCIPA_GRAPHQL = {
        **settings.ECCIPA_GRAPHQL,
        "LOCALE_FALLBACKS": {
            **settings.ECCIPA_GRAPHQL["LOCALE_FALLBACKS"],
            "it": ["it", "de", "en"],
        },
    }
    answer = data_of('{ strategy(slug: "valdoria-local-strategy", locale: "it") { locale } }')
    assert answer["strategy"]["locale"] == "de"


def test_an_unpublished_translation_falls_back_and_shows_none_of_its_text():
    translate(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="rheinfeld-local-strategy"),
        "de",
        publish=False,
        title="Entwurf, nicht veröffentlicht",
    )
    answer = data_of('{ strategies(locale: "de") { title locale } }')
    assert all(s["locale"] == "en" for s in answer["strategies"])
    assert "Entwurf" not in str(answer)
