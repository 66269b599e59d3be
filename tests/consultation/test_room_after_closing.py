"""Consultation content in its time: the outcome page exists once the consultation ended and
shows only what moderation allows; after closing, the room is the read-only record of the text
that was consulted, whatever the editors saved since."""

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Comment, CommentReply

from co_design.models import (
    CommentAgreement,
    CommentFlag,
    Consultation,
    FlagStatus,
    StakeholderComment,
)

from ..support.consultation_room import ADOPTED, ADOPTED_REASON, FLAGGED
from ..support.review_helpers import act
from ..support.room_helpers import close_consultation, post_comment, revise, section_ids, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


@pytest.fixture
def close(room):
    """The editor's *Close consultation and continue*."""
    return lambda page: close_consultation(page, room.editor.username)


@pytest.fixture
def revised(room):
    """The editor saves a new revision whose first section says `text`."""
    return lambda page, text: revise(page, text, username=room.editor.username)


def outcome_of(client, page):
    return client.get(f"/en/consultations/{page.pk}/outcome/")


def room_of(client, page):
    response = client.get(f"/en/consultations/{page.pk}/")
    assert response.status_code == 200
    return response.content.decode()


# The outcome page


@pytest.mark.parametrize("who", [None, "association", "other_stakeholder"])
def test_the_outcome_page_does_not_exist_while_the_consultation_is_open(room, page, who):
    client = signed_in(getattr(room, who)) if who else Client()
    response = outcome_of(client, page)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html  # the site's usual 404
    assert ADOPTED not in html and FLAGGED not in html


def test_after_closing_the_outcome_shows_the_comments_but_never_a_reported_or_hidden_one(
    room, page, close
):
    hidden = StakeholderComment.objects.get(wagtail_comment__user=room.school)
    hidden_text = hidden.wagtail_comment.text
    signed_in(room.moderator).post(
        f"/admin/consultations/comments/{hidden.pk}/hide/", {"reason": "Off topic."}
    )
    close(page)

    response = outcome_of(Client(), page)
    assert response.status_code == 200
    html = response.content.decode()
    assert ADOPTED in html
    assert ADOPTED_REASON in html
    assert FLAGGED not in html  # reported, and no moderator has looked at it yet
    assert "Mr R." not in html
    assert hidden_text not in html

    # Once a moderator dismissed the report, the comment is public like the others.
    flagged = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    signed_in(room.moderator).post(f"/admin/consultations/comments/{flagged.pk}/dismiss/")
    assert FLAGGED in outcome_of(Client(), page).content.decode()


def test_the_outcome_page_appears_when_the_closing_date_passes(page):
    assert outcome_of(Client(), page).status_code == 404
    Consultation.objects.for_page(page).update(closes_at=timezone.now())
    response = outcome_of(Client(), page)
    assert response.status_code == 200
    assert ADOPTED in response.content.decode()


def test_the_room_links_to_the_outcome_only_once_it_exists(room, page, close):
    url = f"/en/consultations/{page.pk}/outcome/"
    assert url not in room_of(signed_in(room.association), page)
    close(page)
    assert url in room_of(signed_in(room.association), page)


# The room after closing


def test_after_an_early_close_the_room_shows_the_text_approved_at_closing_never_a_later_one(
    room, page, revised
):
    consulted = revised(page, "Text the stakeholders read until the end.")
    act(signed_in(room.editor), page, "close")
    assert Consultation.objects.for_page(page).get().closed_revision == consulted
    act(signed_in(room.moderator), page, "approve")  # published; the workflow is over
    page.refresh_from_db()
    assert page.live_revision == consulted
    revised(page, "A later draft that was never put to the stakeholders.")

    for user in (room.association, room.editor, room.moderator):
        html = room_of(signed_in(user), page)
        assert "Text the stakeholders read until the end." in html
        assert "A later draft that was never put to the stakeholders." not in html


def test_after_the_closing_date_the_room_shows_the_text_of_that_date(room, page, revised):
    before = revised(page, "Text as it stood on the closing date.")
    Consultation.objects.for_page(page).update(closes_at=timezone.now())
    # The editor keeps working while the workflow still waits for someone to close it.
    after = revised(page, "Edited after the closing date.")
    assert (
        after.created_at > Consultation.objects.for_page(page).get().closes_at > before.created_at
    )

    html = room_of(signed_in(room.association), page)
    assert "Text as it stood on the closing date." in html
    assert "Edited after the closing date." not in html

    # Closed by the editor later on: still the text of the closing date.
    act(signed_in(room.editor), page, "close")
    html = room_of(signed_in(room.association), page)
    assert "Text as it stood on the closing date." in html
    assert "Edited after the closing date." not in html


def test_the_closed_room_offers_no_forms(room, page, close):
    close(page)
    for user in (room.association, room.editor, room.moderator, room.admin):
        html = room_of(signed_in(user), page)
        assert "The consultation closed on" in html
        for action in ('/comments/"', '/replies/"', '/agree/"', '/flag/"'):
            assert action not in html, (user, action)
        assert 'name="text"' not in html and 'name="reason"' not in html


def stored():
    return (
        Comment.objects.count(),
        CommentReply.objects.count(),
        CommentAgreement.objects.count(),
        CommentFlag.objects.count(),
    )


@pytest.mark.parametrize("who", ["association", "school", "editor", "admin"])
def test_posting_in_a_closed_room_is_refused_and_stores_nothing(room, page, close, who):
    close(page)
    user = getattr(room, who)
    client = signed_in(user)
    other = (
        StakeholderComment.objects.filter(wagtail_comment__page=page)
        .exclude(wagtail_comment__user=user)
        .first()
    )
    base = f"/en/consultations/{page.pk}/comments/{other.wagtail_comment_id}"
    before = stored()
    responses = [
        post_comment(client, page, section=section_ids(page)[0], text="Too late?"),
        client.post(f"{base}/replies/", {"text": "Too late?"}),
        client.post(f"{base}/agree/"),
        client.post(f"{base}/flag/", {"reason": "Too late?"}),
    ]
    for response in responses:
        assert response.status_code == 403
        assert "The consultation closed on" in response.content.decode()
    assert stored() == before


def test_the_refusal_in_a_closed_room_is_in_the_visitor_language(room, page, close):
    close(page)
    record = StakeholderComment.objects.get(wagtail_comment__user=room.ngo, decision="")
    response = signed_in(room.association).post(
        f"/de/consultations/{page.pk}/comments/{record.wagtail_comment_id}/flag/",
        {"reason": "Zu spät?"},
    )
    assert response.status_code == 403
    assert "Die Beteiligung wurde am" in response.content.decode()
    assert not CommentFlag.objects.filter(reason="Zu spät?").exists()
