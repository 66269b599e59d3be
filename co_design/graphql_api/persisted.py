"""Persisted queries: the files in graphql/queries/, registered by the sha256 of their text.

A client computes the id itself (`sha256sum graphql/queries/manifesto.graphql`) and sends
GET /graphql/?id=<hex>. Only these queries can be fetched by GET, which is what makes GET answers
safe to cache in browsers and shared caches. Each is parsed and validated once per process.
"""

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from graphql import DocumentNode, parse, validate

QUERIES_DIR = Path(settings.BASE_DIR) / "graphql" / "queries"


@dataclass(frozen=True)
class PublishedQuery:
    name: str
    text: str
    sha256: str
    document: DocumentNode


def query_id(text):
    return hashlib.sha256(text.encode()).hexdigest()


@functools.cache
def published_queries():
    from cms.schema import schema

    queries = {}
    for path in sorted(QUERIES_DIR.glob("*.graphql")):
        text = path.read_text(encoding="utf-8")
        document = parse(text)
        errors = validate(schema.graphql_schema, document)
        if errors:
            raise ValueError(f"{path.name} does not match the schema: {errors[0].message}")
        queries[query_id(text)] = PublishedQuery(path.stem, text, query_id(text), document)
    return queries


def find_published_query(sha256):
    return published_queries().get((sha256 or "").strip().lower())
