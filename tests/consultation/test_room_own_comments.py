"""Stakeholders see their own comments marked as theirs, edit or withdraw them until the editors
decide, and every earlier text stays on record for the editors."""

import pytest
from django.utils import timezone, translation

from co_design.models import CommentEdit, CommentFlag, Decision, StakeholderComment

from ..support.room_helpers import editor_comments, post_comment, revise, section_ids, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(room):
    return room.page


@pytest.fixture
def author(room):
    return signed_in(room.school)


def commented(author, page, text="The desk needs an evening opening."):
    post_comment(author, page, section=section_ids(page)[0], text=text, quote="its procedures")
    return StakeholderComment.objects.get(wagtail_comment__text=text)


def room_html(client, page):
    return client.get(f"/en/consultations/{page.pk}/").content.decode()


def comment_html(html, record):
    start = html.index(f'id="comment-{record.wagtail_comment_id}"')
    return html[start : html.index("</li>\n", start)]


def test_own_comments_are_marked_and_offer_no_report_or_agreement(room, page, author):
    record = commented(author, page)
    mine = comment_html(room_html(author, page), record)
    assert "data-mine" in mine
    assert "Your comment" in mine
    assert "Report to a moderator" not in mine
    assert "I agree (+1)" not in mine
    assert "Edit your comment" in mine and "Withdraw your comment" in mine

    theirs = comment_html(room_html(signed_in(room.association), page), record)
    assert "data-mine" not in theirs and "Your comment" not in theirs
    assert "Report to a moderator" in theirs
    assert "Edit your comment" not in theirs


def test_a_comment_one_reported_says_so(room, page, author):
    record = commented(author, page)
    other = signed_in(room.association)
    response = other.post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/flag/",
        {"reason": "Off topic"},
    )
    assert response.status_code == 302
    assert CommentFlag.objects.filter(stakeholder_comment=record).count() == 1
    reported = comment_html(room_html(other, page), record)
    assert "You reported this comment to the moderators." in reported
    assert "Report to a moderator" not in reported


def test_the_author_edits_a_comment_and_the_earlier_text_is_kept(room, page, author):
    record = commented(author, page)
    response = author.post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/edit/",
        {"text": "The desk needs an evening opening twice a week."},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#comment-{record.wagtail_comment_id}")
    record.refresh_from_db()
    record.wagtail_comment.refresh_from_db()
    assert record.wagtail_comment.text == "The desk needs an evening opening twice a week."
    [edit] = CommentEdit.objects.filter(stakeholder_comment=record)
    assert (edit.kind, edit.text, edit.quote) == (
        "edited",
        "The desk needs an evening opening.",
        "its procedures",
    )
    # Editors read the new text in the page editor, and see in the room that it was edited.
    editor = signed_in(room.editor)
    assert "The desk needs an evening opening twice a week." in [
        c["text"] for c in editor_comments(editor, page)
    ]
    seen_by_editor = comment_html(room_html(editor, page), record)
    assert "Edited" in seen_by_editor and "Earlier version (1)" in seen_by_editor
    assert "The desk needs an evening opening.</p>" in seen_by_editor
    # Others see that it was edited, not the earlier text.
    seen_by_other = comment_html(room_html(signed_in(room.association), page), record)
    assert "Edited" in seen_by_other and "Earlier version" not in seen_by_other


def test_the_author_withdraws_a_comment_others_no_longer_read_it_editors_still_do(
    room, page, author
):
    record = commented(author, page)
    response = author.post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/withdraw/"
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    assert record.wagtail_comment.text == "The desk needs an evening opening."  # kept on record
    assert CommentEdit.objects.get(stakeholder_comment=record).kind == "withdrawn"
    seen_by_author = comment_html(room_html(author, page), record)
    assert "You withdrew this comment; only you and the editors still read it." in seen_by_author
    assert "The desk needs an evening opening." in seen_by_author
    assert "Edit your comment" not in seen_by_author

    seen_by_other = comment_html(room_html(signed_in(room.association), page), record)
    assert "Withdrawn by its author." in seen_by_other
    assert "The desk needs an evening opening." not in seen_by_other
    assert "Reply" not in seen_by_other
    seen_by_editor = comment_html(room_html(signed_in(room.editor), page), record)
    assert "Withdrawn by its author." in seen_by_editor
    assert "The desk needs an evening opening." in seen_by_editor
    assert (
        not StakeholderComment.objects.filter(pk=record.pk)
        .publicly_shown(now=timezone.now() + timezone.timedelta(days=400))
        .exists()
    )


def test_nobody_else_may_edit_or_withdraw_a_comment(room, page, author):
    record = commented(author, page)
    other = signed_in(room.association)
    for action, data in (("edit", {"text": "Hijacked."}), ("withdraw", {})):
        response = other.post(
            f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/{action}/", data
        )
        assert response.status_code == 403
        assert "Only the person who wrote a comment can change it." in response.content.decode()
    record.refresh_from_db()
    assert record.wagtail_comment.text == "The desk needs an evening opening."
    assert record.withdrawn_at is None
    assert not CommentEdit.objects.exists()


def test_once_the_editors_decided_the_comment_stays_as_it_is_and_the_refusal_is_translated(
    page, author
):
    record = commented(author, page)
    StakeholderComment.objects.filter(pk=record.pk).update(decision=Decision.NOTED)
    assert "Edit your comment" not in comment_html(room_html(author, page), record)
    response = author.post(
        f"/it/consultations/{page.pk}/comments/{record.wagtail_comment_id}/edit/",
        {"text": "Changed."},
    )
    assert response.status_code == 400
    with translation.override("it"):
        expected = translation.gettext(
            "The editors have already decided on this comment; it can no longer be changed."
        )
    assert expected.startswith("La redazione ha già deciso")
    assert expected in response.content.decode()
    record.wagtail_comment.refresh_from_db()
    assert record.wagtail_comment.text == "The desk needs an evening opening."
    assert not CommentEdit.objects.exists()


def test_the_language_switcher_keeps_the_room(page, author):
    from bs4 import BeautifulSoup

    html = author.get(f"/it/consultations/{page.pk}/").content.decode()
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="language-nav")
    links = {a["hreflang"]: a["href"] for a in nav.find_all("a")}
    assert links["en"] == f"/en/consultations/{page.pk}/"
    assert links["de"] == f"/de/consultations/{page.pk}/"


def test_editors_see_in_the_admin_that_a_comment_was_edited_or_withdrawn(room, page, author):
    edited = commented(author, page, text="First wording.")
    author.post(
        f"/en/consultations/{page.pk}/comments/{edited.wagtail_comment_id}/edit/",
        {"text": "Second wording."},
    )
    withdrawn = commented(author, page, text="Taken back later.")
    author.post(f"/en/consultations/{page.pk}/comments/{withdrawn.wagtail_comment_id}/withdraw/")

    html = signed_in(room.editor).get(f"/admin/consultations/{page.pk}/comments/").content.decode()
    edited_panel = html[html.index(f'id="c{edited.pk}"') :][:3000]
    assert "Second wording." in edited_panel
    assert "<strong>Edited</strong>" in edited_panel
    assert "First wording." in edited_panel  # the earlier text, kept
    withdrawn_panel = html[html.index(f'id="c{withdrawn.pk}"') :][:3000]
    assert "Taken back later." in withdrawn_panel
    assert "<strong>withdrawn by its author</strong>" in withdrawn_panel


def test_a_section_says_once_what_changed_since_the_person_last_commented_on_it(room, page, author):
    commented(author, page, text="First thought on the desk.")
    commented(author, page, text="Second thought on the desk.")
    revise(
        page,
        "Each service writes down its procedures with migrant associations.",
        username=room.editor.username,
    )

    html = room_html(author, page)
    assert html.count("What changed since you commented") == 1
    first = html[html.index(f'id="section-{section_ids(page)[0]}"') :]
    change = first[: first.index("</details>")]
    assert "compared with the text you commented on" in change
    assert "<ins>" in change and "migrant associations." in change and "<del>" in change
    # Both comments still say, each, that the section changed since.
    assert html.count("Changed since this comment") >= 2

    # Somebody who did not comment on it is told nothing of the kind.
    other = room_html(signed_in(room.ngo), page)
    assert "First thought on the desk." in other
    assert "What changed since you commented" not in other

    # Commenting again on the new text: nothing changed since.
    commented(author, page, text="Third thought, on the new text.")
    assert "What changed since you commented" not in room_html(author, page)
