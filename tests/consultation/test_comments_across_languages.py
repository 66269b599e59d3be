"""Comments across languages: the room of a translation is its source's room."""

import csv
import io
import re

import pytest
from wagtail.models import Comment

from co_design.access import lookups
from co_design.models import StakeholderComment, StrategyDraftPage

from ..support.consultation_room import consultation_room
from ..support.module_data import built_once
from ..support.room_helpers import (
    close_consultation,
    comment_data,
    editor_comments,
    section_ids,
    signed_in,
)

pytestmark = pytest.mark.django_db

TEXT = "Manca il calendario scolastico: le famiglie arrivano a metà anno."


# The room, its strategy translated into German and Italian.
shared_room = built_once(consultation_room, languages=("de", "it"))


@pytest.fixture
def source(room):
    return room.page


def translation(source, language):
    return StrategyDraftPage.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )


def comment_from_italian_room(room, text=TEXT, author=None):
    source = room.page
    italian = translation(source, "it")
    response = signed_in(author or room.school).post(
        f"/it/consultations/{italian.pk}/comments/",
        comment_data(section=section_ids(source)[0], text=text),
    )
    return italian, response


def shown_comment(html, text):
    """The <li> of the room that holds `text`."""
    for item in re.findall(r'<li class="comment[^"]*".*?</article>', html, re.S):
        if text in item:
            return item
    raise AssertionError(f"{text!r} is not in the room")


def test_a_comment_from_the_italian_room_is_stored_on_the_same_section_of_the_source(room, source):
    first = section_ids(source)[0]
    italian, response = comment_from_italian_room(room)

    stored = StakeholderComment.objects.get(wagtail_comment__text=TEXT)
    assert response.status_code == 302
    assert response["Location"] == (
        f"/it/consultations/{italian.pk}/#comment-{stored.wagtail_comment_id}"
    )
    assert stored.wagtail_comment.page_id == source.pk
    assert stored.wagtail_comment.contentpath == f"sections.{first}.body"
    assert stored.wagtail_comment.revision_created == source.get_latest_revision()
    assert stored.section_id == first
    assert stored.language == "it"
    assert stored.consultation == lookups.latest_consultation(source)
    assert not Comment.objects.filter(page=italian).exists()


def test_editors_see_the_italian_comment_in_the_source_page_sidebar(room, source):
    first = section_ids(source)[0]
    comment_from_italian_room(room)

    sidebar = [c for c in editor_comments(signed_in(room.editor), source) if c["text"] == TEXT]

    assert len(sidebar) == 1
    assert sidebar[0]["contentpath"] == f"sections.{first}.body"


def test_the_english_and_german_rooms_show_the_comment_marked_as_written_in_italian(room, source):
    comment_from_italian_room(room)
    reader = signed_in(room.ngo)

    english = reader.get(f"/en/consultations/{source.pk}/")
    german = reader.get(f"/de/consultations/{translation(source, 'de').pk}/")

    assert english.status_code == 200
    shown = shown_comment(english.content.decode(), TEXT)
    assert f'<p class="comment__text" lang="it">{TEXT}</p>' in shown
    assert '<span class="tag tag--language">Written in Italian</span>' in shown
    assert german.status_code == 200
    shown = shown_comment(german.content.decode(), TEXT)
    assert f'<p class="comment__text" lang="it">{TEXT}</p>' in shown
    assert '<span class="tag tag--language">Verfasst auf Italienisch</span>' in shown


def test_the_italian_room_shows_the_italian_text_and_every_comment_with_its_language(room, source):
    italian = translation(source, "it")
    comment_from_italian_room(room)

    html = signed_in(room.ngo).get(f"/it/consultations/{italian.pk}/").content.decode()

    assert "<h1>Strategia locale di integrazione: Valdoria</h1>" in html
    own = shown_comment(html, TEXT)
    assert f'<p class="comment__text" lang="it">{TEXT}</p>' in own
    assert "tag--language" not in own  # written in the language the room is read in
    # The English comments collected on the source are in the Italian room too.
    english = StakeholderComment.objects.filter(
        wagtail_comment__page=source,
        language="en",
        hidden_at__isnull=True,
        withdrawn_at__isnull=True,
    ).first()
    shown = shown_comment(html, english.wagtail_comment.text.splitlines()[0])
    assert 'lang="en"' in shown
    assert '<span class="tag tag--language">Scritto in Inglese</span>' in shown
    # Every form of the Italian room posts back to the Italian room.
    actions = re.findall(r'<form[^>]* action="(/[^"]*consultations/[^"]*)"', html)
    assert actions
    assert all(action.startswith(f"/it/consultations/{italian.pk}/") for action in actions)


def test_the_source_consultation_decides_who_may_comment_and_until_when(room, source):
    italian = translation(source, "it")
    # The translation's own review ran no consultation (stakeholders comment on the source):
    # the room follows the source's, which is open.
    assert lookups.latest_consultation(italian) is None
    _italian, response = comment_from_italian_room(room, author=room.other_stakeholder)
    assert response.status_code == 403  # a stakeholder of Rheinfeld
    assert not StakeholderComment.objects.filter(wagtail_comment__text=TEXT).exists()

    close_consultation(source, room.editor.username)
    _italian, response = comment_from_italian_room(room)

    assert response.status_code == 403
    assert "non accetta più commenti" in response.content.decode()
    assert not StakeholderComment.objects.filter(wagtail_comment__text=TEXT).exists()


def test_agreeing_from_the_german_room_counts_on_the_source_comment(room, source):
    comment_from_italian_room(room)
    stored = StakeholderComment.objects.get(wagtail_comment__text=TEXT)
    german = translation(source, "de")

    response = signed_in(room.ngo).post(
        f"/de/consultations/{german.pk}/comments/{stored.wagtail_comment_id}/agree/"
    )

    assert response.status_code == 302
    assert response["Location"] == (
        f"/de/consultations/{german.pk}/#comment-{stored.wagtail_comment_id}"
    )
    assert stored.agreements.count() == 1


def test_the_editors_decisions_screen_of_the_source_shows_the_comment_language(room, source):
    comment_from_italian_room(room)

    html = signed_in(room.editor).get(f"/admin/consultations/{source.pk}/comments/")

    assert html.status_code == 200
    content = html.content.decode()
    assert f'<p class="eccipa-text" lang="it">{TEXT}</p>' in content
    section = re.search(r"<section[^>]*>(?:(?!</section>).)*" + re.escape(TEXT), content, re.S)
    assert "· 0 agree · Written in Italian</p>" in section.group(0)


def test_the_exports_of_the_source_give_each_comment_its_language(room, source):
    comment_from_italian_room(room)

    response = signed_in(room.editor).get(f"/admin/consultations/{source.pk}/comments.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    language = header.index("Language")
    by_text = {row[header.index("Text")]: row for row in body}
    assert by_text[TEXT][language] == "Italian"
    assert {row[language] for row in body if row[0] == "comment"} == {"English", "Italian"}
    assert {row[language] for row in body if row[0] == "reply"} == {""}
