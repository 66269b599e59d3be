"""E-mail through the task queue: every message, Wagtail's own notifications included, is handed
to a django-tasks task and sent by EMAIL_DELIVERY_BACKEND, so a slow mail server never holds up
a request (and a worker retries nothing by accident: one task, one message)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


class TaskQueueEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(
                {
                    "subject": str(message.subject),
                    "body": str(message.body),
                    "from_email": message.from_email,
                    "to": list(message.to),
                    "cc": list(message.cc),
                    "bcc": list(message.bcc),
                    "reply_to": list(message.reply_to),
                    "headers": dict(message.extra_headers),
                    "alternatives": [
                        [str(content), mimetype]
                        for content, mimetype in getattr(message, "alternatives", [])
                    ],
                }
            )
        return len(email_messages)


@task()
def deliver_email(message):
    alternatives = message.pop("alternatives")
    email = EmailMultiAlternatives(
        **message, connection=get_connection(settings.EMAIL_DELIVERY_BACKEND)
    )
    for content, mimetype in alternatives:
        email.attach_alternative(content, mimetype)
    return email.send()
