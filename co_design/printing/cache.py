"""Generated PDFs kept in Django's cache (Redis when REDIS_URL is set), one entry per page,
kind of document and language, valid for one live revision.

An entry records the live revision it was made from and the generation of the public content
(co_design.graphql_api.response_cache: bumped by every change the public sees, such as a
decision on a comment, a signature or another page's publication). It is read only while both
still hold; publishing or unpublishing the page deletes its entries at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from co_design.graphql_api import response_cache

KINDS = ("guide", "outcome")
TIMEOUT = 7 * 24 * 3600


def entry_key(kind, page_id, language):
    return f"printing:pdf:{kind}:{page_id}:{language}"


def current_generation():
    return response_cache.current_generation()


def get_pdf(kind, page, language, generation):
    entry = cache.get(entry_key(kind, page.pk, language))
    if (
        entry is not None
        and entry["revision"] == page.live_revision_id
        and entry["generation"] == generation
    ):
        return entry["pdf"]
    return None


def store_pdf(kind, page, language, generation, pdf):
    entry = {"revision": page.live_revision_id, "generation": generation, "pdf": pdf}
    cache.set(entry_key(kind, page.pk, language), entry, timeout=TIMEOUT)


def purge_page(page_id):
    """Delete every PDF of the page, now and again once the transaction commits."""

    def purge():
        cache.delete_many(
            [
                entry_key(kind, page_id, language)
                for kind in KINDS
                for language, _name in settings.LANGUAGES
            ]
        )

    purge()
    transaction.on_commit(purge, robust=True)
