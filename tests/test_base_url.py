"""`make run PORT=8102`: every printed link, e-mail link and API `url` uses the port the server
listens on (BASE_URL wins when set), and the example GraphQL consumer is allowed by CORS in
development without any setting."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from cms.settings.base import base_url_from
from tests.support.factories import StrategyDraftPageFactory, publish, site_home

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8102"}, "http://127.0.0.1:8102"),
        ({"HOST": "localhost", "PORT": "8102"}, "http://localhost:8102"),
        ({"HOST": "0.0.0.0", "PORT": "8102"}, "http://127.0.0.1:8102"),
        ({"HOST": "::1", "PORT": "9000"}, "http://[::1]:9000"),
        ({"BASE_URL": "https://eccipa.example.org/", "PORT": "8102"}, "https://eccipa.example.org"),
        ({"BASE_URL": "  ", "PORT": "8102"}, "http://127.0.0.1:8102"),
    ],
)
def test_base_url_comes_from_host_and_port_unless_base_url_is_set(environ, expected):
    assert base_url_from(environ) == expected


def development_settings(**environ):
    """The development settings as a fresh process reads them from its environment."""
    env = {key: value for key, value in os.environ.items() if key not in {"BASE_URL", "HOST"}}
    env.pop("CORS_ALLOWED_ORIGINS", None)
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **environ)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL); print(','.join(settings.CORS_ALLOWED_ORIGINS))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.splitlines()


def test_development_settings_follow_the_port_and_allow_the_example_consumer():
    base_url, origins = development_settings(HOST="127.0.0.1", PORT="8102")
    assert base_url == "http://127.0.0.1:8102"
    assert "http://127.0.0.1:8080" in origins.split(",")
    base_url, origins = development_settings(
        PORT="8102", BASE_URL="https://eccipa.example.org", CORS_ALLOWED_ORIGINS="https://a.example"
    )
    assert base_url == "https://eccipa.example.org"
    assert origins == "https://a.example"


def test_make_run_passes_host_and_port_to_every_command():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8102", "HOST=127.0.0.1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    commands = [line for line in result.stdout.splitlines() if "manage.py" in line]
    for command in ("migrate", "seed_demo", "runserver"):
        line = next(line for line in commands if f"manage.py {command}" in line)
        assert line.startswith("HOST=127.0.0.1 PORT=8102 "), line
    assert any(line.endswith("runserver 127.0.0.1:8102") for line in commands)


@pytest.mark.django_db
def test_seed_demo_prints_links_with_the_port(client):
    out = io.StringIO()
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8102"):
        call_command("seed_demo", "--force", stdout=out)
    assert "Admin: http://127.0.0.1:8102/admin/" in out.getvalue()
    assert ":8000" not in out.getvalue()


@pytest.mark.django_db
def test_api_urls_use_the_port(client):
    page = publish(
        StrategyDraftPageFactory(parent__parent=site_home(), slug="rheinfeld-local-strategy")
    )
    query = '{ strategy(slug: "rheinfeld-local-strategy") { url } }'
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8102"):
        response = client.post("/graphql/", {"query": query}, content_type="application/json")
    assert response.json()["data"]["strategy"]["url"] == (
        f"http://127.0.0.1:8102{page.relative_url(page.get_site())}"
    )
