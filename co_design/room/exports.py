"""Every comment and reply of a draft, as CSV or XLSX, for the editors' own analysis."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from ..models import StakeholderComment
from ..text import xml_safe
from .sections import sections_of


def headers():
    return [
        _("Type"),
        _("Comment id"),
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
    records = (
        StakeholderComment.objects.filter(comment__page_id=page.pk)
        .for_room()
        .prefetch_related("flags")
    )
    for record in records:
        comment = record.comment
        section = sections.get(record.section_id)
        status = (
            _("removed")
            if section is None
            else _("changed")
            if section.text != record.section_text
            else _("unchanged")
        )
        yield [
            _("comment"),
            comment.pk,
            "",
            record.section_heading,
            record.section_id,
            status,
            comment.created_at.isoformat(timespec="seconds"),
            comment.user.get_full_name() or comment.user.username,
            record.organisation,
            record.get_organisation_type_display(),
            record.quote,
            comment.text,
            record.agreement_count,
            sum(1 for flag in record.flags.all() if flag.reply_id is None),
            record.hidden_reason if record.is_hidden else "",
            record.get_decision_display(),
            record.decision_reason,
            record.adopted_in_id or "",
        ]
        for reply in comment.replies.all():
            profile = getattr(reply.user, "profile", None)
            yield [
                _("reply"),
                reply.pk,
                comment.pk,
                record.section_heading,
                record.section_id,
                status,
                reply.created_at.isoformat(timespec="seconds"),
                reply.user.get_full_name() or reply.user.username,
                profile.organisation if profile else "",
                profile.get_organisation_type_display() if profile else "",
                "",
                reply.text,
                "",
                sum(1 for flag in record.flags.all() if flag.reply_id == reply.pk),
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


def as_csv(page):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows(page):
        writer.writerow([inert(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # the BOM makes spreadsheet programs read UTF-8


def as_xlsx(page):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comments")[:31]
    sheet.append(headers())
    for row in rows(page):
        sheet.append([inert(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
