"""The public site once per language (/en/, /de/, /it/, /es/), with a language switcher."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from ..support.factories import TerritoryFactory, person
from ..support.module_data import built_once
from ..support.site_tree import translated_activities

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(translated_activities)


LANGUAGES = ["en", "de", "it", "es"]


def switcher(html):
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="language-nav")
    return {a["hreflang"]: a for a in nav.find_all("a")}


@pytest.mark.parametrize(
    "accept,expected", [("de-DE,de;q=0.9", "/de/"), ("es", "/es/"), ("", "/en/")]
)
def test_the_root_redirects_to_the_visitors_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response.url == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_home_page_with_html_lang_and_a_switcher(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    links = switcher(response.content)
    assert sorted(links) == sorted(LANGUAGES)
    assert links[language].get("aria-current") == "true"
    for code, link in links.items():
        assert link["lang"] == code
        assert link["href"].startswith(f"/{code}/")


def test_german_pages_show_the_interface_in_german(client):
    html = client.get("/de/search/").content.decode()
    assert "Veröffentlichte Dokumente durchsuchen" in html
    assert "Zum Hauptinhalt springen" in html


def test_the_switcher_leads_to_the_same_view_in_the_other_language(client):
    links = switcher(client.get("/en/search/").content)
    assert links["it"]["href"] == "/it/search/"
    assert links["de"].text.strip() == "Deutsch"  # each language named in itself


def test_the_switcher_keeps_the_page_without_a_translation(client, site):
    from co_design.public.languages import address_in

    module = site.module
    links = switcher(client.get(module.url).content)
    for code in ["de", "it", "es"]:
        translated = module.get_translation_or_none(Locale.objects.get(language_code=code))
        # the translation, or the English page shown at that language's address
        expected = (
            translated.url if translated and translated.live else address_in(module.url, code)
        )
        assert links[code]["href"] == expected
        assert client.get(expected).status_code == 200


def test_room_addresses_carry_the_active_language():
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse("consultation_room", args=[1])
        assert url == f"/{language}/consultations/1/"


@pytest.mark.parametrize("path", ["/admin/login/", "/graphql/", "/django-admin/login/"])
def test_admin_and_api_stay_outside_the_language_prefixes(client, path):
    response = client.get(path)
    assert not response.get("Location", "").startswith("/en/")


def test_an_unknown_api_query_id_is_not_redirected_to_a_language(client):
    response = client.get("/graphql/", {"id": "0" * 64})
    assert response.status_code == 404
    assert "Location" not in response
    assert [error["extensions"]["code"] for error in response.json()["errors"]] == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]


def test_a_stakeholders_room_link_follows_the_language_prefix(client):
    client.force_login(person("stakeholder", TerritoryFactory()))
    for language, heading in [("en", "My consultations"), ("de", "Meine Beteiligungen")]:
        response = client.get(f"/{language}/consultations/")
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == language
        assert soup.h1.get_text(strip=True) == heading


@pytest.mark.parametrize("language", ["de", "it", "es"])
def test_the_translated_manifesto_strategy_and_toolkit_are_served_in_their_language(
    client, language
):
    from co_design.models import ManifestoPage, StrategyDraftPage, TrainingProgrammePage

    locale = Locale.objects.get(language_code=language)
    for model in (ManifestoPage, StrategyDraftPage, TrainingProgrammePage):
        page = model.objects.live().filter(locale=locale).first()
        assert page is not None, model
        source = model.objects.get(translation_key=page.translation_key, locale__language_code="en")
        assert page.url.startswith(f"/{language}/")
        response = client.get(page.url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == language
        assert soup.find("main").get("lang") is None  # content and interface in one language
        # the switcher leads to the English source, the same page
        assert switcher(response.content)["en"]["href"] == source.url


def test_translated_subtrees_go_through_the_same_review_workflows():
    from co_design.models import ManifestoPage, StrategyDraftPage
    from co_design.review.setup import setup_review

    setup_review()
    for language in ["de", "it", "es"]:
        manifesto = ManifestoPage.objects.get(locale__language_code=language)
        for strategy in StrategyDraftPage.objects.filter(locale__language_code=language):
            assert strategy.get_workflow().name == "Local strategy review"
        assert manifesto.get_workflow().name == "Manifesto sign-off"
