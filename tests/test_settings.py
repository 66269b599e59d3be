"""Settings come from the environment; production refuses to start without its secrets.

Each case imports the settings in a fresh interpreter, because settings are read once at start-up.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "x7Qp-" + "k3vT9zL2mW8rB5nY1cF6hJ4sD0gA" * 2
PRINT_SETTINGS = (
    "import django, json; from django.conf import settings; django.setup(); print(json.dumps({"
    "'engine': settings.DATABASES['default']['ENGINE'],"
    "'db_name': str(settings.DATABASES['default']['NAME']),"
    "'db_host': settings.DATABASES['default'].get('HOST', ''),"
    "'cache': settings.CACHES['default']['BACKEND'],"
    "'cache_location': settings.CACHES['default'].get('LOCATION', ''),"
    "'tasks': settings.TASKS['default']['BACKEND'],"
    "'hosts': settings.ALLOWED_HOSTS, 'debug': settings.DEBUG}))"
)


def run(args, settings_module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TASK_BACKEND", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def settings_of(settings_module="cms.settings.dev", **env):
    result = run(["-c", PRINT_SETTINGS], settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_are_sqlite_local_cache_and_inline_tasks():
    values = settings_of()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert values["debug"] is True


def test_database_url_switches_to_postgresql():
    values = settings_of(DATABASE_URL="postgres://eccipa@db.internal:5432/eccipa")
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["db_host"], values["db_name"]) == ("db.internal", "eccipa")


def test_redis_url_switches_the_cache_to_redis():
    values = settings_of(REDIS_URL="redis://127.0.0.1:6379/3")
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"


def test_task_backend_database_queues_tasks_for_a_worker():
    values = settings_of(TASK_BACKEND="database")
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "eccipa.example.org"}
    del env[missing]
    result = run(["manage.py", "check"], "cms.settings.production", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        "cms.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="eccipa.example.org,www.eccipa.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_shares_its_cache_between_processes():
    values = settings_of(
        "cms.settings.production", SECRET_KEY=SECRET, ALLOWED_HOSTS="eccipa.example.org"
    )
    assert values["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["hosts"] == ["eccipa.example.org"]
    assert values["debug"] is False


def test_cors_allowed_origins_come_from_the_environment():
    code = "import django; from django.conf import settings; django.setup(); "
    code += "print(','.join(settings.CORS_ALLOWED_ORIGINS) or '-')"
    origins = "https://city.example.org, https://ngo.example.net"
    allowed = run(["-c", code], "cms.settings.dev", CORS_ALLOWED_ORIGINS=origins)
    assert allowed.stdout.strip() == "https://city.example.org,https://ngo.example.net"
    # Without the variable, development allows the example consumer's usual origin only.
    default = run(["-c", code], "cms.settings.dev").stdout.strip()
    assert default == "http://127.0.0.1:8080,http://localhost:8080"
    # Elsewhere no origin is allowed unless the environment names it.
    assert run(["-c", code], "cms.settings.test").stdout.strip() == "-"


def test_sqlite_takes_concurrent_writers_and_postgresql_keeps_its_own_options(tmp_path):
    script = (
        "import django, json; from django.conf import settings; django.setup(); "
        "from django.db import connection; options = settings.DATABASES['default']['OPTIONS']; "
        "journal = connection.cursor().execute('PRAGMA journal_mode').fetchone()[0] "
        "if connection.vendor == 'sqlite' else ''; "
        "print(json.dumps({'options': options, 'journal': journal}))"
    )
    sqlite_file = tmp_path / "db.sqlite3"
    result = run(["-c", script], "cms.settings.dev", DATABASE_URL=f"sqlite:///{sqlite_file}")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["options"]["transaction_mode"] == "IMMEDIATE"
    assert values["options"]["timeout"] == 20
    assert values["journal"] == "wal"

    result = run(["-c", script], "cms.settings.dev", DATABASE_URL="postgres://e@db.internal/e")
    assert result.returncode == 0, result.stderr
    assert "transaction_mode" not in json.loads(result.stdout)["options"]
