"""Publish events as webhooks: what a publish event says, and which endpoints it is queued for.

Each delivery runs inside a django-tasks task (co_design/publishing/delivery.py), never inside the
publishing request. Which page types send events is declared on the page classes
(`webhook_page_type`).
"""

import uuid

from django.utils import timezone

from co_design.graphql_api.loaders import page_path
from co_design.notifications.links import absolute_url
from co_design.publishing.delivery import deliver_webhook
from co_design.publishing.models import WebhookEndpoint, WebhookPageType


def page_type_of(page):
    """The webhook page type the page's class declares, or None for pages that send none."""
    return getattr(type(page), "webhook_page_type", None)


def event_payload(event, page, revision=None):
    """What changed: the page, its locale and the published version (none once unpublished)."""
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "occurredAt": timezone.now().isoformat(),
        "page": {
            "type": page_type_of(page).value,
            "id": page.pk,
            "slug": page.slug,
            "title": page.title,
            "locale": page.locale.language_code,
            "version": revision.pk if revision is not None else None,
            "url": absolute_url(page_path(page)),
        },
    }


def enqueue_deliveries(payload):
    page_type = WebhookPageType(payload["page"]["type"])
    for endpoint in WebhookEndpoint.subscribed_to(page_type):
        deliver_webhook.enqueue(endpoint.pk, payload)
