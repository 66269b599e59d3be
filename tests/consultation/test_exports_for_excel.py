"""Exports a city office opens in Excel: XLSX with a working header, CSV for European Excel."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from wagtail.models import CommentReply
from wagtail.users.models import UserProfile

from co_design.choices import OrganisationType
from co_design.models import Decision, Profile, StakeholderComment

from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import post_comment, section_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    """A consultation with two comments of a migrant association, one answered by the editor
    and adopted in the revision under consultation; the editor's username is "editor"."""
    page, editor = open_consultation("Welcome", "Letters")
    editor.username = "editor"
    editor.save()
    author = person("stakeholder", page.territory, OrganisationType.MIGRANT_ASSOCIATION)
    Profile.objects.filter(user=author).update(organisation="Associazione Donne Migranti Lindenau")
    stakeholder = client_for(author.username)
    for section, text in zip(section_ids(page), ["Mentors, please.", "Letters too."], strict=True):
        post_comment(stakeholder, page, section=section, text=text)
    editor_client = client_for("editor")
    first = StakeholderComment.objects.get(
        wagtail_comment__page=page, wagtail_comment__text="Mentors, please."
    )
    editor_client.post(
        f"/en/consultations/{page.pk}/comments/{first.wagtail_comment_id}/replies/",
        {"text": "We will."},
    )
    assert CommentReply.objects.filter(comment__page=page).count() == 1
    editor_client.post(
        f"/admin/consultations/comments/{first.pk}/decision/",
        {
            f"c{first.pk}-decision": Decision.ADOPTED,
            f"c{first.pk}-reason": "Mentors start in June.",
            f"c{first.pk}-adopted_in": page.get_latest_revision().pk,
        },
    )
    first.refresh_from_db()
    assert first.adopted_in_id == page.get_latest_revision().pk
    return page


def export(page, file_format, client=None):
    response = (client or client_for("editor")).get(
        f"/admin/consultations/{page.pk}/comments.{file_format}"
    )
    assert response.status_code == 200
    return response


def test_the_xlsx_has_a_bold_frozen_filtered_header_and_real_dates(page):
    sheet = load_workbook(io.BytesIO(export(page, "xlsx").content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Type", "Id", "Reply to"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    written = header.index("Written") + 1
    dates = [sheet.cell(row=row, column=written) for row in range(2, sheet.max_row + 1)]
    assert dates and all(isinstance(cell.value, datetime) for cell in dates)
    assert all(cell.is_date for cell in dates)
    text = sheet.column_dimensions[chr(ord("A") + header.index("Text"))].width
    kind = sheet.column_dimensions["A"].width
    assert text >= 50 and 8 <= kind <= 15


def test_comment_and_reply_ids_are_distinct_and_revisions_are_named_by_date(page):
    sheet = load_workbook(io.BytesIO(export(page, "xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    ids = [row[header.index("Id")] for row in body]
    comments = StakeholderComment.objects.filter(wagtail_comment__page=page)
    replies = CommentReply.objects.filter(comment__page=page)
    assert sorted(ids) == sorted(
        [f"C{record.wagtail_comment_id}" for record in comments]
        + [f"R{reply.pk}" for reply in replies]
    )
    reply_rows = [row for row in body if row[header.index("Id")].startswith("R")]
    assert reply_rows and all(row[header.index("Reply to")].startswith("C") for row in reply_rows)
    adopted = [row[header.index("Adopted in revision")] for row in body]
    revision = next(record.adopted_in for record in comments if record.adopted_in_id)
    labelled = [value for value in adopted if value]
    assert labelled and all(value != revision.pk and " by " in value for value in labelled)


def test_headers_follow_the_editors_admin_language(page):
    UserProfile.objects.update_or_create(
        user=get_user_model().objects.get(username="editor"),
        defaults={"preferred_language": "it"},
    )
    editor = client_for("editor")
    sheet = load_workbook(io.BytesIO(export(page, "xlsx", editor).content)).active
    assert [cell.value for cell in sheet[1]][:4] == ["Tipo", "Id", "Risposta a", "Sezione"]


def test_the_csv_opens_in_german_italian_and_spanish_excel(page):
    body = export(page, "csv").content
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Type", "Id", "Reply to"]
    assert len({len(row) for row in rows}) == 1
    assert any("Associazione Donne Migranti Lindenau" in row for row in rows)
