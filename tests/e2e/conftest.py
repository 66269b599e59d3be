"""The live demo site and Debian's Chromium for the journeys in tests/e2e/ (one site per module,
so that one journey's changes never meet another's)."""

import json
import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from ..support.servers import free_port, own_database
from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD, ROOT, wait_for

# The ids and addresses of the demo pages that the journeys open.
IDS = """
import json
from co_design.models import ManifestoPage, StrategyDraftPage
from co_design.models import StakeholderComment
english = {"locale__language_code": "en"}
valdoria = StrategyDraftPage.objects.get(slug="valdoria-local-strategy", **english)
italian = StrategyDraftPage.objects.get(
    translation_key=valdoria.translation_key, locale__language_code="it"
)
puerto = StrategyDraftPage.objects.get(slug="puerto-alba-local-strategy", **english)
manifesto = ManifestoPage.objects.get(**english)
print(json.dumps({
    "valdoria": valdoria.pk, "valdoria_url": valdoria.url, "valdoria_title": valdoria.title,
    "valdoria_it": italian.pk, "valdoria_it_title": italian.title,
    "puerto": puerto.pk, "manifesto": manifesto.pk, "manifesto_url": manifesto.url,
    "manifesto_task_state": manifesto.current_workflow_task_state.pk,
}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, request):
    """The demo site on a database of its own, served on loopback, and the example consumer
    page served from a second loopback origin that the site allows by CORS."""
    folder = tmp_path_factory.mktemp("e2e")
    # A database of the live site's own (PostgreSQL in the PostgreSQL pass), dropped once the
    # server below has stopped.
    databases = ExitStack()
    request.addfinalizer(databases.close)
    database_url = databases.enter_context(
        own_database(f"e2e_{request.module.__name__.split('.')[-1]}", folder)
    )
    consumer_port, site_port = free_port(), free_port()
    consumer = f"http://127.0.0.1:{consumer_port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "CORS_ALLOWED_ORIGINS": consumer,
        "DEMO_PASSWORD": PASSWORD,
    }
    env.pop("REDIS_URL", None)

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("seed_demo", "--force", "-v0")
    ids = json.loads(manage("shell", "-v0", "-c", IDS))
    # runserver --insecure serves the admin's static files without a collectstatic.
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure",
         f"127.0.0.1:{site_port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    static = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(consumer_port), "--bind", "127.0.0.1",
         "--directory", str(ROOT / "graphql" / "examples")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{site_port}"
        wait_for(f"{base}/", server)
        wait_for(f"{consumer}/", static)
        yield {"base": base, "consumer": consumer, "database_url": database_url, **ids}
    finally:
        for process in (server, static):
            process.terminate()
            process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium); "
            ".ci/run does this before the suites",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def in_site(site):
    """Run Python in the live site's database, as `manage.py shell` does; returns its output."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": site["database_url"],
    }
    env.pop("REDIS_URL", None)

    def run(script):
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-v0", "-c", script],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    return run
