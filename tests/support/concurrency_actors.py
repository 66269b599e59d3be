"""The editor and the moderator of the concurrency check, each in a process of their own,
acting through the real admin views on the same database as the live server.

    python -m tests.support.concurrency_actors editor|moderator <rounds>
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from co_design.models import NeedsReviewPage, StrategyDraftPage  # noqa: E402
from tests.support.admin_forms import edit_form_data  # noqa: E402


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def editor(rounds):
    """Revise Valdoria's strategy, under consultation, again and again."""
    client = client_for("editor-it")
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    for number in range(rounds):
        data = edit_form_data(
            client, page, summary=f"Revised while comments arrive, round {number}"
        )
        began = time.monotonic()
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)
        print(f"{sys.argv[1]} saved in {time.monotonic() - began:.2f}s", file=sys.stderr)
        assert response.status_code == 302, response.status_code


def moderator(rounds):
    """Edit and publish Rheinfeld's needs review, again and again (strategies go live only
    through their review, never by *Publish*)."""
    client = client_for("moderator")
    page = NeedsReviewPage.objects.get(locale__language_code="en", slug="rheinfeld-needs-review")
    for number in range(rounds):
        data = edit_form_data(client, page, interviews=100 + number)
        data["action-publish"] = "Publish"
        began = time.monotonic()
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)
        print(f"{sys.argv[1]} saved in {time.monotonic() - began:.2f}s", file=sys.stderr)
        assert response.status_code == 302, response.status_code


if __name__ == "__main__":
    {"editor": editor, "moderator": moderator}[sys.argv[1]](int(sys.argv[2]))
