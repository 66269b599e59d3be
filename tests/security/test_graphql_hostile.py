"""Hostile clients of /graphql/: documents and inputs built to exhaust a worker or to crash it.

Every request goes through the real view (JSON POST, or the persisted GET) and must be answered
with a clear 4xx and a stable code (or, where one field is at fault, 200 with that field's error
and code, as the README says), quickly: the wall-clock bound is a guard against hangs only.
"""

import base64
import hashlib
import json
import time

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from co_design.graphql_api.execution import Deadline, is_statement_timeout
from co_design.models import StrategyDraftPage

from ..support.graphql_support import error_codes, published_query
from ..support.module_data import built_once
from ..support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(small_eccipa)

GUARD_SECONDS = 2


def timed(send):
    started = time.monotonic()
    response = send()
    elapsed = time.monotonic() - started
    assert elapsed < GUARD_SECONDS, f"answered after {elapsed:.1f} s"
    return response


def post_body(client, body, content_type="application/json"):
    return timed(lambda: client.post("/graphql/", body, content_type=content_type))


def post_query(client, query, variables=None):
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return post_body(client, json.dumps(body))


def get_published(client, name, variables):
    query_id = hashlib.sha256(published_query(name).encode()).hexdigest()
    params = {"id": query_id, "variables": json.dumps(variables)}
    return timed(lambda: client.get("/graphql/", params))


def answer(response):
    return response.status_code, error_codes(response.json())


# Documents that fan out


def nested_spreads(levels, leaf="territories { name }", fragment_type="Query"):
    """`fragment F0 { ...F1 ...F1 }` … : 2**levels copies of the leaf in about 40 bytes a level."""
    fragments = [
        f"fragment F{n} on {fragment_type} {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)
    ]
    fragments.append(f"fragment F{levels} on {fragment_type} {{ {leaf} }}")
    return "{ ...F0 } " + " ".join(fragments)


@pytest.mark.parametrize("levels", [20, 30])
def test_nested_fragment_spreads_are_refused_at_once(client, levels):
    query = nested_spreads(levels)
    assert len(query) < 2_000
    assert answer(post_query(client, query)) == (400, ["QUERY_TOO_COMPLEX"])


def test_nested_spreads_inside_a_list_are_refused_at_once(client):
    query = "{ territories { ...F0 } } " + nested_spreads(28, "name", "Territory").split(" ", 3)[3]
    assert answer(post_query(client, query)) == (400, ["QUERY_TOO_COMPLEX"])


@pytest.mark.parametrize(
    "query",
    [
        # Under a field the schema lacks, or in fragments on a type it lacks: the cost cannot
        # follow them, the document is invalid, and it must still be refused at once.
        "{ nothing { ...F0 } } " + nested_spreads(30).split(" ", 3)[3],
        nested_spreads(30, "name", "Nowhere"),
    ],
)
def test_nested_spreads_where_the_schema_cannot_follow_are_refused_at_once(client, query):
    status, codes = answer(post_query(client, query))
    assert status == 400
    assert codes and set(codes) <= {"QUERY_TOO_COMPLEX", "GRAPHQL_VALIDATION_FAILED"}


def test_nested_spreads_that_are_too_deep_are_refused_at_once(client):
    """Each fragment also nests a field: depth and fan-out at the same time."""
    levels = 25
    fragments = [
        f"fragment F{n} on Strategy {{ territory {{ name }} ...F{n + 1} ...F{n + 1} }}"
        for n in range(levels)
    ]
    fragments.append(f"fragment F{levels} on Strategy {{ title }}")
    query = "{ strategies { ...F0 } } " + " ".join(fragments)
    status, codes = answer(post_query(client, query))
    assert status == 400
    assert codes and set(codes) <= {"QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP"}


def test_aliases_that_fan_out_through_fragments_are_refused(client):
    """Seven aliases of one list, each with a nested fragment: few aliases, much work."""
    query = (
        "{ ...A ...B } fragment A on Query { a: strategies { ...S } b: strategies { ...S } "
        "c: strategies { ...S } d: strategies { ...S } } fragment B on Query { e: strategies "
        "{ ...S } f: strategies { ...S } g: strategies { ...S } } fragment S on Strategy { "
        "sections { needsFindings { territory { name slug description } } actions { action } } }"
    )
    assert answer(post_query(client, query)) == (400, ["QUERY_TOO_COMPLEX"])


def test_cyclic_fragments_are_refused_by_the_graphql_rules(client):
    query = (
        "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A territories { name } }"
    )
    status, codes = answer(post_query(client, query))
    assert status == 400
    assert codes == ["GRAPHQL_VALIDATION_FAILED"]


def test_a_long_chain_of_fragments_is_refused_without_a_crash(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_TOKENS": 10_000}
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_QUERY_BYTES": 50_000}
    links = 400  # deeper than Python's stack allows a recursive walk
    fragments = [f"fragment F{n} on Query {{ ...F{n + 1} }}" for n in range(links)]
    fragments.append(f"fragment F{links} on Query {{ territories {{ name }} }}")
    query = "{ ...F0 } " + " ".join(fragments)
    status, codes = answer(post_query(client, query))
    assert status == 400
    assert codes in (["QUERY_TOO_DEEP"], ["GRAPHQL_VALIDATION_FAILED"])


def test_a_document_nested_beyond_the_parser_limit_is_refused(client):
    query = "{" + "strategies {" * 400 + "title" + "}" * 401
    assert answer(post_query(client, query)) == (400, ["QUERY_TOO_DEEP"])


def test_a_wide_selection_of_one_list_is_refused(client):
    query = "{ strategies { sections { " + " ".join(["heading body"] * 200) + " } } }"
    assert answer(post_query(client, query)) == (400, ["QUERY_TOO_COMPLEX"])


@pytest.mark.parametrize(
    "query",
    [
        "query cop { " + "__typename " * 500 + "}",  # graphql-cop's Field Duplication
        "{ territories { " + "name " * 900 + "} }",
        "{ " + "territories { name } " * 300 + "}",
        "{ " + "... on Query { territories { name } } " * 200 + "}",
        "{ territories { "
        + " ".join(f"...A{n}" for n in range(190))
        + " } } "
        + " ".join(f"fragment A{n} on Territory {{ __typename }}" for n in range(190)),
        # Each copy is narrow, but the copies merge: 300 `chapters` in one selection.
        "{ "
        + "manifesto { chapters { number } chapters { number } chapters { number } } " * 100
        + "}",
    ],
)
def test_fields_asked_again_and_again_are_refused_at_once(client, query):
    """Merging repeated fields costs graphql-core time quadratic in their number."""
    assert answer(post_query(client, query)) == (400, ["TOO_MANY_FIELDS"])


def test_a_selection_as_wide_as_the_limit_is_answered(client, settings):
    assert settings.ECCIPA_GRAPHQL["MAX_SELECTION_WIDTH"] == 100
    response = post_query(client, "{ territories { " + "name " * 100 + "} }")
    assert response.status_code == 200
    assert response.json()["data"]["territories"][0]["name"]
    response = post_query(client, "{ territories { " + "name " * 101 + "} }")
    assert answer(response) == (400, ["TOO_MANY_FIELDS"])


def test_many_aliases_are_refused(client):
    query = "{ " + " ".join(f"a{n}: __typename" for n in range(16)) + " }"
    assert answer(post_query(client, query)) == (400, ["TOO_MANY_ALIASES"])
    # graphql-cop's Alias Overloading: 101 aliases, also wider than a selection may be.
    query = "query cop { " + " ".join(f"alias{n}: __typename" for n in range(101)) + " }"
    response = post_query(client, query)
    assert answer(response) == (400, ["TOO_MANY_ALIASES", "TOO_MANY_FIELDS"])
    assert "data" not in response.json()


@pytest.mark.parametrize("first", [10**9, 2**31 - 1])
def test_a_huge_page_is_refused_by_its_field(client, first):
    response = post_query(client, f"{{ trainingModules(first: {first}) {{ totalCount }} }}")
    assert answer(response) == (200, ["PAGE_SIZE_TOO_LARGE"])


def test_an_integer_of_thousands_of_digits_is_refused(client):
    response = post_query(client, "{ trainingModules(first: " + "9" * 5000 + ") { totalCount } }")
    assert answer(response) == (400, ["INVALID_ARGUMENT"])
    response = post_query(client, "{ strategy(id: " + "9" * 5000 + ") { title } }")
    assert answer(response) == (400, ["INVALID_ARGUMENT"])
    body = '{"query": "query ($n: Int) { trainingModules(first: $n) { totalCount } }", '
    response = post_body(client, body + '"variables": {"n": ' + "9" * 5000 + "}}")
    assert answer(response) == (400, ["BAD_REQUEST"])


def test_an_integer_beyond_the_graphql_range_is_refused(client):
    response = post_query(client, "{ trainingModules(first: 10000000000) { totalCount } }")
    assert answer(response) == (400, ["GRAPHQL_VALIDATION_FAILED"])
    response = post_query(
        client,
        "query ($first: Int) { trainingModules(first: $first) { totalCount } }",
        {"first": 10**30},
    )
    assert answer(response) == (400, ["BAD_REQUEST"])


# Directives and errors


def test_ten_duplicated_unknown_directives_give_one_error(client):
    response = post_query(client, "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert len(errors) == 1
    assert errors[0]["message"] == "Unknown directive '@aa'."
    assert len(errors[0]["locations"]) == 10


def test_nine_hundred_unknown_directives_give_one_short_answer(client):
    response = post_query(client, "{ __typename " + "@aa" * 900 + " }")
    assert answer(response) == (400, ["TOO_MANY_DIRECTIVES"])
    assert len(response.content) < 500


def test_validation_errors_are_capped(client, settings):
    assert settings.ECCIPA_GRAPHQL["MAX_ERRORS"] == 10
    response = post_query(client, "{ __typename " + " ".join(f"@d{n}" for n in range(40)) + " }")
    errors = response.json()["errors"]
    assert response.status_code == 400
    assert len(errors) == 11
    assert errors[-1]["message"] == (
        "Too many validation errors, error limit reached. Validation aborted."
    )


def test_duplicated_known_directives_are_refused(client):
    response = post_query(client, "{ __typename @include(if: true) @include(if: true) }")
    assert answer(response) == (400, ["GRAPHQL_VALIDATION_FAILED"])


# Control characters, huge numbers, bad cursors


CONTROL_TEXTS = ["a\x00b", "\x00", "slug\x1b[31m", "x\x7f", "\ud800"]


@pytest.mark.parametrize("text", CONTROL_TEXTS)
@pytest.mark.parametrize(
    ("query", "variable"),
    [
        ("query ($v: String!) { trainingModule(slug: $v) { title } }", "v"),
        ("query ($v: String) { strategy(slug: $v) { title } }", "v"),
        ("query ($v: String) { trainingModules(filter: {search: $v}) { totalCount } }", "v"),
        ("query ($v: String) { trainingModules(filter: {territory: $v}) { totalCount } }", "v"),
        ("query ($v: String) { trainingModules(filter: {competence: $v}) { totalCount } }", "v"),
        ("query ($v: String) { territories(locale: $v) { name } }", "v"),
        ("query ($v: String) { trainingModules(after: $v) { totalCount } }", "v"),
    ],
)
def test_control_characters_in_variables_are_refused_before_the_database(
    client, query, variable, text
):
    with CaptureQueriesContext(connection) as queries:
        response = post_query(client, query, {variable: text})
    assert answer(response) == (400, ["INVALID_ARGUMENT"])
    assert not [q for q in queries.captured_queries if "wagtailcore_page" in q["sql"]]


def test_control_characters_in_nested_variables_are_refused(client):
    query = "query ($f: TrainingModuleFilter) { trainingModules(filter: $f) { totalCount } }"
    response = post_query(client, query, {"f": {"search": "x\x00"}})
    assert answer(response) == (400, ["INVALID_ARGUMENT"])


@pytest.mark.parametrize("literal", ['"a\\u0000b"', '"\\u001b"', '"""x\x01y"""'])
def test_control_characters_written_in_the_query_are_refused(client, literal):
    response = post_query(client, f"{{ trainingModule(slug: {literal}) {{ title }} }}")
    status, codes = answer(response)
    assert status == 400
    assert codes in (["INVALID_ARGUMENT"], ["GRAPHQL_PARSE_FAILED"])


def test_control_characters_in_persisted_query_variables_are_refused(client):
    response = get_published(client, "strategy", {"slug": "valdoria\x00"})
    assert answer(response) == (400, ["INVALID_ARGUMENT"])
    response = get_published(client, "module", {"slug": "x", "locale": "en\x00"})
    assert answer(response) == (400, ["INVALID_ARGUMENT"])


def cursor(text):
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "after",
    [
        cursor("module:²"),
        cursor("module:٣"),  # an Arabic-Indic digit: isdigit(), but no position
        cursor("module:" + "9" * 4300),
        cursor("module:" + "9" * 19),
        cursor("module:9223372036854775807"),
        cursor("module:-1"),
        base64.b64encode(b"module:\xff\xfe").decode(),
        "bW9kdWxlOjE",  # base64 without its padding
        "x" * 10_000,
    ],
)
def test_bad_cursors_are_refused_with_invalid_cursor(client, after):
    query = "query ($after: String) { trainingModules(after: $after) { totalCount } }"
    assert answer(post_query(client, query, {"after": after})) == (200, ["INVALID_CURSOR"])
    response = get_published(client, "modules", {"after": after})
    assert answer(response) == (200, ["INVALID_CURSOR"])


def test_the_largest_cursor_position_finds_nothing(client):
    query = "query ($after: String) { trainingModules(after: $after) { edges { cursor } } }"
    response = post_query(client, query, {"after": cursor("module:9223372036854775806")})
    assert response.status_code == 200
    assert response.json() == {"data": {"trainingModules": {"edges": []}}}


@pytest.mark.parametrize(
    "strategy_id",
    [
        "99999999999999999999999",
        "9223372036854775808",
        "9223372036854775807",
        "2147483648",
        "-1",
        "²",
        "1e3",
        "9" * 5000,
    ],
)
def test_ids_out_of_range_are_not_found(client, strategy_id):
    response = post_query(client, f'{{ strategy(id: "{strategy_id}") {{ title }} }}')
    assert answer(response) == (200, ["NOT_FOUND"])
    response = get_published(client, "strategy", {"id": strategy_id})
    assert answer(response) == (200, ["NOT_FOUND"])


def test_an_integer_id_literal_out_of_range_is_refused(client):
    response = post_query(client, "{ strategy(id: 9223372036854775808) { title } }")
    assert answer(response) == (200, ["NOT_FOUND"])
    response = post_query(client, "{ strategy(id: 99999999999999999999999) { title } }")
    assert answer(response) == (400, ["INVALID_ARGUMENT"])


def test_a_real_id_still_finds_its_strategy(client):
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    response = get_published(client, "strategy", {"id": str(strategy.pk)})
    assert response.json()["data"]["strategy"]["title"] == strategy.title


# Bodies that are not what they claim


DEEP = 100_000


@pytest.mark.parametrize(
    "body",
    [
        "[" * DEEP + "]" * DEEP,
        '{"a":' * DEEP + "1" + "}" * DEEP,
        json.dumps({"query": "{ territories { name } }", "variables": "[" * DEEP + "]" * DEEP}),
        '{"query": "{ territories { name } }", "variables": ' + "[" * DEEP + "]" * DEEP + "}",
    ],
)
def test_deeply_nested_json_is_refused(client, body):
    status, codes = answer(post_body(client, body))
    assert status == 400
    assert codes in (["BAD_REQUEST"], ["BATCHING_NOT_ALLOWED"])


def test_deeply_nested_variables_of_a_persisted_query_are_refused(client):
    query_id = hashlib.sha256(published_query("strategy").encode()).hexdigest()
    params = {"id": query_id, "variables": "[" * DEEP + "]" * DEEP}
    response = timed(lambda: client.get("/graphql/", params))
    assert answer(response) == (400, ["BAD_REQUEST"])


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe{}",
        b"\x00" * 100,
        b'{"query": "{ territories { name } }"',
        b"null",
        b"42",
        b'"{ territories { name } }"',
        b'{"query": 42}',
        b'{"query": ["{ territories { name } }"]}',
        b'{"id": {"$ne": null}}',
        b'{"query": "{ territories { name } }", "variables": 7}',
        b'{"query": "{ territories { name } }", "operationName": ["x"]}',
        b'{"query": "{ territories { name } }", "operationName": "\\u0000"}',
    ],
)
def test_bodies_that_are_not_a_graphql_request_are_refused(client, body):
    status, codes = answer(post_body(client, body))
    assert status in (400, 404)
    assert codes and codes[0] in {"BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND"}


def test_a_query_with_a_nul_byte_in_its_text_is_a_parse_error(client):
    assert answer(post_query(client, "{ territories\x00 { name } }")) == (
        400,
        ["GRAPHQL_PARSE_FAILED"],
    )


def test_a_query_with_a_lone_surrogate_is_refused(client):
    status, codes = answer(post_query(client, "{ territories { name } } # \ud800"))
    assert status == 400
    assert codes in (["GRAPHQL_PARSE_FAILED"], ["INVALID_ARGUMENT"])


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/graphql", "application/x-www-form-urlencoded", "application/xml"],
)
def test_wrong_content_types_are_refused(client, content_type):
    body = json.dumps({"query": "{ territories { name } }"})
    assert answer(post_body(client, body, content_type)) == (415, ["UNSUPPORTED_MEDIA_TYPE"])


def test_a_batch_is_refused_whatever_its_size(client):
    batch = [{"query": "query cop { __typename }"}] * 1000
    assert answer(post_body(client, json.dumps(batch))) == (400, ["BATCHING_NOT_ALLOWED"])


def test_a_body_above_the_upload_limit_is_refused_with_json(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    body = json.dumps({"query": "{ territories { name } }", "variables": {"x": "y" * 2_000}})
    assert answer(post_body(client, body)) == (413, ["QUERY_TOO_LARGE"])


# The time budget


def test_an_answer_that_outlasts_the_time_budget_stops_with_timeout(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "TIME_BUDGET_MS": 1}
    response = post_query(client, published_query("manifesto"))
    assert answer(response) == (503, ["TIMEOUT"])
    assert "data" not in response.json()

    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "TIME_BUDGET_MS": 2_000}
    response = post_query(client, published_query("manifesto"))
    assert response.status_code == 200
    assert response.json()["data"]["manifesto"]["chapters"]


SLOW_SQL = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
    "SELECT count(*) FROM n"
)


def test_a_slow_sql_statement_of_an_answer_is_stopped_at_its_deadline():
    """statement_timeout on PostgreSQL, the progress handler on SQLite: a statement that would
    run for minutes ends at the deadline of the answer."""
    deadline = Deadline(200)
    started = time.monotonic()
    with pytest.raises(DatabaseError) as raised:
        with deadline.for_the_database(), connection.cursor() as cursor:
            cursor.execute(SLOW_SQL)
    assert time.monotonic() - started < GUARD_SECONDS
    assert is_statement_timeout(raised.value)
    # The connection is usable afterwards, without the deadline.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
