"""Comments across languages: the room of a translation is its source's room.

A translation (copy_for_translation) keeps its source's block ids, so a comment written in the
Italian room anchors to the same section of the English source: it is stored on the source page,
with the source's contentpath, under the source's consultation and rules; the editors see it in
the source page's comment sidebar, and every language's room shows it with its language marked."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from co_design.access import lookups
from co_design.consultation.sections import sections_of


def consulted_page(page):
    """The page whose consultation the room of `page` holds: for a translation, its source (the
    page of the same translation key in the default locale) when the source was put to
    consultation; otherwise `page` itself."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translation_or_none(default)
    if source is None:
        return page
    source = source.specific
    return source if lookups.latest_consultation(source) is not None else page


def shown_sections(reading, page, sections, draft):
    """What the room of `reading` shows for each section of `page`'s draft (`sections`, in
    order): the translation's own section where it has one with the same block id, else the
    source's. Returns ({block id: section shown}, the draft whose title and summary are shown)."""
    if reading.pk == page.pk:
        return sections, draft
    translated_draft = reading.get_latest_revision_as_object()
    translated = sections_of(translated_draft)
    return (
        {block_id: translated.get(block_id, section) for block_id, section in sections.items()},
        translated_draft,
    )


def show_in_language(consultations, language_code):
    """Point each consultation (a view object with `page` loaded) at the room a reader of
    `language_code` opens: the room of the page's translation into that language, titled as
    it, where one exists; else the page's own room. Sets `room_page_id` and `title`."""
    pages = {consultation.page.translation_key: consultation for consultation in consultations}
    translations = Page.objects.filter(
        translation_key__in=pages, locale__language_code=language_code
    ).values_list("translation_key", "pk", "draft_title")
    for consultation in consultations:
        consultation.room_page_id = consultation.page_id
    for key, pk, title in translations:
        consultation = pages[key]
        if pk != consultation.page_id:
            consultation.room_page_id, consultation.title = pk, title


def rooms_in_every_language(page):
    """{language code: the room a reader switching to that language opens}: the room of the
    page's translation into it where one exists, else the room of `page` (the source)."""
    ids = dict(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", "pk"
        )
    )
    rooms = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rooms[code] = reverse("consultation_room", args=[ids.get(code, page.pk)])
    return rooms
