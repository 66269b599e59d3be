"""A translation filled from a PO catalogue of whole texts (msgid: the English segment as
wagtail-localize extracts it, msgstr: its translation), the way a partner's translator works:
download the PO file of the translation, fill it in, upload it again."""

import polib
from wagtail_localize.models import Translation, TranslationSource


def load(path):
    """{English segment: translation} of the catalogue at `path`; untranslated and fuzzy
    entries are left out, so those segments keep the source text."""
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def translation_of(instance, locale):
    """The wagtail-localize translation of `instance` into `locale`, created on first use from
    the instance as it is now (an existing source is not re-read: that is *Sync*'s job)."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation


def fill(translation, catalogue, user=None):
    """Fill the translation's segments from `catalogue` through wagtail-localize's own PO
    export and import; returns the import's warnings. A segment the catalogue lacks keeps any
    translation it has (none: the saved page shows the source text there)."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, entry.msgstr)
    return translation.import_po(po, user=user)
