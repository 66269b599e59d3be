import json
import re
import uuid

from django.contrib.auth import get_user_model

from co_design.models import StrategyDraftPage

from .review_helpers import client_for, save_draft


def valdoria():
    return StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")


def section_ids(page):
    return [block.id for block in page.get_latest_revision_as_object().sections]


def comment_data(section, text, quote="", show_name=False, key=None):
    data = {"section": section, "text": text, "quote": quote, "submission_key": key or uuid.uuid4()}
    if show_name:
        data["show_name"] = "on"
    return data


def post_comment(client, page, **kwargs):
    return client.post(f"/en/consultations/{page.pk}/comments/", comment_data(**kwargs))


def editor_comments(client, page):
    """The comments the Wagtail page editor loads into its comment sidebar."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = re.search(
        r'<script id="comments-data" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(data.group(1))["comments"]


def close_consultation(page, username="editor-it"):
    """The editor's *Close consultation and continue*, as the workflow action runs it."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    user = get_user_model().objects.get(username=username)
    task_state.task.specific.on_action(task_state, user, "close")


def with_first_section_text(page, text):
    """The latest draft's sections, the first one's body replaced by `text`."""
    draft = page.get_latest_revision_as_object()
    draft.sections[0].value["body"] = type(draft.sections[0].value["body"])(f"<p>{text}</p>")
    return draft.sections


def revise(page, text, username="editor-it"):
    """The editor saves a new revision whose first section says `text`."""
    page.refresh_from_db()
    response = save_draft(client_for(username), page, sections=with_first_section_text(page, text))
    assert response.status_code == 302
    page.refresh_from_db()
    return page.get_latest_revision()


def signed_in(user):
    """A test client signed in as `user`."""
    return client_for(user.username)
