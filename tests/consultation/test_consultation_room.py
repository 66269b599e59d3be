"""The consultation room: comments anchored to sections that survive revisions."""

import re

import pytest
from django.core import mail
from wagtail.models import Comment, CommentReply

from co_design.models import CommentAgreement, CommentFlag, StakeholderComment

from ..support.review_helpers import save_draft
from ..support.room_helpers import editor_comments, post_comment, section_ids, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


@pytest.fixture
def stakeholder(room):
    return signed_in(room.school)


def test_a_stakeholder_comments_on_a_section_and_on_a_passage(page, stakeholder):
    first, second = section_ids(page)[:2]

    response = post_comment(stakeholder, page, section=first, text="Add the school year calendar.")
    assert response.status_code == 302
    response = post_comment(
        stakeholder,
        page,
        section=second,
        text="Which Prefecture office?",
        quote="one guide agreed with the Prefecture",
    )
    assert response.status_code == 302

    on_section = StakeholderComment.objects.get(
        wagtail_comment__text="Add the school year calendar."
    )
    assert on_section.wagtail_comment.contentpath == f"sections.{first}.body"
    assert on_section.organisation_type == "city_department"
    assert on_section.quote == ""
    on_passage = StakeholderComment.objects.get(wagtail_comment__text="Which Prefecture office?")
    assert on_passage.quote == "one guide agreed with the Prefecture"
    assert on_passage.wagtail_comment.revision_created == page.get_latest_revision()

    html = stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    assert "Add the school year calendar." in html
    assert '<blockquote class="quote">one guide agreed with the Prefecture</blockquote>' in html


def test_editors_see_stakeholder_comments_on_the_right_block_in_the_page_editor(
    room, page, stakeholder
):
    first = section_ids(page)[0]
    post_comment(stakeholder, page, section=first, text="Seen in the editor?")

    comments = editor_comments(signed_in(room.editor), page)

    mine = [comment for comment in comments if comment["text"] == "Seen in the editor?"]
    assert len(mine) == 1
    assert mine[0]["contentpath"] == f"sections.{first}.body"


def test_replies_from_the_editor_sidebar_appear_in_the_room_and_notify_the_commenter(
    room, page, stakeholder, django_capture_on_commit_callbacks
):
    first = section_ids(page)[0]
    post_comment(stakeholder, page, section=first, text="Please answer me.")
    comment = Comment.objects.get(text="Please answer me.")

    # What the editor's comment sidebar stores when an editor replies there.
    with django_capture_on_commit_callbacks(execute=True):
        CommentReply.objects.create(comment=comment, user=room.editor, text="Done.")
    assert "Done." in stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    assert [m.to for m in mail.outbox] == [[room.school.email]]
    # in the stakeholder's language
    assert mail.outbox[0].subject == f"Nuova risposta al suo commento su {page.title}"


def test_replies_from_the_room_appear_in_the_page_editor(room, page, stakeholder):
    record = StakeholderComment.objects.filter(wagtail_comment__page=page).first()
    response = stakeholder.post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/replies/",
        {"text": "A reply from the room."},
    )
    assert response.status_code == 302
    comments = editor_comments(signed_in(room.editor), page)
    replies = [reply["text"] for comment in comments for reply in comment["replies"]]
    assert "A reply from the room." in replies


def test_a_new_revision_keeps_comments_on_their_section_marked_changed(room, page, stakeholder):
    first, second = section_ids(page)[:2]
    post_comment(stakeholder, page, section=first, text="On the first section.")
    post_comment(stakeholder, page, section=second, text="On the second section.")

    draft = page.get_latest_revision_as_object()
    draft.sections[0].value["body"] = type(draft.sections[0].value["body"])(
        "<p>Each service writes down its procedures, with migrant associations.</p>"
    )
    editor = signed_in(room.editor)
    assert save_draft(editor, page, sections=draft.sections).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().sections[0].id == first

    html = stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    section_html = html.split(f'id="section-{first}"')[1].split('class="room-section"')[0]
    assert "On the first section." in section_html
    assert "Changed since this comment" in section_html
    assert re.search(r"<ins>[^<]*with migrant associations\.</ins>", section_html)
    assert re.search(r"<del>[^<]*mentors every new colleague", section_html)
    second_html = html.split(f'id="section-{second}"')[1].split('class="room-section"')[0]
    assert "On the second section." in second_html
    assert "Changed since this comment" not in second_html


def test_a_comment_on_a_removed_section_is_kept_and_shown_as_such(room, page, stakeholder):
    last = section_ids(page)[-1]
    post_comment(stakeholder, page, section=last, text="About the schools.")

    draft = page.get_latest_revision_as_object()
    del draft.sections[len(draft.sections) - 1]
    save_draft(signed_in(room.editor), page, sections=draft.sections)

    record = StakeholderComment.objects.get(wagtail_comment__text="About the schools.")
    html = stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    removed = html.split('id="removed-heading"')[1]
    assert "About the schools." in removed
    assert "Section removed: “Role models in every school”" in removed
    assert Comment.objects.filter(pk=record.wagtail_comment_id).exists()


def test_a_comment_written_while_the_editor_works_survives_the_editor_saving(
    room, page, stakeholder
):
    """The editor opened the page before the comment arrived; saving must not drop it."""
    from ..support.admin_forms import edit_form_data

    editor = signed_in(room.editor)
    stale_form = edit_form_data(editor, page, summary="Saved from a form opened earlier.")
    post_comment(stakeholder, page, section=section_ids(page)[0], text="Arrived meanwhile.")

    assert editor.post(f"/admin/pages/{page.pk}/edit/", stale_form).status_code == 302
    assert Comment.objects.filter(text="Arrived meanwhile.").exists()
    assert StakeholderComment.objects.filter(wagtail_comment__text="Arrived meanwhile.").exists()


def test_agreeing_twice_takes_the_agreement_back(room, page, stakeholder):
    record = (
        StakeholderComment.objects.filter(wagtail_comment__page=page)
        .exclude(wagtail_comment__user__username=room.school.username)
        .exclude(agreements__user__username=room.school.username)
        .first()
    )
    url = f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/agree/"
    stakeholder.post(url)
    assert CommentAgreement.objects.filter(
        stakeholder_comment=record, user__username=room.school.username
    ).exists()
    stakeholder.post(url)
    assert not CommentAgreement.objects.filter(
        stakeholder_comment=record, user__username=room.school.username
    ).exists()


def test_nobody_agrees_with_their_own_comment(page, stakeholder):
    post_comment(stakeholder, page, section=section_ids(page)[0], text="Mine.")
    record = StakeholderComment.objects.get(wagtail_comment__text="Mine.")
    response = stakeholder.post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/agree/"
    )
    assert response.status_code == 400
    assert "You cannot agree with your own comment." in response.content.decode()
    assert not record.agreements.exists()


def test_flagging_a_comment_reaches_the_moderators_once(room, page, stakeholder):
    record = StakeholderComment.objects.filter(wagtail_comment__page=page).first()
    url = f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/flag/"
    assert stakeholder.post(url, {"reason": "Off topic."}).status_code == 302
    again = stakeholder.post(url, {"reason": "Still off topic."})
    assert again.status_code == 400
    assert "You have already flagged this comment" in again.content.decode()
    assert (
        CommentFlag.objects.filter(
            stakeholder_comment=record, user__username=room.school.username
        ).count()
        == 1
    )
