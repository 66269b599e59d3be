"""The moderator's flags queue shows who wrote what, when, in which language and where."""

import pytest
from bs4 import BeautifulSoup
from django.utils import formats, timezone

from co_design.models import CommentFlag, FlagStatus, StakeholderComment

from .review_helpers import client_for
from .room_helpers import comment_data, section_ids, valdoria

pytestmark = pytest.mark.django_db


def test_the_queue_shows_author_date_language_context_link_and_reasons():
    flag = CommentFlag.objects.select_related(
        "stakeholder_comment__wagtail_comment__user__profile", "user"
    ).get(status=FlagStatus.WAITING, reply__isnull=True)
    record = flag.stakeholder_comment
    author = record.wagtail_comment.user
    response = client_for("moderator").get("/admin/consultations/flags/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Flagged comments"
    panel = soup.select_one("section.eccipa-flag")
    text = " ".join(panel.get_text().split())
    written = formats.date_format(
        timezone.localtime(record.wagtail_comment.created_at), "DATETIME_FORMAT"
    )
    assert f"Written by {author.get_full_name()} on {written}" in text
    assert record.language == "en"  # the demo writes its comments in the English room
    assert "Written in English" in text
    assert record.section_heading in text
    assert " ".join(record.wagtail_comment.text.split()) in text
    assert flag.reason in text and flag.user.get_full_name() in text
    link = panel.find("a", string="See it in the room")
    assert (
        link["href"] == f"/en/consultations/{record.wagtail_comment.page_id}/"
        f"#comment-{record.wagtail_comment_id}"
    )
    room = client_for("moderator").get(link["href"])
    assert room.status_code == 200
    assert f'id="comment-{record.wagtail_comment_id}"' in room.content.decode()


def test_the_queue_gives_the_language_a_comment_was_written_in_not_the_authors_profile():
    page = valdoria()
    author = client_for("stakeholder-school-it")
    response = author.post(
        f"/it/consultations/{page.pk}/comments/",
        comment_data(section_ids(page)[0], "Lo sportello serve anche di sera."),
    )
    assert response.status_code == 302
    record = StakeholderComment.objects.get(
        wagtail_comment__text="Lo sportello serve anche di sera."
    )
    assert record.language == "it"
    client_for("stakeholder-association").post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/flag/",
        {"reason": "Unclear"},
    )
    html = client_for("moderator").get("/admin/consultations/flags/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    panel = next(
        section
        for section in soup.select("section.eccipa-flag")
        if "Lo sportello serve anche di sera." in section.get_text()
    )
    assert "Written in Italian" in " ".join(panel.get_text().split())
