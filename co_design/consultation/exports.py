"""Every comment and reply of a draft, as CSV or XLSX, for the editors' own analysis."""

import csv
import io
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from co_design.consultation.forms import revision_label
from co_design.consultation.models import StakeholderComment
from co_design.consultation.sections import sections_of
from co_design.text import xml_safe


def local(moment):
    """A date and time as the editor reads it: in their time zone, without the offset (a
    spreadsheet cell holds no time zone)."""
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


def headers():
    return [
        _("Type"),
        _("Id"),
        _("Reply to"),
        _("Section"),
        _("Section id"),
        _("Section status"),
        _("Written"),
        _("Author"),
        _("Organisation"),
        _("Organisation type"),
        _("Quoted passage"),
        _("Text"),
        _("Language"),
        _("Agreements"),
        _("Flags"),
        _("Hidden"),
        _("Decision"),
        _("Reason"),
        _("Adopted in revision"),
    ]


def rows(page):
    """One row per comment, then one per reply to it."""
    draft = page.get_latest_revision_as_object()
    sections = sections_of(draft)
    stakeholder_comments = (
        StakeholderComment.objects.filter(wagtail_comment__page_id=page.pk)
        .for_room()
        .select_related("adopted_in__user")
        .prefetch_related("flags")
    )
    for stakeholder_comment in stakeholder_comments:
        comment = stakeholder_comment.wagtail_comment
        section = sections.get(stakeholder_comment.section_id)
        status = (
            _("removed")
            if section is None
            else _("changed")
            if section.text != stakeholder_comment.section_text
            else _("unchanged")
        )
        yield [
            _("comment"),
            f"C{comment.pk}",
            "",
            stakeholder_comment.section_heading,
            stakeholder_comment.section_id,
            status,
            local(comment.created_at),
            comment.user.get_full_name() or comment.user.username,
            stakeholder_comment.organisation,
            stakeholder_comment.get_organisation_type_display(),
            stakeholder_comment.quote,
            comment.text,
            # The language of the room it was written in (replies record none).
            stakeholder_comment.get_language_display(),
            stakeholder_comment.agreement_count,
            sum(1 for flag in stakeholder_comment.flags.all() if flag.reply_id is None),
            stakeholder_comment.hidden_reason if stakeholder_comment.is_hidden else "",
            stakeholder_comment.get_decision_display(),
            stakeholder_comment.decision_reason,
            revision_label(stakeholder_comment.adopted_in)
            if stakeholder_comment.adopted_in_id
            else "",
        ]
        for reply in comment.replies.all():
            profile = getattr(reply.user, "profile", None)
            yield [
                _("reply"),
                f"R{reply.pk}",
                f"C{comment.pk}",
                stakeholder_comment.section_heading,
                stakeholder_comment.section_id,
                status,
                local(reply.created_at),
                reply.user.get_full_name() or reply.user.username,
                profile.organisation if profile else "",
                profile.get_organisation_type_display() if profile else "",
                "",
                reply.text,
                "",
                "",
                sum(1 for flag in stakeholder_comment.flags.all() if flag.reply_id == reply.pk),
                reply.hidden_reason if reply.hidden_at else "",
                "",
                "",
                "",
            ]


def inert(value):
    """A cell as a spreadsheet can hold it and keeps it text: characters XML forbids (stored
    before the forms refused them, or written in the page editor) are dropped, and text that
    starts with = + - @ (which spreadsheets run as a formula) gets a leading apostrophe."""
    value = xml_safe(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_value(value):
    if isinstance(value, datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    return inert(value)


def as_csv(page):
    """Semicolon-separated with a UTF-8 byte order mark: what Excel set to German, Italian or
    Spanish opens by a double click, accents and all."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers())
    for row in rows(page):
        writer.writerow([csv_value(value) for value in row])
    return "\ufeff" + buffer.getvalue()


WIDTHS = {"narrow": 10, "medium": 18, "wide": 28, "text": 60}
# Column widths (in characters), in the order of headers().
COLUMN_WIDTHS = [
    "narrow", "narrow", "narrow", "wide", "narrow", "narrow", "medium", "medium", "wide",
    "medium", "wide", "text", "narrow", "narrow", "narrow", "wide", "medium", "text", "wide",
]  # fmt: skip


def as_xlsx(page):
    """A sheet a city office can work with: bold frozen header with filters, readable column
    widths, dates as date cells and long text wrapped."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comments")[:31]
    sheet.append(headers())
    for row in rows(page):
        sheet.append([inert(value) for value in row])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for index, kind in enumerate(COLUMN_WIDTHS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS[kind]
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
