"""Background work, queued through django-tasks (inline by default, a worker in production)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject, body, recipients):
    """Send one plain-text e-mail; callers enqueue it so a slow mail server never blocks a page."""
    return send_mail(subject, body, None, recipients)


@task()
def deliver_webhook(endpoint_id, payload, attempt=1):
    """POST one publish event to one endpoint (co_design/webhooks.py); retries re-enqueue it."""
    from .webhooks import deliver

    return deliver(endpoint_id, payload, attempt)
