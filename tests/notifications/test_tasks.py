"""Background work goes through django-tasks: inline by default, queue and worker in production.

E-mail is the first such work: the site's e-mail backend queues each message as a task."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
QUEUED_MAIL = "co_design.notifications.mail.TaskQueueEmailBackend"


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=QUEUED_MAIL)
def test_the_default_backend_delivers_queued_email_inline():
    sent = mail.send_mail("Consultation opened", "Your comments are welcome.", None, ["n@e.org"])
    assert sent == 1
    assert [(m.subject, m.to) for m in mail.outbox] == [("Consultation opened", ["n@e.org"])]
    assert mail.outbox[0].from_email == "ECCIPA co-design <noreply@localhost>"


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

    def queue():
        return json.loads(
            manage(
                "shell",
                "-v0",
                "-c",
                "import json; from django_tasks_db.models import DBTaskResult as R; "
                "print(json.dumps(list(R.objects.values_list('status', 'return_value'))))",
            )
        )

    manage("migrate", "--noinput", "-v0")
    manage(
        "shell",
        "-v0",
        "-c",
        "from django.core.mail import send_mail; "
        "send_mail('Decision recorded', 'Adopted.', None, ['a@example.org'])",
    )
    assert queue() == [["READY", None]]

    manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    # EmailMessage.send's return value: one message handed to the mail backend by the worker.
    assert queue() == [["SUCCESSFUL", 1]]
