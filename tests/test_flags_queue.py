"""The moderator's flags queue shows who wrote what, when, in which language and where."""

import pytest
from bs4 import BeautifulSoup
from django.utils import formats, timezone

from co_design.models import CommentFlag, FlagStatus

from .support.review_helpers import client_for

pytestmark = pytest.mark.django_db


def test_the_queue_shows_author_date_language_context_link_and_reasons():
    flag = CommentFlag.objects.select_related("comment__comment__user__profile", "user").get(
        status=FlagStatus.WAITING, reply__isnull=True
    )
    record = flag.comment
    author = record.comment.user
    response = client_for("moderator").get("/admin/consultations/flags/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Flagged comments"
    panel = soup.select_one("section.eccipa-flag")
    text = " ".join(panel.get_text().split())
    written = formats.date_format(timezone.localtime(record.comment.created_at), "DATETIME_FORMAT")
    assert f"Written by {author.get_full_name()} on {written}" in text
    assert f"Language: {author.profile.get_language_display()}" in text
    assert record.section_heading in text
    assert " ".join(record.comment.text.split()) in text
    assert flag.reason in text and flag.user.get_full_name() in text
    link = panel.find("a", string="See it in the room")
    assert (
        link["href"] == f"/en/consultations/{record.comment.page_id}/#comment-{record.comment_id}"
    )
    room = client_for("moderator").get(link["href"])
    assert room.status_code == 200
    assert f'id="comment-{record.comment_id}"' in room.content.decode()
