"""Wagtail's database search backend, with language-aware stemming on PostgreSQL.

On PostgreSQL each page is indexed with the text search configuration of its own language
(german, italian, spanish, english), and a query is stemmed with the configuration of the active
language and, so that the source-language pages shown where no translation exists are found too,
with that of the source language. On SQLite and MySQL this is Wagtail's database backend as it
is. Configured in WAGTAILSEARCH_BACKENDS; after changing TEXT_SEARCH_CONFIGS, run
`manage.py update_index`.
"""

import copy

from django.conf import settings
from django.db import connection
from django.utils import translation
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

# PostgreSQL's built-in text search configurations for the content languages.
TEXT_SEARCH_CONFIGS = {"en": "english", "de": "german", "it": "italian", "es": "spanish"}


def text_search_config(language_code):
    return TEXT_SEARCH_CONFIGS.get(language_code, TEXT_SEARCH_CONFIGS[settings.LANGUAGE_CODE])


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _postgres_backend_class()(params)


def _postgres_backend_class():
    # Imported here: the PostgreSQL backend needs psycopg, absent where SQLite is used.
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with the configuration of its language."""
            codes = _language_codes()
            by_config = {}
            for obj in objs:
                code = codes.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
                by_config.setdefault(text_search_config(code), []).append(obj)
            for config, group in by_config.items():
                index = copy.copy(self)
                index.backend = copy.copy(self.backend)
                index.backend.config = config
                PostgresIndex.add_items(index, model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return text_search_config(translation.get_language())

        def build_tsquery(self, query, config=None):
            tsquery = super().build_tsquery(query, config=config)
            source = text_search_config(settings.LANGUAGE_CODE)
            if config and config != source:
                tsquery = tsquery | super().build_tsquery(query, config=source)
            return tsquery

    class LanguageSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler

    return LanguageSearchBackend


def _language_codes():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))
