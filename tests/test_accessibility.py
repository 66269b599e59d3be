"""Structural accessibility checks (WCAG 2.1 AA) on every public page type of the demo, in all
four languages: one h1, headings in order, labelled form controls, img alt, html lang, a skip
link to the main landmark, unique ids. A static check of the served HTML, not a browser audit."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from .support.page_types import PAGE_TYPES
from .support.review_helpers import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

LANGUAGES = ["en", "de", "it", "es"]
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


def problems(html, language):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    if soup.html.get("lang") != language:
        found.append(f"html lang is {soup.html.get('lang')!r}, not {language!r}")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        found.append(f"{len(h1s)} h1 elements")
    previous = 0
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        if previous and level > previous + 1:
            found.append(f"heading level skipped: h{previous} → {heading.name} {heading.text!r}")
        previous = level
    skip = soup.find("a", class_="skip-link")
    main = soup.find("main")
    if skip is None or main is None or skip.get("href") != f"#{main.get('id')}":
        found.append("no skip link to the main landmark")
    labelled = {label.get("for") for label in soup.find_all("label")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.get("type") in UNLABELLED_TYPES:
            continue
        if not (
            control.get("id") in labelled
            or control.find_parent("label")
            or control.get("aria-label")
            or control.get("aria-labelledby")
        ):
            found.append(f"form control without a label: {control}")
    for img in soup.find_all("img"):
        if img.get("alt") is None:
            found.append(f"img without alt: {img}")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    found += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    return found


def page_in(model, language):
    """The page of this type in the language, or else its English source."""
    locale = Locale.objects.get(language_code=language)
    page = model.objects.live().filter(locale=locale).first()
    return page or model.objects.live().filter(locale__language_code="en").first()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_public_page_types_pass_the_structural_checks(client, model, language):
    page = page_in(model, language)
    # A page not translated yet is checked in English, where it lives.
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    assert problems(response.content, page.locale.language_code) == []


@pytest.mark.parametrize("language", ["de", "it", "es"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_pages_shown_in_english_under_another_language_pass_the_structural_checks(
    client, model, language
):
    """The English page at the address of the language (a marked fallback where it has no
    translation): the interface, and html lang, in the visitor's language."""
    from co_design.public.languages import address_in

    source = model.objects.live().filter(locale__language_code="en").first()
    response = client.get(address_in(source.url, language))
    assert response.status_code == 200
    assert problems(response.content, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path", ["search/?q=strategy", "search/", "accounts/login/", "accounts/password-reset/"]
)
def test_search_and_sign_in_pass_the_structural_checks(client, path, language):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    assert problems(response.content, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consultation_room_and_my_consultations_pass_the_structural_checks(language):
    stakeholder = client_for("stakeholder-association")
    overview = stakeholder.get(f"/{language}/consultations/")
    assert problems(overview.content, language) == []
    room = BeautifulSoup(overview.content, "html.parser").select_one(
        'main a[href*="/consultations/"]'
    )
    assert room is not None
    response = stakeholder.get(room["href"])
    assert response.status_code == 200
    assert problems(response.content, language) == []
