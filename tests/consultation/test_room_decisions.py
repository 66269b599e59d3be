"""Editors record what they did with each comment; moderators hide or dismiss; exports."""

import csv
import io

import pytest
from django.core import mail
from openpyxl import load_workbook
from wagtail.models import Comment, CommentReply

from co_design.models import CommentFlag, Decision, FlagStatus, StakeholderComment

from ..support.review_helpers import act, messages_of
from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


def undecided(room):
    """Marco's comment on the schools, which has no decision yet."""
    return StakeholderComment.objects.get(
        wagtail_comment__page=room.page, decision="", wagtail_comment__user=room.school
    )


def decide(client, record, **data):
    prefix = f"c{record.pk}"
    return client.post(
        f"/admin/consultations/comments/{record.pk}/decision/",
        {f"{prefix}-{key}": value for key, value in data.items()},
        follow=True,
    )


def test_an_editor_records_a_decision_and_the_commenter_is_told(
    room, page, django_capture_on_commit_callbacks
):
    record = undecided(room)
    revision = page.get_latest_revision()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(
            signed_in(room.editor),
            record,
            decision=Decision.ADOPTED,
            reason="Mentors start in June.",
            adopted_in=revision.pk,
        )
    assert "Decision recorded" in " ".join(messages_of(response))
    record.refresh_from_db()
    assert (record.decision, record.adopted_in) == (Decision.ADOPTED, revision)
    assert record.decided_by == room.editor
    assert [m.to for m in mail.outbox] == [[room.school.email]]
    assert "Accolto" in mail.outbox[0].body  # Italian, as the stakeholder chose
    assert "Mentors start in June." in mail.outbox[0].body

    act(signed_in(room.editor), page, "close")  # the outcome is public once it closed
    outcome = signed_in(room.other_stakeholder).get(f"/en/consultations/{page.pk}/outcome/")
    html = outcome.content.decode()
    assert "Mentors start in June." in html
    assert "Marco Greco" not in html  # did not allow his name to be shown
    assert "Amina Diallo" in html  # did


def test_adopting_needs_the_revision_that_adopted_it(room, page):
    record = undecided(room)
    response = decide(signed_in(room.editor), record, decision=Decision.ADOPTED, reason="Yes")
    assert "Say which revision adopted the comment." in " ".join(messages_of(response))
    record.refresh_from_db()
    assert record.decision == ""


def test_only_editors_of_the_territory_record_decisions(room, page):
    record = undecided(room)
    response = decide(signed_in(room.other_editor), record, decision=Decision.NOTED, reason="No")
    assert "you do not have permission" in " ".join(messages_of(response))
    record.refresh_from_db()
    assert record.decision == ""


def test_a_moderator_hides_a_flagged_comment_with_a_reason_and_keeps_its_text(
    room, page, django_capture_on_commit_callbacks
):
    record = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    moderator = signed_in(room.moderator)
    assert (
        record.wagtail_comment.text in moderator.get("/admin/consultations/flags/").content.decode()
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(
            f"/admin/consultations/comments/{record.pk}/hide/",
            {"reason": "It names a member of staff."},
        )

    record.refresh_from_db()
    assert record.is_hidden and record.hidden_reason == "It names a member of staff."
    assert (
        Comment.objects.get(pk=record.wagtail_comment_id).text == record.wagtail_comment.text
    )  # kept
    assert list(record.flags.values_list("status", flat=True)) == [FlagStatus.UPHELD]
    assert [m.to for m in mail.outbox] == [[room.ngo.email]]
    assert "It names a member of staff." in mail.outbox[0].body
    html = signed_in(room.association).get(f"/en/consultations/{page.pk}/").content.decode()
    assert record.wagtail_comment.text not in html
    assert "Hidden by a moderator: It names a member of staff." in html


def test_a_moderator_dismisses_a_flag_and_the_comment_stays(room, page):
    record = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    signed_in(room.moderator).post(f"/admin/consultations/comments/{record.pk}/dismiss/")
    record.refresh_from_db()
    assert not record.is_hidden
    assert record.flags.get().status == FlagStatus.DISMISSED
    assert (
        "No flags waiting."
        in signed_in(room.moderator).get("/admin/consultations/flags/").content.decode()
    )


def test_editors_and_stakeholders_cannot_hide_comments(room, page):
    record = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    for user in (room.editor, room.association):
        signed_in(user).post(
            f"/admin/consultations/comments/{record.pk}/hide/", {"reason": "Mine to hide?"}
        )
    record.refresh_from_db()
    assert not record.is_hidden
    assert CommentFlag.objects.get(stakeholder_comment=record).status == FlagStatus.WAITING


def test_exports_contain_every_comment_and_reply(room, page):
    editor = signed_in(room.editor)
    records = StakeholderComment.objects.filter(wagtail_comment__page=page)
    replies = CommentReply.objects.filter(comment__page=page)
    expected_rows = records.count() + replies.count()

    response = editor.get(f"/admin/consultations/{page.pk}/comments.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Type", "Id", "Reply to", "Section"]
    assert len(body) == expected_rows
    texts = {row[header.index("Text")] for row in body}
    assert {record.wagtail_comment.text for record in records} <= texts
    assert {reply.text for reply in replies} <= texts
    adopted = next(row for row in body if row[header.index("Decision")] == "Adopted")
    assert adopted[header.index("Organisation type")] == "Migrant association"
    assert adopted[header.index("Quoted passage")] == "mentors every new colleague for three months"
    assert adopted[header.index("Agreements")] == "2"

    response = editor.get(f"/admin/consultations/{page.pk}/comments.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == expected_rows + 1


def test_exported_text_never_runs_as_a_spreadsheet_formula(room, page):
    from co_design.consultation import services as comments

    comments.post_comment(
        room.school,
        page,
        page.get_latest_revision_as_object().sections[0].id,
        '=HYPERLINK("http://evil.example","click")',
        submission_key="00000000-0000-0000-0000-000000000001",
    )
    body = signed_in(room.editor).get(f"/admin/consultations/{page.pk}/comments.csv").content
    assert "'=HYPERLINK(" in body.decode("utf-8-sig")


def test_stakeholders_cannot_export(room, page):
    url = f"/admin/consultations/{page.pk}/comments.csv"
    response = signed_in(room.association).get(url)
    # No admin access: sent to the admin's sign-in, given no file.
    assert (response.status_code, response.url) == (302, f"/admin/login/?next={url}")
    assert response.content == b""
    assert "Content-Disposition" not in response


def test_text_with_control_characters_stored_earlier_still_exports(room, page):
    """A comment written in the page editor, or stored before the room refused control
    characters, must not break the export of the whole draft."""
    record = StakeholderComment.objects.filter(wagtail_comment__page=page).first()
    Comment.objects.filter(pk=record.wagtail_comment_id).update(
        text="line\x0bbreak\x01 and \x1ftext"
    )
    StakeholderComment.objects.filter(pk=record.pk).update(decision_reason="-\x0c1+1")
    editor = signed_in(room.editor)

    response = editor.get(f"/admin/consultations/{page.pk}/comments.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
    assert "linebreak and text" in values
    assert "'-1+1" in values

    body = editor.get(f"/admin/consultations/{page.pk}/comments.csv").content.decode("utf-8-sig")
    assert "linebreak and text" in body
    assert "\x0b" not in body


def test_an_unknown_export_format_or_moderation_action_is_not_found(room, page):
    record = StakeholderComment.objects.filter(wagtail_comment__page=page).first()
    assert (
        signed_in(room.editor).get(f"/admin/consultations/{page.pk}/comments.exe").status_code
        == 404
    )
    response = signed_in(room.moderator).post(
        f"/admin/consultations/comments/{record.pk}/whatever/"
    )
    assert response.status_code == 404
