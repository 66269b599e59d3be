"""Cached answers go out as stored: compressed for clients that accept it, with a strong ETag
per content coding, Vary: Accept-Encoding, and the keys a shared cache purges them by."""

import gzip
import hashlib
import json

import brotli
import pytest

from ..support.graphql_support import post, published_query
from ..support.site_tree import manifesto_with_chapters

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def manifesto():
    return manifesto_with_chapters()


def get_manifesto(client, **headers):
    query_id = hashlib.sha256(published_query("manifesto").encode()).hexdigest()
    return client.get("/graphql/", {"id": query_id}, **headers)


def vary(response):
    return {header.strip() for header in response["Vary"].split(",")}


def test_gzip_and_brotli_answers_decode_to_the_same_json(client):
    plain = get_manifesto(client)
    zipped = get_manifesto(client, HTTP_ACCEPT_ENCODING="gzip, deflate")
    squeezed = get_manifesto(client, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert squeezed["Content-Encoding"] == "br"
    assert plain.json()["data"]["manifesto"]["title"] == "The ECCIPA Manifesto"
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    assert json.loads(brotli.decompress(squeezed.content)) == plain.json()
    assert len(squeezed.content) < len(zipped.content) < len(plain.content) / 2
    assert {"Accept-Encoding", "Accept-Language"} <= vary(plain) & vary(zipped) & vary(squeezed)


def test_each_content_coding_has_its_own_strong_etag(client):
    etags = {
        get_manifesto(client, HTTP_ACCEPT_ENCODING=coding)["ETag"]
        for coding in ("identity", "gzip", "br")
    }
    assert len(etags) == 3
    assert not any(etag.startswith("W/") for etag in etags)


def test_if_none_match_with_the_etag_of_any_coding_gives_304(client):
    zipped = get_manifesto(client, HTTP_ACCEPT_ENCODING="gzip")
    again = get_manifesto(client, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == zipped["ETag"]
    assert "Accept-Encoding" in vary(again)
    # The same content, fetched before without compression: still not modified.
    plain = get_manifesto(client, HTTP_IF_NONE_MATCH=get_manifesto(client)["ETag"])
    assert plain.status_code == 304


def test_a_refused_coding_is_not_sent(client):
    response = get_manifesto(client, HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0, *")
    assert "Content-Encoding" not in response
    assert response.json()["data"]["manifesto"]["title"] == "The ECCIPA Manifesto"
    response = get_manifesto(client, HTTP_ACCEPT_ENCODING="br;q=0, *")
    assert response["Content-Encoding"] == "gzip"


def test_a_cached_answer_is_sent_compressed_without_running_again(
    client, django_assert_num_queries
):
    first = get_manifesto(client, HTTP_ACCEPT_ENCODING="br")
    with django_assert_num_queries(0):
        zipped = get_manifesto(client, HTTP_ACCEPT_ENCODING="gzip")
    assert json.loads(gzip.decompress(zipped.content)) == json.loads(
        brotli.decompress(first.content)
    )


def test_a_posted_query_is_compressed_too_and_never_stored_by_others(client):
    query = published_query("manifesto")
    plain = post(client, query)
    zipped = post(client, query, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    assert zipped["Cache-Control"] == "no-store"


def test_the_persisted_get_names_the_pages_it_contains_for_shared_caches(
    client, settings, manifesto
):
    manifesto, strategies, unpublished = manifesto
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "SHARED_CACHE_MAX_AGE": 600}
    response = get_manifesto(client)
    assert "public" in response["Cache-Control"]
    assert "s-maxage=600" in response["Cache-Control"]
    keys = response["Surrogate-Key"].split()
    assert keys[0] == "graphql"
    assert f"page-{manifesto.pk}" in keys
    shown = {
        chapter["strategy"]["id"] for chapter in response.json()["data"]["manifesto"]["chapters"]
    }
    assert shown == {str(strategy.pk) for strategy in strategies}
    assert {f"page-{pk}" for pk in shown} <= set(keys)
    assert f"page-{unpublished.pk}" not in keys
