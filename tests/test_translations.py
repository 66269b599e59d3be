"""The interface catalogues (locale/*/LC_MESSAGES/django.po) are complete and current."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["de", "it", "es"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    po = catalogue(language)
    assert not po.untranslated_entries()
    assert not po.fuzzy_entries()
    assert po.percent_translated() == 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            expected = sorted(PLACEHOLDER.findall(entry.msgid_plural))
            for text in entry.msgstr_plural.values():
                assert sorted(PLACEHOLDER.findall(text)) == expected, entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


@pytest.mark.parametrize(
    "language,expected", [("de", "Suche"), ("it", "Cerca"), ("es", "Buscar"), ("en", "Search")]
)
def test_compiled_catalogues_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Search") == expected


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
def test_po_files_are_up_to_date(monkeypatch):
    """Extract the strings again into a scratch folder: the catalogue has the same msgids."""
    monkeypatch.chdir(settings.BASE_DIR)
    # makemessages writes to the first LOCALE_PATHS entry whose parent holds the sources.
    scratch = Path(settings.BASE_DIR) / ".locale-check"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        with override_settings(LOCALE_PATHS=[scratch]):
            call_command(
                "makemessages",
                locale=["de"],
                ignore_patterns=[".*", "tests", "bench", "static", "media", "locale"],
                verbosity=0,
            )
        fresh = polib.pofile(str(scratch / "de" / "LC_MESSAGES" / "django.po"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    committed = catalogue("de")
    missing = {e.msgid for e in fresh} - {e.msgid for e in committed}
    stale = {e.msgid for e in committed if not e.obsolete} - {e.msgid for e in fresh}
    assert not missing, f"run `make messages` and translate: {sorted(missing)[:5]}"
    assert not stale, f"run `make messages`: {sorted(stale)[:5]}"
