"""Background work, queued through django-tasks (inline by default, a worker in production)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task


@task()
def deliver_email(message):
    """Send one e-mail queued by co_design.notifications.mail.TaskQueueEmailBackend."""
    alternatives = message.pop("alternatives")
    email = EmailMultiAlternatives(
        **message, connection=get_connection(settings.EMAIL_DELIVERY_BACKEND)
    )
    for content, mimetype in alternatives:
        email.attach_alternative(content, mimetype)
    return email.send()
