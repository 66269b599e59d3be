"""A comment written in another language is one click from a machine translation into the
reader's language, where a backend is configured (WAGTAILLOCALIZE_MACHINE_TRANSLATOR; here
wagtail-localize's own test translator, which reverses the words): the original stays shown
above it. Without a backend nothing is offered; odd requests get a 400 and a reason."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone
from wagtail_localize.machine_translators.base import BaseMachineTranslator

from co_design.consultation.models import StakeholderComment

from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import comment_data, section_ids

pytestmark = pytest.mark.django_db

ITALIAN = "Serve un orario di apertura anche il sabato"
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
FAILING = {"CLASS": f"{__name__}.FailingTranslator"}
OFFER = "Show a machine translation into English"


class FailingTranslator(BaseMachineTranslator):
    """A backend that is down."""

    def can_translate(self, source_locale, target_locale):
        return True

    def translate(self, source_locale, target_locale, strings):
        raise ConnectionError("backend unreachable")


@pytest.fixture
def room():
    """A strategy open for comments, with a comment written in its Italian room and an
    English-speaking reader; returns (reader's client, room address, the comment)."""
    page, _editor = open_consultation("Opening hours")
    author = person("stakeholder", page.territory)
    client_for(author.username).post(
        f"/it/consultations/{page.pk}/comments/",
        comment_data(section=section_ids(page)[0], text=f"{ITALIAN} <script>x</script>"),
    )
    comment = StakeholderComment.objects.get(wagtail_comment__page=page)
    assert comment.language == "it"
    reader = client_for(person("stakeholder", page.territory).username)
    return reader, f"/en/consultations/{page.pk}/", comment


def shown(response, comment):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find(id=f"comment-{comment.wagtail_comment_id}")


def test_without_a_backend_nothing_is_offered(room):
    reader, address, comment = room
    item = shown(reader.get(address), comment)
    assert ITALIAN in item.select_one(".comment__text").text
    assert OFFER not in item.text
    response = reader.get(address, {"translate": comment.wagtail_comment_id})
    assert response.status_code == 200
    assert "No machine translation is available at the moment." in response.content.decode()
    assert shown(response, comment).select_one(".comment__translation") is None


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_one_click_shows_the_translation_below_the_original(room):
    reader, address, comment = room
    offer = shown(reader.get(address), comment).find("a", string=OFFER)
    assert offer["href"] == (
        f"?translate={comment.wagtail_comment_id}#comment-{comment.wagtail_comment_id}"
    )

    response = reader.get(address + offer["href"].split("#")[0])

    assert response.status_code == 200
    item = shown(response, comment)
    assert item.select_one(".comment__text").text.startswith(ITALIAN)  # the original, kept
    assert item.select_one(".comment__text")["lang"] == "it"
    translation = item.select_one(".comment__translation")
    assert "Machine translation; the original is above." in translation.text
    # The test translator reverses the words; the comment's markup stays text.
    assert translation.find_all("p")[1].text == (
        "<script>x</script> sabato il anche apertura di orario un Serve"
    )
    assert translation.find("script") is None
    # Hiding it is the room without the translation, the offer back.
    back = shown(reader.get(address), comment)
    assert back.select_one(".comment__translation") is None
    assert back.find("a", string=OFFER) is not None


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_a_comment_in_the_readers_own_language_offers_no_translation(room):
    _reader, address, comment = room
    italian_reader = client_for(
        person("stakeholder", comment.wagtail_comment.page.specific.territory).username
    )
    italian_room = address.replace("/en/", "/it/")
    item = shown(italian_reader.get(italian_room), comment)
    assert item.select_one("a.comment__translate") is None
    response = italian_reader.get(italian_room, {"translate": comment.wagtail_comment_id})
    assert response.status_code == 400
    assert "Questo commento non può essere tradotto." in response.content.decode()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
@pytest.mark.parametrize("value", ["abc", "-1", "99999999", "1" * 40, ""])
def test_a_malformed_or_unknown_comment_is_a_400_with_a_reason(room, value):
    reader, address, comment = room
    response = reader.get(address, {"translate": value})
    assert response.status_code == 400
    assert "This comment cannot be translated." in response.content.decode()
    assert shown(response, comment).select_one(".comment__translation") is None


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_a_hidden_comment_is_not_translated(room):
    reader, address, comment = room
    comment.hidden_at = timezone.now()
    comment.hidden_reason = "Names a person."
    comment.save()
    response = reader.get(address, {"translate": comment.wagtail_comment_id})
    assert response.status_code == 400
    assert ITALIAN not in response.content.decode()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=FAILING)
def test_a_backend_that_is_down_leaves_the_original_and_says_so(room):
    reader, address, comment = room
    response = reader.get(address, {"translate": comment.wagtail_comment_id})
    assert response.status_code == 200
    assert "No machine translation is available at the moment." in response.content.decode()
    item = shown(response, comment)
    assert ITALIAN in item.select_one(".comment__text").text
    assert item.select_one(".comment__translation") is None
