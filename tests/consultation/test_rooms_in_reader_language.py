"""The links to a consultation room follow the reader's language: on *My consultations* and on
*Take part* in Italian, a strategy with an Italian translation leads to the room of the Italian
text, under its Italian title; without a translation, to the source's room."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from co_design.public.pages import TakePartPage

from ..support.factories import StrategyDraftPageFactory, open_consultation, person, publish
from ..support.review_helpers import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def rooms():
    """A strategy open for comments with an Italian translation, a second one without, and a
    published *Take part* page in English and Italian."""
    translated, editor = open_consultation("Welcome")
    index = translated.get_parent().specific
    untranslated = publish(
        StrategyDraftPageFactory(parent=index, title="Letters that people understand")
    )
    untranslated.save_revision(user=editor)
    untranslated.get_workflow().start(untranslated, editor)
    home = index.get_parent().specific
    take_part = publish(
        home.add_child(
            instance=TakePartPage(
                title="Take part", slug="take-part", introduction="<p>Join.</p>", live=False
            )
        )
        or TakePartPage.objects.get(slug="take-part")
    )
    italian = Locale.objects.get(language_code="it")
    for page in (home, index, take_part):
        page.copy_for_translation(italian).save_revision().publish()
    italian_strategy = translated.copy_for_translation(italian)
    italian_strategy.title = "Strategia locale di accoglienza"
    italian_strategy.save_revision()
    return translated, italian_strategy, untranslated


def room_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True): a["href"] for a in soup.select("h3 a")}


def room(language, page):
    with translation.override(language):
        return reverse("consultation_room", args=[page.pk])


def test_my_consultations_in_italian_leads_to_the_italian_room(rooms):
    translated, italian_strategy, untranslated = rooms
    client = client_for(person("stakeholder", translated.territory).username)
    assert room_links(client.get("/it/consultations/")) == {
        "Strategia locale di accoglienza": room("it", italian_strategy)
    }
    assert room_links(client.get("/en/consultations/")) == {
        translated.title: room("en", translated)
    }


def test_without_a_translation_my_consultations_leads_to_the_source_room(rooms):
    _, _, untranslated = rooms
    client = client_for(person("stakeholder", untranslated.territory).username)
    assert room_links(client.get("/it/consultations/")) == {
        untranslated.title: room("it", untranslated)
    }


def test_take_part_in_italian_leads_to_the_italian_room(rooms):
    translated, italian_strategy, untranslated = rooms
    client = client_for(person("stakeholder", translated.territory).username)
    soup = BeautifulSoup(client.get("/it/take-part/").content, "html.parser")
    links = [a["href"] for a in soup.select(".consultation__actions a:not(.button)")]
    assert sorted(links) == sorted([room("it", italian_strategy), room("it", untranslated)])
    titles = [h.get_text(strip=True) for h in soup.select(".consultation-list h3")]
    assert "Strategia locale di accoglienza" in titles


def switcher(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in soup.select(".language-nav a[hreflang]")}


def test_the_switcher_leads_to_the_room_of_each_languages_text(rooms):
    translated, italian_strategy, _ = rooms
    client = client_for(person("stakeholder", translated.territory).username)
    english = switcher(client.get(room("en", translated)))
    italian = switcher(client.get(room("it", italian_strategy)))
    for links in (english, italian):
        assert links["it"] == room("it", italian_strategy)
        assert links["en"] == room("en", translated)
        assert links["de"] == room("de", translated)  # no German text: the source's room
