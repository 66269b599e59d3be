"""Helpers for the GraphQL tests: running queries, and pages in the states the API must hide."""

import json
from pathlib import Path

from cms.schema import schema
from co_design.models import (
    StrategyDraftPage,
    StrategyIndexPage,
    TrainingModulePage,
    TrainingProgrammePage,
)

from .factories import TerritoryFactory

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "graphql" / "queries"


def execute(query, **variables):
    return schema.execute(query, variable_values=variables or None)


def data_of(query, **variables):
    result = execute(query, **variables)
    assert result.errors is None, result.errors
    return result.data


def error_codes(result):
    errors = result.errors if hasattr(result, "errors") else result.get("errors")
    return [
        (error.extensions if hasattr(error, "extensions") else error["extensions"])["code"]
        for error in errors or []
    ]


def published_query(name):
    return (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")


def post(client, query, variables=None, **extra):
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return client.post("/graphql/", json.dumps(body), content_type="application/json", **extra)


def section(heading, body, findings=(), block_id=None):
    value = {"heading": heading, "body": body, "actions": [], "findings": list(findings)}
    block = {"type": "section", "value": value}
    if block_id:
        block["id"] = block_id
    return block


def add_strategy(title, slug, text, territory=None, publish=True):
    """A strategy of its own territory (one per territory and locale), `text` everywhere."""
    page = StrategyDraftPage(
        title=title,
        slug=slug,
        live=False,  # Page.live defaults to True: only publishing may set it
        territory=territory or TerritoryFactory(),
        summary=text,
        vision=f"<p>{text}</p>",
        sections=[section(f"{text} heading", f"<p>{text} body</p>")],
    )
    StrategyIndexPage.objects.get(locale__language_code="en").add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StrategyDraftPage.objects.get(pk=page.pk)


def add_module(title, slug, text, publish=True, **fields):
    page = TrainingModulePage(
        title=title,
        slug=slug,
        live=False,
        summary=text,
        target_audience=[("role", text)],
        learning_objectives=[("objective", text)],
        duration_hours=fields.pop("duration_hours", 2),
        delivery_format=fields.pop("delivery_format", "online"),
        activities=[("exercise", {"title": text, "description": f"<p>{text}</p>", "minutes": 10})],
        **fields,
    )
    TrainingProgrammePage.objects.get(locale__language_code="en").add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return TrainingModulePage.objects.get(pk=page.pk)
