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


def live_env(database_url, **extra):
    """The environment of the live site's processes: test settings on `database_url`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "DEMO_PASSWORD": PASSWORD,
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="session")
def seeded_demo(tmp_path_factory, request):
    """The demo, migrated and seeded once per run (half a minute or more): each journey's site
    starts from a copy of it. Its URL, and the ids of the pages the journeys open."""
    databases = ExitStack()
    request.addfinalizer(databases.close)
    database_url = databases.enter_context(
        own_database("e2e_demo", tmp_path_factory.mktemp("e2e-demo"))
    )
    env = live_env(database_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--force", "-v0")
    return database_url, json.loads(manage(env, "shell", "-v0", "-c", IDS))


@pytest.fixture(scope="module")
def site(tmp_path_factory, request, seeded_demo):
    """The demo site on a database of its own (a copy of the seeded demo), served on loopback,
    and the example consumer page served from a second loopback origin that the site allows by
    CORS."""
    folder = tmp_path_factory.mktemp("e2e")
    demo_url, ids = seeded_demo
    # A database of the live site's own (PostgreSQL in the PostgreSQL pass), dropped once the
    # server below has stopped.
    databases = ExitStack()
    request.addfinalizer(databases.close)
    journey = request.module.__name__.split(".")[-1]
    database_url = databases.enter_context(
        own_database(f"e2e_{journey}", folder, template=demo_url)
    )
    consumer_port, site_port = free_port(), free_port()
    consumer = f"http://127.0.0.1:{consumer_port}"
    env = live_env(database_url, CORS_ALLOWED_ORIGINS=consumer)

    # runserver --insecure serves the admin's static files without a collectstatic.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / f"server-{journey}.log", "w")  # noqa: SIM115
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
            "make test does this where it runs as root",
            pytrace=False,
        )
    from playwright.sync_api import expect, sync_playwright

    # Playwright waits 5 s for what a check expects to see; a busy CI machine sometimes takes
    # longer to show it. What is expected stays the same.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def in_site(site):
    """Run Python in the live site's database, as `manage.py shell` does; returns its output."""
    env = live_env(site["database_url"])
    return lambda script: manage(env, "shell", "-v0", "-c", script)
