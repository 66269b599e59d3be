"""The moderator's flags queue shows who wrote what, when, in which language and where."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import formats, timezone
from wagtail.models import Comment

from co_design.choices import Language, OrganisationType
from co_design.models import CommentFlag, FlagStatus, StakeholderComment

from ..support.consultation_room import consultation_room
from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import comment_data, post_comment, section_ids, signed_in

pytestmark = pytest.mark.django_db


def test_the_queue_shows_author_date_language_context_link_and_reasons():
    page, _ = open_consultation("Knowledge that stays")
    author = person(
        "stakeholder", page.territory, OrganisationType.NGO, first_name="Nadia", last_name="Amari"
    )
    author.profile.language = Language.ITALIAN
    author.profile.save()
    reporter = person("stakeholder", page.territory, first_name="Rosa", last_name="Bianchi")
    moderator = person("moderator", first_name="Mona", last_name="Moderator")
    sent = post_comment(
        client_for(author.username),
        page,
        section=section_ids(page)[0],
        text="The desk in Via Roma is badly run.",
    )
    assert sent.status_code == 302
    client_for(reporter.username).post(
        reverse("consultation_flag", args=[page.pk, Comment.objects.get(page=page).pk]),
        {"reason": "It names a person; please check."},
    )

    flag = CommentFlag.objects.select_related(
        "stakeholder_comment__wagtail_comment__user__profile", "user"
    ).get(
        status=FlagStatus.WAITING,
        reply__isnull=True,
        stakeholder_comment__wagtail_comment__page=page,
    )
    record = flag.stakeholder_comment
    assert record.wagtail_comment.user == author and flag.user == reporter
    response = client_for(moderator.username).get("/admin/consultations/flags/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Flagged comments"
    panel = next(
        section
        for section in soup.select("section.eccipa-flag")
        if f"#comment-{record.wagtail_comment_id}" in str(section)
    )
    text = " ".join(panel.get_text().split())
    written = formats.date_format(
        timezone.localtime(record.wagtail_comment.created_at), "DATETIME_FORMAT"
    )
    assert f"Written by Nadia Amari on {written}" in text
    assert record.language == "en"  # posted in the English room, whatever her profile says
    assert "Written in English" in text
    assert "Knowledge that stays" in text
    assert "The desk in Via Roma is badly run." in text
    assert "It names a person; please check." in text and "Rosa Bianchi" in text
    link = panel.find("a", string="See it in the room")
    assert (
        link["href"] == f"/en/consultations/{record.wagtail_comment.page_id}/"
        f"#comment-{record.wagtail_comment_id}"
    )
    room = client_for(moderator.username).get(link["href"])
    assert room.status_code == 200
    assert f'id="comment-{record.wagtail_comment_id}"' in room.content.decode()


def test_the_queue_gives_the_language_a_comment_was_written_in_not_the_authors_profile():
    room = consultation_room(comments=False)
    page = room.page
    author = signed_in(room.school)
    response = author.post(
        f"/it/consultations/{page.pk}/comments/",
        comment_data(section_ids(page)[0], "Lo sportello serve anche di sera."),
    )
    assert response.status_code == 302
    record = StakeholderComment.objects.get(
        wagtail_comment__text="Lo sportello serve anche di sera."
    )
    assert record.language == "it"
    signed_in(room.association).post(
        f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/flag/",
        {"reason": "Unclear"},
    )
    html = signed_in(room.moderator).get("/admin/consultations/flags/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    panel = next(
        section
        for section in soup.select("section.eccipa-flag")
        if "Lo sportello serve anche di sera." in section.get_text()
    )
    assert "Written in Italian" in " ".join(panel.get_text().split())
