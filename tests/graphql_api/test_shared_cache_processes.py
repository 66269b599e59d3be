"""Two app processes (gunicorn, production settings) on one database and one Redis: an answer one
of them stored is what the other serves; a change made through one of them (a stakeholder's
comment) purges what the other serves, and so does a publish in a third process (as the task
worker or a management command would). The persisted GET is fit for a shared cache."""

import hashlib
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings

from ..support.servers import free_port, own_database

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL,
    reason="app processes share the cache through Redis: set REDIS_URL (the CI's PostgreSQL "
    "pass does)",
)

STAKEHOLDER = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from co_design.models import Profile, StrategyDraftPage, Territory
user = get_user_model().objects.create_user("shared-cache-stakeholder", "scs@example.org")
user.groups.add(Group.objects.get(name="Stakeholders"))
Profile.objects.create(user=user, territory=Territory.objects.get(slug="valdoria"),
                       organisation_type="ngo")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "co_design.accounts.sign_in.EmailOrUsernameBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
print(session.session_key, page.get_latest_revision_as_object().sections[0].id)
"""

VALDORIA = (
    "from co_design.models import StrategyDraftPage as S; "
    "page = S.objects.get(locale__language_code='en', slug='valdoria-local-strategy'); "
)


@pytest.fixture
def database(tmp_path):
    """A database of the servers' own: SQLite in a file, or a new PostgreSQL database."""
    with own_database("eccipa_shared_cache", tmp_path) as url:
        yield url


def test_two_app_processes_share_answers_and_the_purge_on_publish(database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database,
        "REDIS_URL": settings.REDIS_URL,
        "CACHE_KEY_PREFIX": f"eccipa-shared-{uuid.uuid4().hex[:12]}",
        "TASK_BACKEND": "immediate",
        "GRAPHQL_SHARED_CACHE_MAX_AGE": "300",
        "LOG_LEVEL": "WARNING",
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("seed_demo", "--force", "-v0")
    page_id = int(manage("shell", "-v0", "-c", VALDORIA + "print(page.pk)"))

    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        for port in ports
    ]
    query = (ROOT / "graphql" / "queries" / "strategy.graphql").read_text(encoding="utf-8")
    params = {
        "id": hashlib.sha256(query.encode()).hexdigest(),
        "variables": json.dumps({"slug": "valdoria-local-strategy"}),
    }
    first, second = (f"http://127.0.0.1:{port}/graphql/" for port in ports)

    def strategy(url, **headers):
        response = requests.get(url, params=params, headers=headers, timeout=30)
        assert response.status_code in (200, 304), response.text[:500]
        return response

    try:
        for url in (first, second):
            for _ in range(150):
                try:
                    requests.get(url, timeout=5)
                    break
                except requests.RequestException:
                    time.sleep(0.2)

        stored = strategy(second)
        assert stored.json()["data"]["strategy"]["summary"] != "Changed behind the cache."
        assert stored.headers["Cache-Control"] == "public, max-age=60, s-maxage=300"
        assert f"page-{page_id}" in stored.headers["Surrogate-Key"].split()
        assert "Accept-Encoding" in stored.headers["Vary"]

        # A change that purges nothing (an UPDATE sends no signal): the first process, which
        # never ran the query, still serves the answer the second one stored.
        update = "S.objects.filter(pk=page.pk).update(summary='Changed behind the cache.')"
        manage("shell", "-v0", "-c", VALDORIA + update)
        served = strategy(first)
        assert served.headers["ETag"] == stored.headers["ETag"]
        assert served.json() == stored.json()

        # A stakeholder's comment through the first process purges what the second serves.
        session_key, section = manage("shell", "-v0", "-c", STAKEHOLDER).split()
        room = f"http://127.0.0.1:{ports[0]}/en/consultations/{page_id}/"
        # A CSRF cookie of the client's own (Django accepts any 32-character secret it is sent
        # with); production cookies are Secure, and this loopback test speaks plain HTTP, so
        # both cookies go by hand.
        token = uuid.uuid4().hex
        posted = requests.post(
            f"{room}comments/",
            data={"csrfmiddlewaretoken": token, "section": section,
                  "text": "Please open the office on Saturdays.",
                  "submission_key": str(uuid.uuid4())},
            headers={"Cookie": f"sessionid={session_key}; csrftoken={token}"},
            allow_redirects=False, timeout=30,
        )  # fmt: skip
        assert posted.status_code == 302, posted.status_code
        assert posted.headers["Location"].startswith(f"/en/consultations/{page_id}/#comment-")
        fresh = strategy(second)
        assert fresh.json()["data"]["strategy"]["summary"] == "Changed behind the cache."

        # A publish in another process purges the answers of both app processes.
        manage(
            "shell", "-v0", "-c",
            VALDORIA + "page.summary = 'Published through another process.'; "
            "page.save_revision().publish()",
        )  # fmt: skip
        for url in (first, second):
            fresh = strategy(url, **{"If-None-Match": stored.headers["ETag"]})
            assert fresh.status_code == 200
            assert fresh.json()["data"]["strategy"]["summary"] == (
                "Published through another process."
            )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
