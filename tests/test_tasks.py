"""Background work goes through django-tasks: inline by default, queue and worker in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from co_design.tasks import send_email

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_the_default_backend_sends_the_email_inline():
    send_email.enqueue("Consultation opened", "Your comments are welcome.", ["ngo@example.org"])
    assert [message.subject for message in mail.outbox] == ["Consultation opened"]


def test_a_separate_worker_process_runs_what_the_database_queue_holds(tmp_path):
    """As in production: the app enqueues, `manage.py db_worker` (another process) runs it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "TASK_BACKEND": "database",
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def task_state(result_id):
        return json.loads(
            manage(
                "shell",
                "-v0",
                "-c",
                "import json; from django_tasks_db.models import DBTaskResult as R; "
                f"r = R.objects.get(id='{result_id}'); "
                "print(json.dumps([r.status, r.return_value]))",
            )
        )

    manage("migrate", "--noinput", "-v0")
    result_id = manage(
        "shell",
        "-v0",
        "-c",
        "from co_design.tasks import send_email; "
        "print(send_email.enqueue('Decision recorded', 'Adopted.', ['a@example.org']).id)",
    ).strip()
    assert task_state(result_id) == ["READY", None]

    manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    # send_mail's return value: one message handed to the mail backend by the worker process.
    assert task_state(result_id) == ["SUCCESSFUL", 1]
