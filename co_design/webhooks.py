"""Delivering publish webhooks: a signed JSON POST per event and endpoint, retried with backoff.

Runs inside a django-tasks task (co_design/tasks.py), never inside the publishing request: a
receiver that is slow or down costs a logged failed attempt, never a failed publish. Retries are
re-enqueued with `run_after` on backends that can defer (the database queue of production); the
inline backend of development cannot wait, so there a failure is final.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .graphql_api.loaders import page_path
from .graphql_api.rich_text import absolute_url
from .models import (
    ManifestoPage,
    StrategyDraftPage,
    TrainingModulePage,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookPageType,
)

SIGNATURE_HEADER = "X-ECCIPA-Signature"
PAGE_TYPES = {
    ManifestoPage: WebhookPageType.MANIFESTO,
    StrategyDraftPage: WebhookPageType.STRATEGY,
    TrainingModulePage: WebhookPageType.TRAINING_MODULE,
}


def page_type_of(page):
    return PAGE_TYPES.get(type(page))


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


def sign(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def encode(payload):
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is answered as the failure it is for a POST


OPENER = urllib.request.build_opener(NoRedirects)


def post(url, body, headers):
    """(HTTP status or None, error text)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with OPENER.open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:500]


def retry_delay(attempt):
    """30 s, 2 min, 8 min, 32 min… after attempts 1, 2, 3, 4 (base WEBHOOK_RETRY_BASE_SECONDS)."""
    return timedelta(seconds=settings.WEBHOOK_RETRY_BASE_SECONDS * 4 ** (attempt - 1))


def worth_retrying(status):
    return status is None or status == 429 or status >= 500


def deliver(endpoint_id, payload, attempt=1):
    """One attempt, logged as a WebhookDelivery; schedules the next one if it failed."""
    from .tasks import deliver_webhook

    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, active=True).first()
    if endpoint is None:
        return "skipped"
    body = encode(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "ECCIPA-webhooks/1",
        SIGNATURE_HEADER: sign(endpoint.secret, body),
        "X-ECCIPA-Event": payload["event"],
        "X-ECCIPA-Delivery": payload["id"],
    }
    started = time.monotonic()
    status, error = post(endpoint.url, body, headers)
    duration_ms = int((time.monotonic() - started) * 1000)

    delivered = status is not None and 200 <= status < 300
    next_attempt_at = None
    if not delivered and worth_retrying(status) and attempt < settings.WEBHOOK_MAX_ATTEMPTS:
        if deliver_webhook.get_backend().supports_defer:
            next_attempt_at = timezone.now() + retry_delay(attempt)
            deliver_webhook.using(run_after=next_attempt_at).enqueue(
                endpoint_id, payload, attempt + 1
            )
        else:
            error = f"{error}; not retried: the task backend cannot defer".lstrip("; ")
    if delivered:
        outcome = WebhookDelivery.Status.SUCCEEDED
    elif next_attempt_at:
        outcome = WebhookDelivery.Status.RETRYING
    else:
        outcome = WebhookDelivery.Status.FAILED

    page = payload["page"]
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=payload["id"],
        event=payload["event"],
        page_type=page["type"],
        page_id=page["id"],
        page_title=page["title"][:255],
        locale=page["locale"],
        attempt=attempt,
        status=outcome,
        response_status=status,
        error=error,
        duration_ms=duration_ms,
        next_attempt_at=next_attempt_at,
        payload=payload,
    )
    return outcome.value


def enqueue_deliveries(payload):
    from .tasks import deliver_webhook

    page_type = WebhookPageType(payload["page"]["type"])
    for endpoint in WebhookEndpoint.subscribed_to(page_type):
        deliver_webhook.enqueue(endpoint.pk, payload)
