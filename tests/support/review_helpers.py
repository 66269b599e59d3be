"""Acting in the admin as the site's people do."""

from django.contrib.auth import get_user_model
from django.test import Client

from .admin_forms import edit_form_data


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def save_draft(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", edit_form_data(client, page, **changes))


def submit(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "Submit for review"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def act(client, page, action, task_state=None, follow=True, **form):
    """Take a workflow action (close, approve, reject, set_closing_date…) on the page's current
    task, or on `task_state` when given."""
    page.refresh_from_db()
    task_state = task_state or page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, form, follow=follow)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []
