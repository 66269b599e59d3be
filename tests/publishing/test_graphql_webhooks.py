"""Publishing the Manifesto, a strategy or a module POSTs a signed event to the endpoints
registered in the admin, through the task queue; a receiver that is down never breaks a publish.

The receiver is a real HTTP server on 127.0.0.1 that checks the signature as a client would
(allowed by the development settings WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOW_PRIVATE_ADDRESSES).
"""

import hashlib
import hmac
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from co_design.models import (
    ManifestoPage,
    NeedsReviewPage,
    StrategyDraftPage,
    TrainingModulePage,
    WebhookDelivery,
    WebhookEndpoint,
)

from ..support.module_data import built_once
from ..support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

site = built_once(small_eccipa)

SECRET = "shared-with-the-receiver"


@pytest.fixture(autouse=True)
def receiver_on_this_machine(settings):
    """The receivers here listen on http://127.0.0.1: the development settings allow that.
    tests/publishing/test_webhook_addresses.py shows the production default refusing it."""
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_HTTP": True}
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_PRIVATE_ADDRESSES": True}


class Receiver:
    """Answers POSTs with the statuses it is given (then 204), recording what it received."""

    def __init__(self, statuses=(), delay=0):
        self.requests = []
        self.statuses = list(statuses)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                signature = self.headers.get("X-ECCIPA-Signature", "")
                receiver.requests.append(
                    {
                        "valid_signature": hmac.compare_digest(signature, expected),
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "payload": json.loads(body),
                    }
                )
                time.sleep(delay)
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                self.send_response(status if receiver.requests[-1]["valid_signature"] else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/eccipa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


def endpoint_for(url, **fields):
    return WebhookEndpoint.objects.create(name="City of Example", url=url, secret=SECRET, **fields)


def publish(page, capture, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    with capture(execute=True):
        revision = page.save_revision()
        revision.publish()
    return revision


def closed_port_url():
    stopped = Receiver()
    stopped.stop()
    return stopped.url


def webhook_tasks():
    return DBTaskResult.objects.filter(task_path="co_design.publishing.delivery.deliver_webhook")


def run_due_tasks():
    """What `manage.py db_worker` does for each webhook task that is due, in this process
    (Wagtail queues tasks of its own, search indexing among them, which are left alone)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    due = list(webhook_tasks().ready())
    for task_result in due:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
    return len(due)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_publishing_a_strategy_posts_a_signed_event(receiver, django_capture_on_commit_callbacks):
    endpoint_for(receiver.url)
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    revision = publish(page, django_capture_on_commit_callbacks, summary="Revised summary.")

    [request] = receiver.requests
    assert request["valid_signature"]
    assert request["headers"]["content-type"] == "application/json"
    assert request["headers"]["x-eccipa-event"] == "page.published"
    payload = request["payload"]
    assert request["headers"]["x-eccipa-delivery"] == payload["id"]
    assert payload["event"] == "page.published"
    assert payload["page"] == {
        "type": "strategy",
        "id": page.pk,
        "slug": "valdoria-local-strategy",
        "title": page.title,
        "locale": "en",
        "version": revision.pk,
        "url": "http://testserver/en/strategies/valdoria-local-strategy/",
    }
    [delivery] = WebhookDelivery.objects.all()
    assert (delivery.status, delivery.response_status, delivery.attempt) == ("succeeded", 204, 1)
    assert str(delivery.event_id) == payload["id"]


def test_unpublishing_a_module_and_publishing_the_manifesto_are_sent_too(
    receiver, django_capture_on_commit_callbacks
):
    endpoint_for(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        TrainingModulePage.objects.get(slug="working-with-interpreters").unpublish()
    publish(
        ManifestoPage.objects.get(locale__language_code="en"), django_capture_on_commit_callbacks
    )
    events = [(r["payload"]["event"], r["payload"]["page"]["type"]) for r in receiver.requests]
    assert events == [("page.unpublished", "training_module"), ("page.published", "manifesto")]
    assert receiver.requests[0]["payload"]["page"]["version"] is None
    assert all(r["valid_signature"] for r in receiver.requests)


def test_only_active_endpoints_subscribed_to_the_page_type_are_called(
    receiver, django_capture_on_commit_callbacks
):
    endpoint_for(receiver.url, on_strategies=False)
    endpoint_for(receiver.url, active=False)
    publish(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy"),
        django_capture_on_commit_callbacks,
    )
    publish(
        NeedsReviewPage.objects.get(territory__slug="valdoria"), django_capture_on_commit_callbacks
    )
    assert receiver.requests == []
    publish(
        TrainingModulePage.objects.get(slug="plain-language-letters"),
        django_capture_on_commit_callbacks,
    )
    assert len(receiver.requests) == 1


def test_nothing_is_sent_before_the_publish_is_committed(
    receiver, django_capture_on_commit_callbacks
):
    endpoint_for(receiver.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        StrategyDraftPage.objects.get(
            locale__language_code="en", slug="valdoria-local-strategy"
        ).save_revision().publish()
    assert receiver.requests == []
    for callback in callbacks:
        callback()
    assert len(receiver.requests) == 1


def test_a_receiver_that_is_down_never_breaks_publishing(django_capture_on_commit_callbacks):
    endpoint_for(closed_port_url())
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    publish(page, django_capture_on_commit_callbacks, summary="Published anyway.")
    assert StrategyDraftPage.objects.get(pk=page.pk).summary == "Published anyway."
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == "failed"
    assert delivery.response_status is None
    assert "refused" in delivery.error.lower()
    # The inline task backend (development) cannot wait before retrying; it says so.
    assert "cannot defer" in delivery.error


def test_a_slow_receiver_is_given_up_on_after_the_timeout(
    settings, django_capture_on_commit_callbacks
):
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "TIMEOUT_SECONDS": 0.2}
    slow = Receiver(delay=1)
    try:
        endpoint_for(slow.url)
        publish(
            StrategyDraftPage.objects.get(
                locale__language_code="en", slug="valdoria-local-strategy"
            ),
            django_capture_on_commit_callbacks,
        )
    finally:
        slow.stop()
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == "failed"
    assert "timed out" in delivery.error


def test_with_the_database_queue_publishing_only_enqueues(
    database_queue, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(receiver.url)
    publish(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy"),
        django_capture_on_commit_callbacks,
    )
    assert receiver.requests == []
    assert webhook_tasks().ready().count() == 1
    assert run_due_tasks() == 1
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == "succeeded"


def test_failed_deliveries_are_retried_with_backoff_and_each_attempt_is_logged(
    database_queue, settings, django_capture_on_commit_callbacks
):
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "RETRY_BASE_SECONDS": 30}
    flaky = Receiver(statuses=[503, 502])
    try:
        endpoint_for(flaky.url)
        publish(
            StrategyDraftPage.objects.get(
                locale__language_code="en", slug="valdoria-local-strategy"
            ),
            django_capture_on_commit_callbacks,
        )
        started = timezone.now()
        for expected_delay in (30, 120):
            assert run_due_tasks() == 1
            retry = webhook_tasks().get(status="READY")
            delay = retry.run_after - started
            assert (
                timedelta(seconds=expected_delay - 5)
                < delay
                < timedelta(seconds=expected_delay + 5)
            )
            assert run_due_tasks() == 0  # not due yet
            retry.run_after = timezone.now()  # the time has come
            retry.save()
            started = timezone.now()
        assert run_due_tasks() == 1
    finally:
        flaky.stop()
    attempts = list(WebhookDelivery.objects.order_by("attempt"))
    assert [(a.attempt, a.status, a.response_status) for a in attempts] == [
        (1, "retrying", 503),
        (2, "retrying", 502),
        (3, "succeeded", 204),
    ]
    assert len({a.event_id for a in attempts}) == 1
    assert len({r["headers"]["x-eccipa-delivery"] for r in flaky.requests}) == 1
    assert attempts[0].next_attempt_at is not None and attempts[2].next_attempt_at is None


def test_retries_stop_after_the_last_attempt_and_on_client_errors(
    database_queue, settings, django_capture_on_commit_callbacks
):
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "MAX_ATTEMPTS": 2}
    failing = Receiver(statuses=[500, 500, 410])
    try:
        endpoint_for(failing.url)
        publish(
            StrategyDraftPage.objects.get(
                locale__language_code="en", slug="valdoria-local-strategy"
            ),
            django_capture_on_commit_callbacks,
        )
        run_due_tasks()
        webhook_tasks().filter(status="READY").update(run_after=timezone.now())
        run_due_tasks()
        assert not webhook_tasks().filter(status="READY").exists()
        publish(
            TrainingModulePage.objects.get(slug="plain-language-letters"),
            django_capture_on_commit_callbacks,
        )
        run_due_tasks()  # answered 410 Gone: not worth retrying
        assert not webhook_tasks().filter(status="READY").exists()
    finally:
        failing.stop()
    outcomes = [(d.page_type, d.attempt, d.status) for d in WebhookDelivery.objects.order_by("pk")]
    assert outcomes == [
        ("strategy", 1, "retrying"),
        ("strategy", 2, "failed"),
        ("training_module", 1, "failed"),
    ]


def test_endpoints_and_the_delivery_log_are_in_the_admin(
    admin_client, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(receiver.url)
    publish(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy"),
        django_capture_on_commit_callbacks,
    )
    delivery = WebhookDelivery.objects.get()
    endpoints = admin_client.get("/admin/snippets/co_design/webhookendpoint/")
    assert endpoints.status_code == 200
    assert "City of Example" in endpoints.content.decode()
    log = admin_client.get("/admin/snippets/co_design/webhookdelivery/")
    assert log.status_code == 200
    assert "Valdoria Local Strategy" in log.content.decode()
    inspect = admin_client.get(f"/admin/snippets/co_design/webhookdelivery/inspect/{delivery.pk}/")
    assert inspect.status_code == 200
    assert "page.published" in inspect.content.decode()
    # The log is written by the task only: even an administrator cannot add or change an entry.
    for url in (
        "/admin/snippets/co_design/webhookdelivery/add/",
        f"/admin/snippets/co_design/webhookdelivery/edit/{delivery.pk}/",
    ):
        refused = admin_client.post(url, {"event": "page.unpublished"}, follow=True)
        assert refused.redirect_chain == [("/admin/", 302)]
        assert [str(message).strip() for message in refused.context["messages"]] == [
            "Sorry, you do not have permission to access this area."
        ]
    assert list(WebhookDelivery.objects.values_list("pk", "event")) == [
        (delivery.pk, "page.published")
    ]
