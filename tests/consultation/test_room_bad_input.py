"""Bad input in the room: each refused with a clear message, nothing stored."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Comment

from co_design.models import Consultation, StakeholderComment

from ..support.room_helpers import comment_data, post_comment, section_ids, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


@pytest.fixture
def stakeholder(room):
    return signed_in(room.school)


def stored():
    return Comment.objects.count(), StakeholderComment.objects.count()


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Please write something before sending."),
        ("   \n\t ", "Please write something before sending."),
        ("x" * 5001, "Please keep it under 5000 characters (it has 5001)."),
    ],
    ids=["empty", "whitespace", "oversized"],
)
def test_empty_or_oversized_comments_are_refused(page, stakeholder, text, message):
    before = stored()
    response = post_comment(stakeholder, page, section=section_ids(page)[0], text=text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored() == before


def test_html_and_script_are_stored_as_typed_and_shown_as_text(page, stakeholder):
    text = '<script>alert("x")</script><b onclick="steal()">bold</b>'
    post_comment(stakeholder, page, section=section_ids(page)[0], text=text)
    html = stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<b onclick="steal()">' not in html
    assert Comment.objects.filter(text=text).exists()


def test_a_quote_that_is_not_in_the_section_is_refused(page, stakeholder):
    before = stored()
    response = post_comment(
        stakeholder, page, section=section_ids(page)[0], text="Hm.", quote="words never written"
    )
    assert response.status_code == 400
    assert "The quoted passage does not appear in this section" in response.content.decode()
    assert stored() == before


def test_a_forged_section_id_is_refused(page, stakeholder):
    before = stored()
    response = post_comment(stakeholder, page, section="not-a-section", text="Hello")
    assert response.status_code == 400
    assert "This section is not part of the draft." in response.content.decode()
    assert stored() == before


def test_a_section_of_another_page_is_refused(page, stakeholder, room):
    other = room.other_strategy
    before = stored()
    response = post_comment(stakeholder, page, section=section_ids(other)[0], text="Hello")
    assert response.status_code == 400
    assert "This section is not part of the draft." in response.content.decode()
    assert stored() == before


def test_commenting_after_the_closing_date_is_refused(page, stakeholder):
    consultation = Consultation.objects.for_page(page).get()
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save()
    before = stored()
    response = post_comment(stakeholder, page, section=section_ids(page)[0], text="Too late?")
    assert response.status_code == 403
    assert "it no longer accepts comments" in response.content.decode()
    assert stored() == before


def test_commenting_on_a_draft_not_under_consultation_is_refused(room):
    rheinfeld = room.other_strategy
    response = post_comment(
        signed_in(room.other_stakeholder), rheinfeld, section=section_ids(rheinfeld)[0], text="Hi"
    )
    assert response.status_code == 404
    assert not Comment.objects.filter(text="Hi").exists()


def test_a_stakeholder_of_another_territory_is_refused(page, room):
    before = stored()
    response = post_comment(
        signed_in(room.other_stakeholder), page, section=section_ids(page)[0], text="From Rheinfeld"
    )
    assert response.status_code == 403
    assert "This consultation is open to stakeholders of Valdoria." in response.content.decode()
    assert stored() == before


def test_anonymous_visitors_are_sent_to_sign_in(page):
    response = Client().post(
        f"/en/consultations/{page.pk}/comments/", comment_data(section_ids(page)[0], "Anonymous")
    )
    assert response.status_code == 302
    assert not Comment.objects.filter(text="Anonymous").exists()


def test_a_double_click_stores_the_comment_once(page, stakeholder):
    key = uuid.uuid4()
    section = section_ids(page)[0]
    first = post_comment(stakeholder, page, section=section, text="Only once.", key=key)
    second = post_comment(stakeholder, page, section=section, text="Only once.", key=key)
    assert first.status_code == second.status_code == 302
    assert Comment.objects.filter(text="Only once.").count() == 1
    followed = stakeholder.get(second["Location"])
    assert "it was not posted twice" in followed.content.decode()


def test_posts_without_a_csrf_token_are_refused(page, room):
    client = Client(enforce_csrf_checks=True)
    client.force_login(room.school)
    before = stored()
    response = post_comment(client, page, section=section_ids(page)[0], text="Forged")
    assert response.status_code == 403
    assert stored() == before


@override_settings(ECCIPA_CONSULTATION={**settings.ECCIPA_CONSULTATION, "POSTS_PER_WINDOW": 3})
def test_a_flood_of_comments_is_slowed_down_with_a_clear_message(page, stakeholder):
    section = section_ids(page)[0]
    for number in range(3):
        assert (
            post_comment(stakeholder, page, section=section, text=f"n{number}").status_code == 302
        )
    response = post_comment(stakeholder, page, section=section, text="one too many")
    assert response.status_code == 429
    assert "Please wait a few minutes before posting again." in response.content.decode()
    assert not Comment.objects.filter(text="one too many").exists()


@pytest.mark.parametrize(
    "text",
    ["NUL\x00inside", "vertical\x0btab", "escape \x1b[31m red", "delete\x7f", "c1\x85next"],
    ids=["nul", "vertical-tab", "escape", "del", "c1"],
)
def test_comments_with_control_characters_are_refused(page, stakeholder, text):
    before = stored()
    response = post_comment(stakeholder, page, section=section_ids(page)[0], text=text)
    assert response.status_code == 400
    assert "This contains invisible control characters (such as NUL)" in response.content.decode()
    assert stored() == before


def test_line_breaks_and_tabs_in_a_comment_are_kept(page, stakeholder):
    text = "First point:\r\n\tone\r\nSecond point."
    response = post_comment(stakeholder, page, section=section_ids(page)[0], text=text)
    assert response.status_code == 302
    assert Comment.objects.filter(text=text).exists()


def test_a_quote_with_control_characters_is_refused(page, stakeholder):
    before = stored()
    response = post_comment(
        stakeholder, page, section=section_ids(page)[0], text="Hm.", quote="mentors\x00every"
    )
    assert response.status_code == 400
    assert "This contains invisible control characters" in response.content.decode()
    assert stored() == before
