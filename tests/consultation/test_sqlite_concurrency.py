"""SQLite is the embedded default: ten stakeholders post the same comment at the same moment,
through a real threaded server on a SQLite file, and nobody gets a 500 ("database is locked");
every accepted comment is stored once. SQLite only: tests/consultation/test_concurrency.py covers
PostgreSQL."""

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings

from ..support.servers import free_port
from .test_concurrency import ROOT, SETUP

STAKEHOLDERS = 10
TEXT = "The same words, sent by ten people at once."

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason=(
        "checks SQLite's concurrent writers; tests/consultation/test_concurrency.py covers "
        "PostgreSQL"
    ),
)

STORED = """
import json
from co_design.models import StakeholderComment
print(json.dumps(list(StakeholderComment.objects.filter(wagtail_comment__text=%r).values_list(
    "wagtail_comment__user__username", flat=True))))
"""


def test_ten_stakeholders_post_one_comment_at_once_on_a_sqlite_file(tmp_path):
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CONSULTATION_POSTS_PER_WINDOW="1000",
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("seed_demo", "--force", "-v0")
    sessions = json.loads(manage("shell", "-v0", "-c", SETUP % {"count": STAKEHOLDERS}))
    page_id, section = re.search(r"(\d+) (\S+)", manage(
        "shell", "-v0", "-c",
        "from co_design.models import StrategyDraftPage as S; "
        "page = S.objects.get(locale__language_code='en', slug='valdoria-local-strategy'); "
        "print(page.pk, page.get_latest_revision_as_object().sections[0].id)",
    )).groups()  # fmt: skip

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "8", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    at_once = threading.Barrier(STAKEHOLDERS)

    def stakeholder(username):
        http = requests.Session()
        http.cookies.set("sessionid", sessions[username])
        room = http.get(f"{base}/en/consultations/{page_id}/", timeout=30, allow_redirects=False)
        assert room.status_code == 200, room.status_code
        form = {
            "csrfmiddlewaretoken": http.cookies["csrftoken"],
            "section": section,
            "text": TEXT,
            "submission_key": str(uuid.uuid4()),
        }
        at_once.wait(timeout=60)
        response = http.post(
            f"{base}/en/consultations/{page_id}/comments/",
            data=form,
            allow_redirects=False,
            timeout=60,
        )
        return username, response.status_code, response.headers.get("Location", "")

    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.2)
        with ThreadPoolExecutor(max_workers=STAKEHOLDERS) as pool:
            outcomes = list(pool.map(stakeholder, sessions))
    finally:
        server.terminate()
        server.wait(timeout=30)

    statuses = sorted(status for _, status, _ in outcomes)
    assert statuses == [302] * STAKEHOLDERS, statuses
    accepted = [
        username
        for username, status, location in outcomes
        if f"/en/consultations/{page_id}/#comment-" in location
    ]
    assert sorted(accepted) == sorted(sessions)
    stored = json.loads(manage("shell", "-v0", "-c", STORED % TEXT))
    assert sorted(stored) == sorted(sessions)  # each stakeholder's comment exactly once
