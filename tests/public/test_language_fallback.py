"""Every page in every language: a page not yet translated is shown in its source language at the
address of the visitor's language, marked as such; menus are the same in every language; the
language switcher keeps the path and the query string."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from co_design.models import (
    NeedsReviewIndexPage,
    RoundTableIndexPage,
    TrainingModulePage,
    TrainingProgrammePage,
)
from co_design.public.languages import address_in

from ..support.page_types import PAGE_TYPES
from ..support.partial_translations import partly_translated_demo  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("partly_translated_demo")]

TRANSLATED_LANGUAGES = ["de", "it", "es"]
NOTICES = {
    "de": "Diese Seite ist noch nicht auf Deutsch verfügbar; sie wird auf Englisch angezeigt.",
    "it": "Questa pagina non è ancora disponibile in italiano; è mostrata in inglese.",
    "es": "Esta página aún no está disponible en español; se muestra en inglés.",
}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    nav = soup.find("nav", class_="language-nav")
    return {a["hreflang"]: a["href"] for a in nav.find_all("a")}


def menu(soup):
    nav = soup.find("nav", class_="main-nav")
    return [a["href"] for a in nav.find_all("a")]


def live_translation(page, language):
    translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
    return translated if translated is not None and translated.live else None


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_answers_in_every_language_translated_or_marked(client, model, language):
    source = model.objects.live().filter(locale__language_code="en").first()
    assert source is not None, model
    translated = live_translation(source, language)
    url = translated.url if translated else address_in(source.url, language)
    assert url.startswith(f"/{language}/")

    response = client.get(url)

    assert response.status_code == 200, url
    soup = soup_of(response)
    assert soup.html["lang"] == language
    main = soup.find("main")
    notice = main.find(class_="language-notice")
    if translated:
        assert main.get("lang") is None
        assert notice is None
        assert soup.find("h1").text.strip() == translated.title
    else:
        assert main["lang"] == "en"  # the content, in the language it is written in
        assert notice["lang"] == language  # the notice, in the visitor's language
        assert NOTICES[language] in notice.text
        link = notice.find("a")
        assert link["href"] == source.url
        assert link["hreflang"] == "en"
        assert soup.find("h1").text.strip() == source.title


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_menu_is_the_same_in_every_language(client, language):
    english = menu(soup_of(client.get("/en/")))
    translated = menu(soup_of(client.get(f"/{language}/")))
    assert len(translated) == len(english)
    assert all(href.startswith(f"/{language}/") for href in translated)
    for path in ("needs-review/", "round-tables/"):
        assert f"/{language}/{path}" in translated
        assert client.get(f"/{language}/{path}").status_code == 200


def test_the_german_toolkit_lists_every_module_at_its_german_address_marked(client):
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="de")
    modules = TrainingModulePage.objects.live().filter(locale__language_code="en")
    soup = soup_of(client.get(toolkit.url))
    cards = soup.find("main").select("li.card")
    assert len(cards) == modules.count() > 0
    for module, card in zip(modules.order_by("path"), cards, strict=True):
        link = card.find("a")
        assert link["href"] == f"/de/toolkit/{module.slug}/"
        assert link["lang"] == "en"
        assert "Noch nicht übersetzt: auf Englisch angezeigt" in card.text
        assert client.get(link["href"]).status_code == 200


def test_a_translated_child_is_listed_in_its_own_language_unmarked(client):
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="en")
    module = TrainingModulePage.objects.child_of(toolkit).live().first()
    german = Locale.objects.get(language_code="de")
    translated = module.copy_for_translation(german)
    translated.title = "Interkulturelle Kommunikation"
    translated.save_revision().publish()

    soup = soup_of(client.get("/de/toolkit/"))
    links = {a["href"]: a for a in soup.find("main").select("li.card a")}
    assert links[translated.url].text == "Interkulturelle Kommunikation"
    assert links[translated.url].get("lang") is None
    assert f"/de/toolkit/{module.slug}/" == translated.url  # the same slug, the translation
    page = soup_of(client.get(translated.url))
    assert page.find("main").find(class_="language-notice") is None


def test_the_german_home_links_its_activity_cards_in_german(client):
    soup = soup_of(client.get("/de/"))
    activities = soup.find("ol", class_="activities").find_all("a")
    assert activities
    for link in activities:
        assert link["href"].startswith("/de/"), link
        assert client.get(link["href"]).status_code == 200


def test_index_pages_under_an_untranslated_section_show_the_source_children(client):
    index = NeedsReviewIndexPage.objects.get(locale__language_code="en")
    assert live_translation(index, "it") is None
    soup = soup_of(client.get("/it/needs-review/"))
    links = [a["href"] for a in soup.find("main").select("li.card h2 a")]
    assert links and all(href.startswith("/it/needs-review/") for href in links)
    for href in links:
        assert client.get(href).status_code == 200
    tables = RoundTableIndexPage.objects.get(locale__language_code="en")
    assert client.get(address_in(tables.url, "es")).status_code == 200


def test_a_page_that_does_not_exist_in_english_either_is_still_a_404(client):
    assert client.get("/de/toolkit/no-such-module/").status_code == 404
    assert client.get("/it/no-such-section/").status_code == 404


def test_the_switcher_keeps_the_path_where_no_translation_exists(client):
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    assert all(live_translation(module, code) is None for code in TRANSLATED_LANGUAGES)
    links = switcher(soup_of(client.get(module.url)))
    assert links == {code: address_in(module.url, code) for code in ["en", *TRANSLATED_LANGUAGES]}
    fallback = switcher(soup_of(client.get(address_in(module.url, "de"))))
    assert fallback["en"] == module.url
    assert fallback["it"] == address_in(module.url, "it")


def test_the_switcher_leads_to_the_translation_where_one_exists(client):
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="en")
    links = switcher(soup_of(client.get(toolkit.url)))
    for code in TRANSLATED_LANGUAGES:
        assert links[code] == live_translation(toolkit, code).url


def test_the_switcher_keeps_the_search_query(client):
    links = switcher(soup_of(client.get("/en/search/", {"q": "Valdoria strategy", "page": "1"})))
    assert links["it"] == "/it/search/?q=Valdoria+strategy&page=1"
    assert links["de"] == "/de/search/?q=Valdoria+strategy&page=1"


def test_the_switcher_keeps_the_query_string_on_a_page(client):
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="de")
    links = switcher(soup_of(client.get(toolkit.url, {"ref": "leaflet"})))
    assert links["en"].endswith("/toolkit/?ref=leaflet")
    assert links["en"].startswith("/en/")


def test_an_unpublished_or_private_english_page_is_not_shown_at_another_address(client):
    from wagtail.models import PageViewRestriction

    unpublished, private = TrainingModulePage.objects.live().filter(locale__language_code="en")[:2]
    unpublished.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get(f"/de/toolkit/{unpublished.slug}/").status_code == 404
    response = client.get(address_in(private.url, "de"))
    assert private.title not in response.content.decode()
    soup = soup_of(client.get("/de/toolkit/"))
    titles = [a.text for a in soup.find("main").select("li.card a")]
    assert unpublished.title not in titles
    assert private.title not in titles
