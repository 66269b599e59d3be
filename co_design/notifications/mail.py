"""E-mail through the task queue: every message, Wagtail's own notifications included, becomes a
django-tasks task that EMAIL_DELIVERY_BACKEND sends, so a slow mail server never holds up a
request."""

from django.core.mail.backends.base import BaseEmailBackend

from co_design.notifications.tasks import deliver_email


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
