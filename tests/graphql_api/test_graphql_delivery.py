"""/graphql/ over HTTP: JSON POST, persisted GET with ETag and 304, CORS, CSRF, GraphiQL."""

import hashlib
import json

import pytest
from django.test import Client

from ..support.factories import superuser
from ..support.graphql_support import QUERIES, error_codes, post, published_query
from ..support.module_data import built_once
from ..support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(small_eccipa)

TERRITORIES = "{ territories { name } }"


def query_id(name):
    return hashlib.sha256(published_query(name).encode()).hexdigest()


def get_published(client, name, variables=None, **headers):
    params = {"id": query_id(name)}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def test_a_json_post_is_answered_with_json(client):
    response = post(client, TERRITORIES)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    names = [t["name"] for t in response.json()["data"]["territories"]]
    assert names == ["Puerto Alba", "Rheinfeld", "Valdoria"]


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"],
)
def test_posts_that_are_not_json_are_refused_with_415(client, content_type):
    response = client.post("/graphql/", "query={territories{name}}", content_type=content_type)
    assert response.status_code == 415
    assert error_codes(response.json()) == ["UNSUPPORTED_MEDIA_TYPE"]


def test_a_form_post_is_refused_too(client):
    response = client.post("/graphql/", {"query": TERRITORIES})
    assert response.status_code == 415
    assert error_codes(response.json()) == ["UNSUPPORTED_MEDIA_TYPE"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (json.dumps([{"query": TERRITORIES}, {"query": TERRITORIES}]), "BATCHING_NOT_ALLOWED"),
        ("{not json", "BAD_REQUEST"),
        (json.dumps({"variables": {}}), "BAD_REQUEST"),
        (json.dumps({"query": TERRITORIES, "variables": "[1]"}), "BAD_REQUEST"),
        (json.dumps({"query": "{ territories { name "}), "GRAPHQL_PARSE_FAILED"),
        (json.dumps({"query": "{ nothing }"}), "GRAPHQL_VALIDATION_FAILED"),
        (json.dumps({"query": "mutation { territories { name } }"}), "GRAPHQL_VALIDATION_FAILED"),
    ],
)
def test_bad_requests_have_status_400_and_a_code(client, body, code):
    response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400
    assert error_codes(response.json()) == [code]


def test_expected_errors_of_a_field_come_with_data_and_status_200(client):
    response = post(client, '{ strategy(slug: "nowhere") { title } territories { name } }')
    assert response.status_code == 200
    assert error_codes(response.json()) == ["NOT_FOUND"]
    assert response.json()["data"]["strategy"] is None
    assert len(response.json()["data"]["territories"]) == 3


def test_answers_vary_with_the_language_of_their_error_messages(client):
    response = post(client, '{ manifesto(locale: "fr") { title } }', HTTP_ACCEPT_LANGUAGE="de")
    assert error_codes(response.json()) == ["INVALID_LOCALE"]
    assert response["Vary"] and "Accept-Language" in response["Vary"]


def test_other_methods_are_refused_with_405(client):
    response = client.put("/graphql/", TERRITORIES, content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST, OPTIONS"
    assert error_codes(response.json()) == ["METHOD_NOT_ALLOWED"]


def test_every_published_query_has_an_id_computed_from_its_file(client):
    names = sorted(path.stem for path in QUERIES.glob("*.graphql"))
    assert names == ["manifesto", "module", "modules", "strategy"]
    response = get_published(client, "module", {"slug": "working-with-interpreters"})
    assert response.status_code == 200
    assert response.json()["data"]["trainingModule"]["title"] == "Working with interpreters"


def test_a_persisted_get_carries_cache_control_and_an_etag(client, settings):
    settings.ECCIPA_GRAPHQL = {
        **settings.ECCIPA_GRAPHQL,
        "CACHE_MAX_AGE": 120,
        "SHARED_CACHE_MAX_AGE": 300,
    }
    response = get_published(client, "manifesto")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=120, s-maxage=300"
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 20
    assert response.json()["data"]["manifesto"]["title"] == "The ECCIPA Manifesto"


def test_if_none_match_with_the_current_etag_gives_304_without_a_body(client):
    etag = get_published(client, "manifesto")["ETag"]
    response = get_published(client, "manifesto", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    stale = get_published(client, "manifesto", HTTP_IF_NONE_MATCH='"something-older"')
    assert stale.status_code == 200


def test_variables_change_the_answer_and_its_etag(client):
    valdoria = get_published(client, "strategy", {"slug": "valdoria-local-strategy"})
    rheinfeld = get_published(client, "strategy", {"slug": "rheinfeld-local-strategy"})
    assert valdoria["ETag"] != rheinfeld["ETag"]
    assert valdoria.json()["data"]["strategy"]["slug"] == "valdoria-local-strategy"


def test_get_runs_published_queries_only(client):
    response = client.get("/graphql/", {"query": TERRITORIES})
    assert response.status_code == 400
    assert error_codes(response.json()) == ["PERSISTED_QUERY_REQUIRED"]
    unknown = client.get("/graphql/", {"id": hashlib.sha256(TERRITORIES.encode()).hexdigest()})
    assert unknown.status_code == 404
    assert error_codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_a_published_query_can_be_posted_by_id(client):
    body = {"id": query_id("strategy"), "variables": {"slug": "puerto-alba-local-strategy"}}
    response = client.post("/graphql/", json.dumps(body), content_type="application/json")
    assert response.json()["data"]["strategy"]["slug"] == "puerto-alba-local-strategy"


def test_cross_site_posts_need_no_csrf_token_because_nothing_can_be_changed():
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser())  # a session cookie
    response = post(client, TERRITORIES)
    assert response.status_code == 200
    assert len(response.json()["data"]["territories"]) == 3
    mutation = post(client, "mutation { anything }")
    assert mutation.status_code == 400
    assert "read-only" in mutation.json()["errors"][0]["message"]


def test_csrf_is_still_enforced_on_the_rest_of_the_site():
    admin = superuser(username="admin")
    admin.set_password("eccipa-demo")
    admin.save()
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "admin", "password": "eccipa-demo"})
    assert response.status_code == 403


def test_cors_lets_only_the_allowed_origins_read_answers(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://city.example.org"]
    allowed = post(client, TERRITORIES, HTTP_ORIGIN="https://city.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://city.example.org"
    other = post(client, TERRITORIES, HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in other
    etag = get_published(client, "manifesto", HTTP_ORIGIN="https://city.example.org")
    assert "etag" in etag["Access-Control-Expose-Headers"].lower()


def test_cors_preflight_allows_json_posts_from_allowed_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://city.example.org"]
    response = client.options(
        "/graphql/",
        HTTP_ORIGIN="https://city.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://city.example.org"
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]


def test_cors_headers_are_limited_to_the_api(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://city.example.org"]
    response = client.get("/", HTTP_ORIGIN="https://city.example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_graphiql_is_served_in_debug_only(client, settings):
    settings.DEBUG = False
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert error_codes(response.json()) == ["PERSISTED_QUERY_REQUIRED"]
    settings.DEBUG = True
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert "graphiql" in response.content.decode().lower()
