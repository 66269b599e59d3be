"""Compile locale/*/LC_MESSAGES/*.po into .mo files with polib (pure Python: GNU gettext's msgfmt is
not needed). The .mo files are build output and are not committed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the project's .po catalogues to .mo (no GNU gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                broken = [
                    entry.msgid
                    for entry in catalogue.translated_entries()
                    if not entry.obsolete
                    and "fuzzy" not in entry.flags
                    and not _same_placeholders(entry)
                ]
                if broken:
                    raise CommandError(f"{po_path}: placeholders differ in {broken[:3]}")
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{po_path}: {catalogue.percent_translated()} % translated")
        if options["verbosity"]:
            self.stdout.write(f"Compiled {compiled} catalogue(s).")


def _placeholders(text):
    import re

    return sorted(re.findall(r"%\(\w+\)[sd]|\{\{[^}]*\}\}", text))


def _same_placeholders(entry):
    if entry.msgid_plural:
        expected = _placeholders(entry.msgid_plural)
        return all(
            _placeholders(text) == expected or not text for text in entry.msgstr_plural.values()
        )
    return _placeholders(entry.msgstr) == _placeholders(entry.msgid)
