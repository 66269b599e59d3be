"""Moderation covers replies: they are reported and hidden like comments; hiding a comment
hides its thread's replies and closes the thread."""

import pytest
from django.core import mail
from wagtail.models import CommentReply

from co_design.models import (
    CommentAgreement,
    CommentFlag,
    FlagStatus,
    StakeholderComment,
    StakeholderReply,
)

from ..support.consultation_room import EDITOR_REPLY, HER_REPLY
from ..support.review_helpers import messages_of
from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


@pytest.fixture
def thread(room):
    """The thread on the first section: Amina's comment, the editor's reply, her answer."""
    return StakeholderComment.objects.get(wagtail_comment__user=room.association)


def reply_of(text):
    return CommentReply.objects.get(text=text)


def room_of(user, page):
    response = signed_in(user).get(f"/en/consultations/{page.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def report_reply(client, page, thread, reply, reason="It is not about the strategy."):
    return client.post(
        f"/en/consultations/{page.pk}/comments/{thread.wagtail_comment_id}/replies/{reply.pk}/flag/",
        {"reason": reason},
    )


def test_a_stakeholder_reports_a_reply_and_the_moderator_hides_it(
    room, page, thread, django_capture_on_commit_callbacks
):
    reply = reply_of(HER_REPLY)
    reporter = signed_in(room.school)
    flag_url = (
        f"/en/consultations/{page.pk}/comments/{thread.wagtail_comment_id}/replies/{reply.pk}/flag/"
    )
    assert flag_url in room_of(room.school, page)  # the form is offered

    response = report_reply(reporter, page, thread, reply)
    assert response.status_code == 302
    flag = CommentFlag.objects.get(reply=reply)
    assert (flag.stakeholder_comment, flag.user, flag.status) == (
        thread,
        room.school,
        FlagStatus.WAITING,
    )
    assert flag_url not in room_of(room.school, page)  # reported once
    again = report_reply(reporter, page, thread, reply, reason="Again.")
    assert again.status_code == 400
    assert "You have already reported this reply" in again.content.decode()
    assert CommentFlag.objects.filter(reply=reply).count() == 1

    moderator = signed_in(room.moderator)
    queue = moderator.get("/admin/consultations/flags/").content.decode()
    assert HER_REPLY in queue and "It is not about the strategy." in queue

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            f"/admin/consultations/replies/{reply.pk}/hide/",
            {"reason": "Private arrangements belong elsewhere."},
            follow=True,
        )
    assert "Reply hidden" in " ".join(messages_of(response))
    assert [m.to for m in mail.outbox] == [[room.association.email]]  # the author
    assert "Private arrangements belong elsewhere." in mail.outbox[0].body
    moderation = StakeholderReply.objects.get(reply=reply)
    assert moderation.is_hidden and moderation.hidden_by == room.moderator
    assert moderation.hidden_reason == "Private arrangements belong elsewhere."
    assert CommentFlag.objects.get(reply=reply).status == FlagStatus.UPHELD
    assert CommentReply.objects.get(pk=reply.pk).text == HER_REPLY  # kept on record
    late = report_reply(signed_in(room.ngo), page, thread, reply, reason="Late.")
    assert late.status_code == 400
    assert "A moderator has already hidden this reply." in late.content.decode()
    assert not CommentFlag.objects.filter(reason="Late.").exists()
    assert HER_REPLY not in moderator.get("/admin/consultations/flags/").content.decode()

    for user in (room.school, room.association):
        html = room_of(user, page)
        assert HER_REPLY not in html
        assert "Hidden by a moderator: Private arrangements belong elsewhere." in html
        assert EDITOR_REPLY in html  # the rest of the thread stays
    for user in (room.editor, room.moderator):
        assert HER_REPLY in room_of(user, page)


def test_a_moderator_dismisses_the_flags_on_a_reply_and_it_stays(room, page, thread):
    reply = reply_of(EDITOR_REPLY)
    report_reply(signed_in(room.school), page, thread, reply)
    signed_in(room.moderator).post(f"/admin/consultations/replies/{reply.pk}/dismiss/")
    assert CommentFlag.objects.get(reply=reply).status == FlagStatus.DISMISSED
    assert not StakeholderReply.objects.filter(reply=reply, hidden_at__isnull=False).exists()
    assert EDITOR_REPLY in room_of(room.school, page)


def test_reporting_a_reply_keeps_the_comment_flag_apart(room, page, thread):
    """A report on a reply neither counts as nor stands in for a report on the comment."""
    reporter = signed_in(room.school)
    report_reply(reporter, page, thread, reply_of(HER_REPLY))
    response = reporter.post(
        f"/en/consultations/{page.pk}/comments/{thread.wagtail_comment_id}/flag/",
        {"reason": "Also this."},
    )
    assert response.status_code == 302
    assert CommentFlag.objects.filter(stakeholder_comment=thread, reply__isnull=True).count() == 1
    # Hiding the comment upholds its own report, not the one on the reply.
    signed_in(room.moderator).post(
        f"/admin/consultations/comments/{thread.pk}/hide/", {"reason": "Hidden."}
    )
    assert (
        CommentFlag.objects.get(stakeholder_comment=thread, reply__isnull=True).status
        == FlagStatus.UPHELD
    )
    assert CommentFlag.objects.get(reply__text=HER_REPLY).status == FlagStatus.WAITING


def test_a_reply_reported_through_another_thread_is_not_found(room, page, thread):
    other = StakeholderComment.objects.get(wagtail_comment__user=room.school)
    response = report_reply(signed_in(room.ngo), page, other, reply_of(HER_REPLY))
    assert response.status_code == 404
    assert not CommentFlag.objects.filter(reply__isnull=False).exists()


def test_only_moderators_hide_replies(room, page):
    reply = reply_of(HER_REPLY)
    for user in (room.editor, room.school):
        signed_in(user).post(
            f"/admin/consultations/replies/{reply.pk}/hide/", {"reason": "Mine to hide?"}
        )
    assert not StakeholderReply.objects.exists()


def test_an_unknown_moderation_action_is_not_found_and_changes_nothing(room, thread):
    moderator = signed_in(room.moderator)
    flagged = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    assert moderator.post(f"/admin/consultations/comments/{flagged.pk}/erase/").status_code == 404
    reply = reply_of(HER_REPLY)
    assert moderator.post(f"/admin/consultations/replies/{reply.pk}/erase/").status_code == 404
    assert flagged.flags.get().status == FlagStatus.WAITING
    assert not StakeholderReply.objects.exists()


def test_hiding_a_comment_hides_its_replies_from_all_but_editors_and_moderators(room, page, thread):
    signed_in(room.moderator).post(
        f"/admin/consultations/comments/{thread.pk}/hide/", {"reason": "Names a colleague."}
    )
    for user in (room.school, room.association, room.ngo):
        html = room_of(user, page)
        assert EDITOR_REPLY not in html and HER_REPLY not in html
        assert "Hidden by a moderator: Names a colleague." in html
    for user in (room.editor, room.moderator):
        html = room_of(user, page)
        assert EDITOR_REPLY in html and HER_REPLY in html


def test_a_hidden_comment_takes_no_replies_agreements_or_reports(room, page, thread):
    signed_in(room.moderator).post(
        f"/admin/consultations/comments/{thread.pk}/hide/", {"reason": "Names a colleague."}
    )
    html = room_of(room.school, page)
    base = f"/en/consultations/{page.pk}/comments/{thread.wagtail_comment_id}"
    for form in ('/replies/"', '/agree/"', '/flag/"'):
        assert f"{base}{form}" not in html

    before = (
        CommentReply.objects.count(),
        CommentAgreement.objects.count(),
        CommentFlag.objects.count(),
    )
    stakeholder, editor = signed_in(room.school), signed_in(room.editor)
    responses = [
        stakeholder.post(f"{base}/replies/", {"text": "Still here?"}),
        stakeholder.post(f"{base}/agree/"),
        stakeholder.post(f"{base}/flag/", {"reason": "Still here?"}),
        report_reply(stakeholder, page, thread, reply_of(EDITOR_REPLY)),
        # Editors may reply in open threads and report; not in a hidden one (they never agree).
        editor.post(f"{base}/replies/", {"text": "Still here?"}),
        report_reply(editor, page, thread, reply_of(HER_REPLY)),
    ]
    for response in responses:
        assert response.status_code == 403
        assert "A moderator hid this comment" in response.content.decode()
    # Marco had agreed with it: the agreement is not taken back either.
    assert (
        CommentReply.objects.count(),
        CommentAgreement.objects.count(),
        CommentFlag.objects.count(),
    ) == before


def test_the_export_counts_a_reply_report_on_the_reply_and_says_it_was_hidden(room, page, thread):
    import csv
    import io

    reply = reply_of(HER_REPLY)
    report_reply(signed_in(room.school), page, thread, reply)
    signed_in(room.moderator).post(
        f"/admin/consultations/replies/{reply.pk}/hide/", {"reason": "Private arrangements."}
    )
    body = signed_in(room.editor).get(f"/admin/consultations/{page.pk}/comments.csv").content
    header, *lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    rows = {row[header.index("Text")]: row for row in lines}
    flags, hidden = header.index("Flags"), header.index("Hidden")
    assert (rows[HER_REPLY][flags], rows[HER_REPLY][hidden]) == ("1", "Private arrangements.")
    assert (
        rows[thread.wagtail_comment.text][flags],
        rows[thread.wagtail_comment.text][hidden],
    ) == ("0", "")


def test_a_hiding_reason_with_control_characters_is_refused_with_that_reason(room, page, thread):
    reply = reply_of(HER_REPLY)
    report_reply(signed_in(room.school), page, thread, reply)
    response = signed_in(room.moderator).post(
        f"/admin/consultations/replies/{reply.pk}/hide/",
        {"reason": "Private\x00arrangements."},
        follow=True,
    )
    assert any("invisible control characters" in m for m in messages_of(response))
    assert not StakeholderReply.objects.filter(reply=reply, hidden_at__isnull=False).exists()
    assert CommentFlag.objects.get(reply=reply).status == FlagStatus.WAITING
