"""Background work, queued through django-tasks (inline by default, a worker in production)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject, body, recipients):
    """Send one plain-text e-mail; callers enqueue it so a slow mail server never blocks a page."""
    return send_mail(subject, body, None, recipients)
