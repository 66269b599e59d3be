"""Each limit on queries rejects with its own code, and each comes from a setting."""

import json
import os
import subprocess
import sys

import pytest

from ..support.graphql_support import QUERIES, ROOT, error_codes, post
from ..support.module_data import built_once
from ..support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(small_eccipa)


def nested(depth):
    """A valid query `depth` fields deep: manifesto → chapters → strategy → territory → …"""
    fields = ["manifesto", "chapters", "strategy", "sections", "needsFindings", "territory"]
    query = "name" if depth == len(fields) + 1 else "__typename"
    for field in reversed(fields[: depth - 1]):
        query = f"{field} {{ {query} }}"
    return "{ " + query + " }"


def codes(client, query, **extra):
    response = post(client, query, **extra)
    return response.status_code, error_codes(response.json())


def test_depth_up_to_the_limit_is_accepted_beyond_it_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_DEPTH": 6}
    assert codes(client, nested(6)) == (200, [])
    assert codes(client, nested(7)) == (400, ["QUERY_TOO_DEEP"])


def test_depth_through_fragments_counts_too(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_DEPTH": 4}
    query = """{ manifesto { ...Chapters } }
      fragment Chapters on Manifesto { chapters { strategy { ...Deep } } }
      fragment Deep on Strategy { territory { name } }"""
    assert codes(client, query) == (400, ["QUERY_TOO_DEEP"])


def test_the_deepest_query_the_schema_allows_fits_the_default_limit(client, settings):
    assert settings.ECCIPA_GRAPHQL["MAX_DEPTH"] == 8
    assert codes(client, nested(7)) == (200, [])


def test_too_many_aliases_are_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_ALIASES": 15}
    aliases = " ".join(f"a{n}: territories {{ name }}" for n in range(15))
    assert codes(client, "{ " + aliases + " }") == (200, [])
    aliases = " ".join(f"a{n}: territories {{ name }}" for n in range(16))
    assert codes(client, "{ " + aliases + " }") == (400, ["TOO_MANY_ALIASES"])


def test_too_many_directives_are_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_DIRECTIVES": 50}
    fields = " ".join("name @include(if: true)" for _ in range(50))
    assert codes(client, "{ territories { " + fields + " } }") == (200, [])
    fields = " ".join("name @include(if: true)" for _ in range(51))
    assert codes(client, "{ territories { " + fields + " } }") == (400, ["TOO_MANY_DIRECTIVES"])


def test_queries_larger_than_the_byte_limit_are_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_QUERY_BYTES": 200}
    query = "{ territories { name } }" + " " * 200
    assert codes(client, query) == (400, ["QUERY_TOO_LARGE"])


def test_queries_with_too_many_tokens_are_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_TOKENS": 50}
    query = "{ territories { " + " ".join(["name"] * 60) + " } }"
    assert codes(client, query) == (400, ["QUERY_TOO_LARGE"])


def test_page_size_above_the_maximum_is_refused(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_PAGE_SIZE": 3}
    assert codes(client, "{ trainingModules(first: 3) { totalCount } }") == (200, [])
    assert codes(client, "{ trainingModules(first: 4) { totalCount } }")[1] == [
        "PAGE_SIZE_TOO_LARGE"
    ]


def test_batches_are_refused(client):
    body = json.dumps([{"query": "{ territories { name } }"}])
    response = client.post("/graphql/", body, content_type="application/json")
    assert (response.status_code, error_codes(response.json())) == (400, ["BATCHING_NOT_ALLOWED"])


def test_field_suggestions_are_hidden_unless_debug(client, settings):
    settings.DEBUG = False
    response = post(client, "{ territories { nam } }")
    message = response.json()["errors"][0]["message"]
    assert message == "Cannot query field 'nam' on type 'Territory'."
    settings.DEBUG = True
    response = post(client, "{ territories { nam } }")
    assert "Did you mean 'name'?" in response.json()["errors"][0]["message"]


def test_introspection_follows_its_setting(client, settings):
    query = "{ __schema { queryType { name } } }"
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "INTROSPECTION": False}
    assert codes(client, query) == (400, ["INTROSPECTION_DISABLED"])
    assert codes(client, "{ territories { __typename } }") == (200, [])
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "INTROSPECTION": True}
    response = post(client, query)
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


def test_introspection_is_on_in_development_and_off_in_production():
    def introspection(settings_module):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "example.org",
        }
        env.pop("GRAPHQL_INTROSPECTION", None)
        code = "import django; django.setup(); from django.conf import settings; "
        code += "print(settings.ECCIPA_GRAPHQL['INTROSPECTION'])"
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert introspection("cms.settings.dev") == "True"
    assert introspection("cms.settings.production") == "False"


def test_every_published_query_fits_the_cost_limit_at_the_largest_page(client, settings):
    assert settings.ECCIPA_GRAPHQL["MAX_COST"] == 20_000
    for path in sorted(QUERIES.glob("*.graphql")):
        variables = {
            "first": settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"],
            "slug": "working-with-interpreters",
        }
        if path.stem == "strategy":
            variables = {"slug": "valdoria-local-strategy"}
        response = post(client, path.read_text(encoding="utf-8"), variables)
        assert response.status_code == 200, (path.name, response.content[:300])
        assert "errors" not in response.json(), path.name


def test_cost_counts_each_field_times_the_lists_above_it(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "COST_LIST_SIZE": 10}
    # strategies (1) + 10 × (title (1) + sections (1) + 10 × heading (1)) = 121
    query = "{ strategies { title sections { heading } } }"
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_COST": 120}
    assert codes(client, query) == (400, ["QUERY_TOO_COMPLEX"])
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_COST": 121}
    assert codes(client, query) == (200, [])


def test_cost_of_a_connection_follows_its_page_size(client, settings):
    # trainingModules (1) + totalCount (1) + edges (1) + first × (node (1) + title (1))
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_COST": 3 + 2 * 40}
    query = "{ trainingModules(first: %d) { totalCount edges { node { title } } } }"
    assert codes(client, query % 40) == (200, [])
    assert codes(client, query % 41) == (400, ["QUERY_TOO_COMPLEX"])
    # A variable may ask for the largest page: counted so.
    variable = "query ($n: Int) { trainingModules(first: $n) { edges { node { title } } } }"
    settings.ECCIPA_GRAPHQL = {
        **settings.ECCIPA_GRAPHQL,
        "MAX_COST": 1 + 2 * settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"],
    }
    assert codes(client, variable) == (400, ["QUERY_TOO_COMPLEX"])
    settings.ECCIPA_GRAPHQL = {
        **settings.ECCIPA_GRAPHQL,
        "MAX_COST": settings.ECCIPA_GRAPHQL["MAX_COST"] + 1,
    }
    assert codes(client, variable) == (200, [])


def test_a_fragment_spread_twice_costs_twice(client, settings):
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "COST_LIST_SIZE": 10}
    # territories (1) + 10 × name (1)
    settings.ECCIPA_GRAPHQL = {**settings.ECCIPA_GRAPHQL, "MAX_COST": 11}
    once = "{ ...T } fragment T on Query { territories { name } }"
    assert codes(client, once) == (200, [])
    assert codes(client, "{ ...T ...T } fragment T on Query { territories { name } }") == (
        400,
        ["QUERY_TOO_COMPLEX"],
    )


def test_a_document_beyond_a_limit_gets_that_code_alone(client):
    """Limits are checked before graphql-core's rules: one clear error, not a list."""
    aliases = " ".join(f"a{n}: nothing" for n in range(16))
    assert codes(client, "{ " + aliases + " }") == (400, ["TOO_MANY_ALIASES"])
