"""Whether a translation still matches its source: a translation made with wagtail-localize was
filled from its source as the source was at the last sync (TranslationSource.last_updated_at;
*Sync translated pages* reads the live source again). Once the source is published again, the
translation is out of date until a translator syncs it."""

from dataclasses import dataclass

from wagtail.models import Revision
from wagtail_localize.models import Translation


@dataclass(frozen=True)
class Freshness:
    up_to_date: bool
    source_page: object
    # The source's revision the translation was last synced from (None: not known).
    source_revision: Revision | None


def translation_record(page):
    """The wagtail-localize translation that made `page`, or None (a source page, or a page
    translated by hand)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )


def source_changed_at(source_page):
    """When the source's content, as a sync reads it, last changed: its last publication (its
    latest revision if it was never published)."""
    if source_page.live and source_page.last_published_at is not None:
        return source_page.last_published_at
    latest = source_page.latest_revision
    return latest.created_at if latest is not None else None


def freshness_of(page):
    """Freshness of the translation `page`, or None where `page` is not a translation made
    with wagtail-localize."""
    translation = translation_record(page)
    if translation is None:
        return None
    source = translation.source
    source_page = page.get_translation_or_none(source.locale)
    if source_page is None:
        return None
    changed_at = source_changed_at(source_page)
    up_to_date = changed_at is None or changed_at <= source.last_updated_at
    if up_to_date and source_page.live_revision_id is not None:
        revision = source_page.live_revision
    else:
        revision = (
            Revision.page_revisions.filter(
                object_id=str(source_page.pk), created_at__lte=source.last_updated_at
            )
            .order_by("-created_at", "-pk")
            .first()
        )
    return Freshness(up_to_date=up_to_date, source_page=source_page, source_revision=revision)
