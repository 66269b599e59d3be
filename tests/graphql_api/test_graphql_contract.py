"""The published contract: the SDL matches the schema, every published query runs against the
demo content with the expected shape, and the example consumer asks for a query that exists."""

import hashlib
import json
import re

import graphql as graphql_core
import pytest
from django.core.management import call_command

from co_design.models import (
    ManifestoPage,
    StakeholderComment,
    StrategyDraftPage,
    TrainingModulePage,
)

from ..support.graphql_support import QUERIES, ROOT, published_query
from ..support.room_helpers import close_consultation, valdoria

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

REGENERATE = (
    "python manage.py graphql_schema --schema cms.schema.schema --out graphql/schema.graphql"
)


def test_the_sdl_file_matches_the_schema(tmp_path):
    generated = tmp_path / "schema.graphql"
    call_command("graphql_schema", "--schema", "cms.schema.schema", "--out", str(generated))
    committed = (ROOT / "graphql" / "schema.graphql").read_text(encoding="utf-8")
    assert generated.read_text(encoding="utf-8") == committed, f"Regenerate it: {REGENERATE}"


def test_the_sdl_is_generated_the_same_way_every_time(tmp_path):
    outputs = []
    for number in range(2):
        out = tmp_path / f"schema-{number}.graphql"
        call_command("graphql_schema", "--schema", "cms.schema.schema", "--out", str(out))
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].endswith("}\n")
    type_names = re.findall(r"^(?:type|enum|input|interface|union|scalar) (\w+)", outputs[0], re.M)
    assert type_names == sorted(type_names)


def test_graphql_is_not_a_python_package_and_import_graphql_is_graphql_core():
    assert not (ROOT / "graphql" / "__init__.py").exists()
    assert not (ROOT / "graphql.py").exists()
    assert "site-packages" in graphql_core.__file__


def run_published(client, name, **variables):
    query_id = hashlib.sha256(published_query(name).encode()).hexdigest()
    response = client.get("/graphql/", {"id": query_id, "variables": json.dumps(variables)})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def check_manifesto(data):
    manifesto = data["manifesto"]
    assert manifesto["title"] == ManifestoPage.objects.get(locale__language_code="en").title
    assert manifesto["principles"] and manifesto["recommendations"]
    assert [chapter["number"] for chapter in manifesto["chapters"]] == [1, 2, 3]
    for chapter in manifesto["chapters"]:
        strategy = chapter["strategy"]
        assert strategy["territory"]["country"] in {"GERMANY", "ITALY", "SPAIN"}
        assert strategy["sections"] and all(s["id"] and s["heading"] for s in strategy["sections"])
        assert strategy["sections"][0]["actions"][0]["responsibleBody"]
        assert strategy["sections"][0]["needsFindings"][0]["url"].startswith("http://testserver/")
        participation = chapter["participation"]
        assert sum(participation["decisions"].values()) == participation["commentCount"]
    assert manifesto["signOff"]["statement"].startswith("<p>Signed by the partner leads")


def check_modules(data):
    connection = data["trainingModules"]
    english = TrainingModulePage.objects.live().filter(locale__language_code="en")
    assert connection["totalCount"] == english.count()
    assert connection["pageInfo"]["hasNextPage"] is False
    node = connection["edges"][0]["node"]
    assert node["url"].startswith("http://testserver/en/toolkit/")
    assert node["deliveryFormat"] in {"IN_PERSON", "ONLINE", "BLENDED", "SELF_PACED"}
    assert all(edge["node"]["competences"] for edge in connection["edges"])


def check_module(data):
    module = data["trainingModule"]
    assert module["slug"] == "working-with-interpreters"
    assert [a["__typename"] for a in module["activities"]] == ["CaseStudyBlock", "RolePlayBlock"]
    assert module["activities"][0]["blockType"] == "case_study"
    assert module["resources"][0]["__typename"] == "LinkResourceBlock"
    assert module["needsFindings"][0]["territory"]["name"] == "Rheinfeld"


def check_strategy(data):
    strategy = data["strategy"]
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    assert (strategy["id"], strategy["version"]) == (str(page.pk), page.live_revision_id)
    assert [s["id"] for s in strategy["sections"]] == [block.id for block in page.sections]
    assert "Cooperativa Ponti" in strategy["territory"]["partnerOrganisations"]
    shown = StakeholderComment.objects.publicly_shown().filter(wagtail_comment__page=page).count()
    assert strategy["needsFindings"] and strategy["participation"]["commentCount"] == shown > 0


PUBLISHED = {
    "manifesto": ({}, check_manifesto),
    "modules": ({"first": 100}, check_modules),
    "module": ({"slug": "working-with-interpreters"}, check_module),
    "strategy": ({"slug": "valdoria-local-strategy"}, check_strategy),
}


def test_every_published_query_has_a_test():
    assert sorted(path.stem for path in QUERIES.glob("*.graphql")) == sorted(PUBLISHED)


# The participation record counts a consultation once it ended: close the demo's open one.
PREPARE = {"strategy": lambda: close_consultation(valdoria())}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_each_published_query_runs_against_the_demo_content(client, name):
    variables, check = PUBLISHED[name]
    PREPARE.get(name, lambda: None)()
    check(run_published(client, name, **variables))


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_each_published_query_runs_in_every_locale(client, name):
    variables, _ = PUBLISHED[name]
    for locale in ["en", "de", "it", "es"]:
        run_published(client, name, locale=locale, **variables)


def test_the_example_consumer_asks_for_the_published_manifesto_query_without_a_cdn():
    page = (ROOT / "graphql" / "examples" / "index.html").read_text(encoding="utf-8")
    [query_id] = re.findall(r'MANIFESTO_QUERY_ID = "([0-9a-f]{64})"', page)
    assert query_id == hashlib.sha256(published_query("manifesto").encode()).hexdigest()
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page)  # everything inline
