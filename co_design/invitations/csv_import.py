"""Inviting stakeholders in bulk from a CSV file.

Columns: name, email, organisation, organisation_type, territory, language (a header line, in
any order and case). Territories by slug or name, organisation types and languages by code or
label.

All or nothing: every line is checked first. If any line has a problem, nobody is invited and
each bad line is reported with its number and reasons. Otherwise everyone is invited in one
transaction and the e-mails leave once it commits. An address that already has an account or an
open invitation is skipped and reported, not invited twice.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import get_language_info, gettext_lazy, override
from django.utils.translation import gettext as _

from co_design.access.invitations import can_invite
from co_design.access.verdicts import Refused
from co_design.choices import Language, OrganisationType
from co_design.invitations.services import Invitee, first_invitation, invite
from co_design.territories import Territory
from co_design.text import has_control_characters

COLUMNS = ["name", "email", "organisation", "organisation_type", "territory", "language"]
LABELS = {
    "name": gettext_lazy("name"),
    "email": gettext_lazy("e-mail address"),
    "organisation": gettext_lazy("organisation"),
    "organisation_type": gettext_lazy("organisation type"),
    "territory": gettext_lazy("territory"),
    "language": gettext_lazy("language"),
}
# An organisation may be left empty (role models speak for themselves); the language then
# defaults to the territory's.
REQUIRED = ["name", "email", "organisation_type", "territory"]
ALIASES = {
    "e_mail": "email",
    "organization": "organisation",
    "organization_type": "organisation_type",
}
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
MAX_LENGTHS = {"name": 150, "email": 254, "organisation": 200}


# A file that cannot be read as a whole is refused (Refused, status 400): nothing is imported.
BAD_FILE = 400


@dataclass
class Row:
    line: int
    values: dict
    problems: list = field(default_factory=list)
    skipped: str = ""
    invitee: object = None
    invitation: object = None

    @property
    def label(self):
        return self.values.get("email") or self.values.get("name") or ""


@dataclass
class ImportReport:
    rows: list

    @property
    def invited(self):
        return [row for row in self.rows if row.invitation]

    @property
    def refused(self):
        return [row for row in self.rows if row.problems]

    @property
    def skipped(self):
        return [row for row in self.rows if row.skipped]


def read_text(uploaded):
    """The file's text: UTF-8, with or without a byte order mark, within the size limit."""
    if uploaded.size > MAX_BYTES:
        raise Refused(
            _("The file is larger than %(size)s KB; please split it.")
            % {"size": MAX_BYTES // 1024},
            status=BAD_FILE,
        )
    try:
        return uploaded.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(
            _(
                "The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and "
                "upload it again."
            ),
            status=BAD_FILE,
        ) from None


def parse(text):
    """The data rows, each with its line number; problems with the file raise Refused."""
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise Refused(
            _("The file is empty: it needs a header line and one line per person."), status=BAD_FILE
        )
    try:
        # Spreadsheets in Germany, Italy and Spain save CSV with semicolons.
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [normalise_column(name) for name in next(reader)]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise Refused(
                _("The header line lacks the column(s) %(missing)s. Expected: %(expected)s.")
                % {"missing": ", ".join(missing), "expected": ",".join(COLUMNS)},
                status=BAD_FILE,
            )
        rows, last_line = [], reader.line_num
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(read_row(line, header, cells))
            if len(rows) > MAX_ROWS:
                raise Refused(
                    _("The file has more than %(rows)s people; please split it.")
                    % {"rows": MAX_ROWS},
                    status=BAD_FILE,
                )
    except csv.Error as error:
        raise Refused(
            _("Line %(line)s cannot be read as CSV (%(error)s).")
            % {"line": reader.line_num, "error": error},
            status=BAD_FILE,
        ) from None
    if not rows:
        raise Refused(_("The file has a header line but nobody to invite."), status=BAD_FILE)
    return rows


def read_row(line, header, cells):
    cells = [cell.strip() for cell in cells]
    values = dict(zip(header, cells, strict=False))
    row = Row(line=line, values={column: values.get(column, "") for column in COLUMNS})
    if len(cells) > len(header):
        row.problems.append(
            _(
                "This line has %(cells)s values where the header has %(columns)s columns: put "
                "values that contain a comma or semicolon in double quotes."
            )
            % {"cells": len(cells), "columns": len(header)}
        )
    return row


def normalise_column(name):
    name = name.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIASES.get(name, name)


class Vocabulary:
    """What a cell may say for a territory, an organisation type or a language."""

    def __init__(self):
        self.territories = {}
        for territory in Territory.objects.all():
            self.territories[territory.slug.lower()] = territory
            self.territories[territory.name.lower()] = territory
        self.organisation_types = self.codes_and_labels(OrganisationType)
        self.languages = self.codes_and_labels(Language)
        for code in Language.values:
            self.languages[get_language_info(code)["name_local"].lower()] = code

    @staticmethod
    def codes_and_labels(choices):
        """Codes, English labels and labels in the editor's language."""
        known = {code.lower(): code for code in choices.values}
        known.update({str(label).lower(): code for code, label in choices.choices})
        with override("en"):
            known.update({str(label).lower(): code for code, label in choices.choices})
        return known


def check(row, vocabulary, seen):
    """Fill row.problems with every reason the row cannot be imported; return its Invitee."""
    values = row.values
    spoilt = [
        str(LABELS[column]) for column in COLUMNS if has_control_characters(values[column], False)
    ]
    if spoilt:
        row.problems.append(
            _(
                "Invisible control characters (such as NUL or a line break) in the %(fields)s: "
                "remove them and save the file again."
            )
            % {"fields": ", ".join(spoilt)}
        )
    missing = [str(LABELS[column]) for column in REQUIRED if not values[column]]
    if missing:
        row.problems.append(_("Missing %(fields)s.") % {"fields": ", ".join(missing)})
    for column, limit in MAX_LENGTHS.items():
        if len(values[column]) > limit:
            row.problems.append(
                _("Too long: the %(field)s has more than %(limit)s characters.")
                % {"field": LABELS[column], "limit": limit}
            )
    email = values["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            row.problems.append(_("Invalid e-mail address “%(email)s”.") % {"email": email})
        else:
            earlier = seen.setdefault(email.lower(), row.line)
            if earlier != row.line:
                row.problems.append(
                    _("Duplicate in the file: line %(line)s has the same e-mail address.")
                    % {"line": earlier}
                )
    territory = vocabulary.territories.get(values["territory"].lower())
    if values["territory"] and territory is None:
        row.problems.append(
            _("Unknown territory “%(value)s”. Known: %(known)s.")
            % {
                "value": values["territory"],
                "known": ", ".join(sorted({t.name for t in vocabulary.territories.values()})),
            }
        )
    organisation_type = vocabulary.organisation_types.get(values["organisation_type"].lower(), "")
    if values["organisation_type"] and not organisation_type:
        row.problems.append(
            _("Unknown organisation type “%(value)s”. Known: %(known)s.")
            % {"value": values["organisation_type"], "known": ", ".join(OrganisationType.values)}
        )
    language = vocabulary.languages.get(values["language"].lower(), "")
    if values["language"] and not language:
        row.problems.append(
            _("Unknown language “%(value)s”. Known: %(known)s.")
            % {"value": values["language"], "known": ", ".join(Language.values)}
        )
    return Invitee(
        name=values["name"],
        email=email,
        territory=territory,
        organisation=values["organisation"],
        organisation_type=organisation_type,
        language=language,
    )


def import_invitations(inviter, text):
    """Invite everyone of the CSV `text` if every line is good; otherwise nobody. Lines whose
    address already has an account or an open invitation are skipped and reported."""
    rows = parse(text)
    vocabulary, seen = Vocabulary(), {}
    for row in rows:
        invitee = check(row, vocabulary, seen)
        if row.problems:
            continue
        verdict = can_invite(inviter, invitee.territory)
        if not verdict:
            row.problems.append(verdict.reason)
            continue
        row.skipped = first_invitation(invitee.email).reason
        row.invitee = invitee
    report = ImportReport(rows)
    if report.refused:
        return report
    with transaction.atomic():
        for row in rows:
            if row.skipped:
                continue
            try:
                row.invitation = invite(inviter, row.invitee)
            except Refused as refusal:
                # Invited or registered a moment ago, by someone else.
                row.skipped = refusal.message
    return report
