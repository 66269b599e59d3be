"""50 stakeholders comment at once, through a real server, while an editor saves revisions of
the same draft and a moderator publishes another: every accepted comment is stored exactly
once, on its section, and no revision is lost. PostgreSQL only: SQLite serialises writers."""

import json
import os
import re
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median, quantiles

import pytest
import requests
from django.conf import settings

from ..support.servers import free_port, own_database

ROOT = Path(__file__).resolve().parents[2]
STAKEHOLDERS = 50
COMMENTS_EACH = 4
EDITOR_ROUNDS = 5
MODERATOR_ROUNDS = 3

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the concurrency check needs PostgreSQL (the CI's second pass runs it)",
)

SETUP = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from co_design.models import Profile, Territory
valdoria = Territory.objects.get(slug="valdoria")
stakeholders = Group.objects.get(name="Stakeholders")
sessions = {}
for number in range(%(count)d):
    user = get_user_model().objects.create_user(f"crowd-{number}", f"crowd{number}@example.org")
    user.groups.add(stakeholders)
    Profile.objects.create(user=user, territory=valdoria, organisation_type="ngo")
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    # As a sign-in stores it: the backend that signs people in (the first, django-axes, only
    # refuses locked-out sign-ins and loads nobody).
    session["_auth_user_backend"] = "co_design.accounts.sign_in.EmailOrUsernameBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    sessions[user.username] = session.session_key
print(json.dumps(sessions))
"""

COUNT = """
import json
from wagtail.models import Comment, Revision
from co_design.models import NeedsReviewPage, StakeholderComment, StrategyDraftPage
def revisions(slug, model=StrategyDraftPage):
    page = model.objects.get(locale__language_code="en", slug=slug)
    count = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    return count, page.live_revision_id, page.latest_revision_id
valdoria = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
print(json.dumps({
    "comments": list(StakeholderComment.objects.filter(wagtail_comment__page=valdoria).values_list(
        "wagtail_comment_id", "wagtail_comment__text", "section_id", "submission_key")),
    "wagtail_comments": Comment.objects.filter(page=valdoria).count(),
    "valdoria": revisions("valdoria-local-strategy"),
    "rheinfeld": revisions("rheinfeld-needs-review", NeedsReviewPage),
    "sections": [block.id for block in valdoria.get_latest_revision_as_object().sections],
}, default=str))
"""


@pytest.fixture
def database(tmp_path):
    """A database of its own, so the server's committed writes never meet the test database."""
    with own_database("eccipa_concurrency", tmp_path) as url:
        yield url


def test_fifty_stakeholders_comment_while_an_editor_revises_and_a_moderator_publishes(database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database,
        "CONSULTATION_POSTS_PER_WINDOW": "1000",
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("seed_demo", "--force", "-v0")
    sessions = json.loads(manage("shell", "-v0", "-c", SETUP % {"count": STAKEHOLDERS}))
    before = json.loads(manage("shell", "-v0", "-c", COUNT))
    sections = before["sections"]

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "8", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.2)
        page_id = re.search(r"/en/consultations/(\d+)/", manage(
            "shell", "-v0", "-c",
            "from co_design.models import StrategyDraftPage as S; "
            "page = S.objects.get(locale__language_code='en', slug='valdoria-local-strategy'); "
            "print(f'/en/consultations/{page.pk}/')",
        )).group(1)  # fmt: skip

        def stakeholder(username):
            http = requests.Session()
            http.cookies.set("sessionid", sessions[username])
            began = time.monotonic()
            room = http.get(
                f"{base}/en/consultations/{page_id}/", timeout=30, allow_redirects=False
            )
            room_times.append(time.monotonic() - began)
            assert room.status_code == 200, room.status_code
            token = http.cookies["csrftoken"]
            outcomes = []
            for number in range(COMMENTS_EACH):
                section = (hash(username) + number) % len(sections)
                form = {
                    "csrfmiddlewaretoken": token,
                    "section": sections[section],
                    "text": f"{username} #{number} on section {section}",
                    "submission_key": str(uuid.uuid4()),
                }
                # The first comment is sent twice, as a double click does.
                for _attempt in range(2 if number == 0 else 1):
                    began = time.monotonic()
                    response = http.post(
                        f"{base}/en/consultations/{page_id}/comments/",
                        data=form,
                        allow_redirects=False,
                        timeout=60,
                    )
                    post_times.append(time.monotonic() - began)
                    outcomes.append((form["text"], sections[section], response.status_code,
                                     response.headers.get("Location", "")))  # fmt: skip
            return outcomes

        actors = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.support.concurrency_actors", role, str(rounds)],
                cwd=ROOT,
                env=env,
            )  # fmt: skip
            for role, rounds in (("editor", EDITOR_ROUNDS), ("moderator", MODERATOR_ROUNDS))
        ]
        room_times, post_times = [], []
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=STAKEHOLDERS) as pool:
            outcomes = [o for result in pool.map(stakeholder, sessions) for o in result]
        elapsed = time.monotonic() - started
        assert [actor.wait(timeout=300) for actor in actors] == [0, 0]
    finally:
        server.terminate()
        server.wait(timeout=30)

    after = json.loads(manage("shell", "-v0", "-c", COUNT))
    statuses = sorted({status for _, _, status, _ in outcomes})
    accepted = {
        (text, section)
        for text, section, status, location in outcomes
        if status == 302 and f"/en/consultations/{page_id}/#comment-" in location
    }
    print(
        f"\n{len(outcomes)} posts by {STAKEHOLDERS} stakeholders in {elapsed:.1f}s "
        f"({len(outcomes) / elapsed:.0f}/s), statuses {statuses}, "
        f"{len(accepted)} distinct comments accepted; room render median "
        f"{median(room_times) * 1000:.0f} ms, comment post median {median(post_times) * 1000:.0f} "
        f"ms, p95 {quantiles(post_times, n=20)[-1] * 1000:.0f} ms"
    )
    assert statuses == [302]
    assert len(accepted) == STAKEHOLDERS * COMMENTS_EACH

    stored = [(text, section) for _, text, section, _ in after["comments"]]
    new = [item for item in stored if item[0].startswith("crowd-")]
    if os.environ.get("CONCURRENCY_REPORT"):  # make bench reports these figures
        Path(os.environ["CONCURRENCY_REPORT"]).write_text(json.dumps({
            "stakeholders": STAKEHOLDERS, "editor_saves": EDITOR_ROUNDS,
            "posts_sent": len(outcomes), "comments_accepted": len(accepted),
            "comments_stored": len(new), "statuses": statuses,
            "posts_per_s": round(len(outcomes) / elapsed, 1),
            "room_median_ms": round(median(room_times) * 1000),
            "post_median_ms": round(median(post_times) * 1000),
            "post_p95_ms": round(quantiles(post_times, n=20)[-1] * 1000),
        }))  # fmt: skip
    assert sorted(new) == sorted(accepted)  # each exactly once, on its own section
    assert len({key for *_, key in after["comments"]}) == len(after["comments"])
    assert after["wagtail_comments"] == before["wagtail_comments"] + len(accepted)

    valdoria_revisions, _, _ = after["valdoria"]
    assert valdoria_revisions == before["valdoria"][0] + EDITOR_ROUNDS
    rheinfeld_revisions, live, latest = after["rheinfeld"]
    assert rheinfeld_revisions == before["rheinfeld"][0] + MODERATOR_ROUNDS
    assert live == latest
