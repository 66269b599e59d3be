"""Delivering publish webhooks: a signed JSON POST per event and endpoint, retried with backoff.

Runs inside a django-tasks task (deliver_webhook), never inside the publishing request: a
receiver that is slow or down costs a logged failed attempt, never a failed publish. Retries are
re-enqueued with `run_after` on backends that can defer (the database queue of production); the
inline backend of development cannot wait, so there a failure is final.
"""

import hashlib
import hmac
import http.client
import json
import socket
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from co_design.publishing.models import WebhookDelivery, WebhookEndpoint, webhook_target

SIGNATURE_HEADER = "X-ECCIPA-Signature"


def sign(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def encode(payload):
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


class PinnedConnectionMixin:
    """Connects to an address vetted by webhook_target instead of resolving the host name again
    (which could answer differently the second time: DNS rebinding). TLS still checks the
    certificate against the host name, which is also what SNI and the Host header carry."""

    def __init__(self, host, port, address, **kwargs):
        super().__init__(host, port, **kwargs)
        self._create_connection = lambda destination, *args, **kw: socket.create_connection(
            (address, destination[1]), *args, **kw
        )


class PinnedHTTPConnection(PinnedConnectionMixin, http.client.HTTPConnection):
    pass


class PinnedHTTPSConnection(PinnedConnectionMixin, http.client.HTTPSConnection):
    pass


class AddressRefused(Exception):
    """The endpoint's address is not (or no longer) one webhooks may be sent to."""


def post(url, body, headers):
    """(HTTP status or None, error text). The address is vetted again right before sending and
    the connection goes to the vetted address; a refused address raises AddressRefused and
    nothing is sent. Redirects are not followed: a redirect is the failure it is for a POST."""
    try:
        target = webhook_target(url)
    except ValidationError as refusal:
        raise AddressRefused(" ".join(refusal.messages)) from None
    connection_class = PinnedHTTPSConnection if target.scheme == "https" else PinnedHTTPConnection
    connection = connection_class(
        target.host,
        target.port,
        target.addresses[0],
        timeout=settings.ECCIPA_WEBHOOKS["TIMEOUT_SECONDS"],
    )
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        status = response.status
        return status, "" if 200 <= status < 300 else f"HTTP {status}"
    except (OSError, http.client.HTTPException, ValueError) as error:
        return None, (str(error) or type(error).__name__)[:500]
    finally:
        connection.close()


def retry_delay(attempt):
    """30 s, 2 min, 8 min, 32 min… after attempts 1, 2, 3, 4 (base WEBHOOK_RETRY_BASE_SECONDS)."""
    return timedelta(seconds=settings.ECCIPA_WEBHOOKS["RETRY_BASE_SECONDS"] * 4 ** (attempt - 1))


def worth_retrying(status):
    return status is None or status == 429 or status >= 500


def deliver(endpoint_id, payload, attempt=1):
    """One attempt, logged as a WebhookDelivery; schedules the next one if it failed."""
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
    refused = False
    try:
        status, error = post(endpoint.url, body, headers)
    except AddressRefused as refusal:
        # Not sent, and not retried: the address, not the receiver, is at fault.
        refused, status = True, None
        error = gettext("Not sent: %(reason)s") % {"reason": refusal}
    duration_ms = int((time.monotonic() - started) * 1000)

    delivered = status is not None and 200 <= status < 300
    next_attempt_at = None
    retry = not delivered and not refused and worth_retrying(status)
    if retry and attempt < settings.ECCIPA_WEBHOOKS["MAX_ATTEMPTS"]:
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


@task()
def deliver_webhook(endpoint_id, payload, attempt=1):
    """POST one publish event to one endpoint; retries re-enqueue it."""
    return deliver(endpoint_id, payload, attempt)
