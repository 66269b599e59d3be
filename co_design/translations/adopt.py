"""Translations made before wagtail-localize (copy_for_translation, then edited by hand) taken
into it, so that its editor, *Sync translated pages* and the out-of-date notice know them.

Each translated page keeps its text: its segments are read back as the translation of the
source's segments with the same path (block ids are shared), through wagtail-localize's own PO
import, as a translator's upload would be. Nothing is saved to the page itself; a later sync
rebuilds it from these segments."""

from collections import defaultdict

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from co_design.translations import catalogue


def string_segments(instance):
    """{path: [text, …]} of the instance's translatable strings, in order."""
    found = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            found[segment.path].append(segment.string.data)
    return found


def adoptable(pages=None):
    """Translated pages (not aliases) whose source, in the default language, wagtail-localize
    does not know as translated into their language yet."""
    default = Locale.get_default()
    pages = (pages or Page.objects.all()).exclude(locale=default).filter(alias_of__isnull=True)
    known = set(Translation.objects.values_list("source__object_id", "target_locale_id"))
    sources = set(
        Page.objects.filter(
            locale=default, translation_key__in=pages.values("translation_key")
        ).values_list("translation_key", flat=True)
    )
    return [
        page
        for page in pages.order_by("path")
        if page.translation_key in sources and (page.translation_key, page.locale_id) not in known
    ]


def adopt(page, user=None):
    """Take the translated `page` into wagtail-localize; returns (segments read, segments
    left to translate: where the page's structure no longer matches its source's)."""
    source = page.get_translation(Locale.get_default()).specific
    translation = catalogue.translation_of(source, page.locale)
    written = string_segments(page.specific.get_latest_revision_as_object())
    original = string_segments(source)
    texts = {}
    for path, source_texts in original.items():
        translated = written.get(path, [])
        if len(translated) == len(source_texts):
            texts.update(
                {(path, text): mine for text, mine in zip(source_texts, translated, strict=True)}
            )
    po = translation.export_po()
    filled = 0
    for entry in po:
        mine = texts.get((entry.msgctxt, entry.msgid))
        if mine is not None:
            entry.msgstr = mine
            filled += 1
    translation.import_po(po, user=user)
    return filled, len(po) - filled
