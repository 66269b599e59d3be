"""What text people send may contain, decided in one place.

People paste from word processors, PDFs and spreadsheets; some of that carries invisible control
characters. PostgreSQL cannot store NUL, spreadsheets (XML 1.0) cannot hold most C0 characters,
and none of them means anything to a reader. So free text is refused with a clear message when it
has any, line breaks and tabs excepted where the text may have several lines; search removes
them; exports drop what XML forbids from text stored before these rules.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

# C0 and C1 controls, DEL, lone surrogates and the two non-characters U+FFFE / U+FFFF.
_OTHER = "\x7f-\x9f\ud800-\udfff\ufffe\uffff"
CONTROL_IN_LINE = re.compile(f"[\x00-\x1f{_OTHER}]")
# Several lines: tab, line feed and carriage return (browsers send CR LF) are text.
CONTROL_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHER}]")
# What XML 1.0 (and so an XLSX cell) cannot hold at all.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

CONTROL_CHARACTERS_MESSAGE = _(
    "This contains invisible control characters (such as NUL), perhaps copied from another "
    "program. Please remove them, or type the text again."
)


def has_control_characters(value, multiline=True):
    return bool((CONTROL_IN_TEXT if multiline else CONTROL_IN_LINE).search(value or ""))


def validate_text(value):
    """Free text of several lines (comments, replies, reasons)."""
    if has_control_characters(value, multiline=True):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


def validate_line(value):
    """A single line (names, organisations): no line breaks or tabs either."""
    if has_control_characters(value, multiline=False):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


def without_control_characters(value):
    """The text with every control character (line breaks and tabs too) turned into a space."""
    return CONTROL_IN_LINE.sub(" ", value)


def xml_safe(value):
    """Stored text as a spreadsheet cell can hold it: what XML forbids is dropped."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


class PlainTextField(forms.CharField):
    """A CharField for what people type: control characters are refused with one clear message
    (Django's own NUL check would add a second one)."""

    def __init__(self, *, multiline=False, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            validate_text if multiline else validate_line,
            *(v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)),
        ]
