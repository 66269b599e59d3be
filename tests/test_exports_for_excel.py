"""Exports a city office opens in Excel: XLSX with a working header, CSV for European Excel."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from wagtail.models import CommentReply
from wagtail.users.models import UserProfile

from co_design.models import StakeholderComment

from .support.review_helpers import client_for
from .support.room_helpers import valdoria

pytestmark = pytest.mark.django_db


def export(file_format, client=None):
    page = valdoria()
    response = (client or client_for("editor-it")).get(
        f"/admin/consultations/{page.pk}/comments.{file_format}"
    )
    assert response.status_code == 200
    return response


def test_the_xlsx_has_a_bold_frozen_filtered_header_and_real_dates():
    sheet = load_workbook(io.BytesIO(export("xlsx").content)).active
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


def test_comment_and_reply_ids_are_distinct_and_revisions_are_named_by_date():
    sheet = load_workbook(io.BytesIO(export("xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    ids = [row[header.index("Id")] for row in body]
    page = valdoria()
    comments = StakeholderComment.objects.filter(comment__page=page)
    replies = CommentReply.objects.filter(comment__page=page)
    assert sorted(ids) == sorted(
        [f"C{record.comment_id}" for record in comments] + [f"R{reply.pk}" for reply in replies]
    )
    reply_rows = [row for row in body if row[header.index("Id")].startswith("R")]
    assert reply_rows and all(row[header.index("Reply to")].startswith("C") for row in reply_rows)
    adopted = [row[header.index("Adopted in revision")] for row in body]
    revision = next(record.adopted_in for record in comments if record.adopted_in_id)
    labelled = [value for value in adopted if value]
    assert labelled and all(value != revision.pk and " by " in value for value in labelled)


def test_headers_follow_the_editors_admin_language():
    UserProfile.objects.update_or_create(
        user=get_user_model().objects.get(username="editor-it"),
        defaults={"preferred_language": "it"},
    )
    editor = client_for("editor-it")
    sheet = load_workbook(io.BytesIO(export("xlsx", editor).content)).active
    assert [cell.value for cell in sheet[1]][:4] == ["Tipo", "Id", "Risposta a", "Sezione"]


def test_the_csv_opens_in_german_italian_and_spanish_excel():
    body = export("csv").content
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Type", "Id", "Reply to"]
    assert len({len(row) for row in rows}) == 1
    assert any("Associazione Donne Migranti Valdoria" in row for row in rows)
