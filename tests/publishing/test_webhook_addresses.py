"""Webhook endpoints only reach public internet addresses over HTTPS: the admin refuses any
other address, and every delivery checks the address again right before it connects, to the
address it checked. These tests run with the production default (no HTTP, no private
addresses); they use IP literals and `localhost` only, never the network."""

import socket

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from co_design.models import StrategyDraftPage, WebhookDelivery, WebhookEndpoint
from co_design.publishing.models import validate_webhook_url

from ..support.factories import StrategyDraftPageFactory, site_home, superuser
from ..support.factories import publish as publish_first_edition
from .test_graphql_webhooks import SECRET, Receiver, publish

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/co_design/webhookendpoint/add/"

REFUSED = [
    ("http://127.0.0.1:6379/", "must start with https://"),
    ("http://169.254.169.254/latest/meta-data/", "must start with https://"),
    ("ftp://files.example.org/hook", "must start with https://"),
    ("https://127.0.0.1:6379/", "127.0.0.1, a local, private or reserved address"),
    ("https://localhost/hook", "a local, private or reserved address"),
    ("https://169.254.169.254/latest/meta-data/", "169.254.169.254, a local, private"),
    ("https://10.1.2.3/hook", "10.1.2.3, a local, private"),
    ("https://172.16.0.9/hook", "172.16.0.9, a local, private"),
    ("https://192.168.1.20/hook", "192.168.1.20, a local, private"),
    ("https://100.64.0.1/hook", "100.64.0.1, a local, private"),
    ("https://0.0.0.0/hook", "0.0.0.0, a local, private"),
    ("https://224.0.0.1/hook", "224.0.0.1, a local, private"),
    ("https://240.0.0.1/hook", "240.0.0.1, a local, private"),
    ("https://[::1]/hook", "::1, a local, private"),
    ("https://[::ffff:127.0.0.1]/hook", "::ffff:127.0.0.1, a local, private"),
    ("https://[fe80::1]/hook", "fe80::1, a local, private"),
    ("https://[fd00::1]/hook", "fd00::1, a local, private"),
    ("https://[ff02::1]/hook", "ff02::1, a local, private"),
]


def endpoint_form(url):
    return {
        "name": "City of Example",
        "url": url,
        "secret": SECRET,
        "active": "on",
        "on_manifesto": "on",
        "on_strategies": "on",
        "on_training_modules": "on",
    }


@pytest.mark.parametrize("url,message", REFUSED)
def test_the_admin_refuses_webhook_addresses_that_are_not_public_https(admin_client, url, message):
    response = admin_client.post(ADD_URL, endpoint_form(url))

    assert response.status_code == 200  # the form again, with the reason
    assert message in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_admin_accepts_a_public_https_address(admin_client):
    response = admin_client.post(ADD_URL, endpoint_form("https://93.184.215.14/hooks/eccipa"))

    assert response.status_code == 302
    assert WebhookEndpoint.objects.get().url == "https://93.184.215.14/hooks/eccipa"


def test_the_refusal_is_translated():
    with translation.override("de"), pytest.raises(ValidationError) as refusal:
        validate_webhook_url("https://127.0.0.1/hook")
    assert "127.0.0.1, eine lokale, private oder reservierte Adresse" in refusal.value.messages[0]
    with translation.override("it"), pytest.raises(ValidationError) as refusal:
        validate_webhook_url("http://93.184.215.14/hook")
    assert "https://" in refusal.value.messages[0]
    assert refusal.value.messages[0] != "Webhook addresses must start with https://."


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


@pytest.fixture
def strategy():
    """A published strategy, whose next publication the webhooks announce."""
    return publish_first_edition(StrategyDraftPageFactory(parent__parent=site_home()))


@pytest.fixture
def admin_client(client):
    client.force_login(superuser())
    return client


def test_a_delivery_to_an_address_saved_before_the_rules_is_refused_without_sending(
    receiver, settings, django_capture_on_commit_callbacks, strategy
):
    """An endpoint stored before addresses were checked (or under the development settings)
    is checked again at delivery: nothing reaches the loopback receiver, and it is not retried."""
    # only the address is at fault here
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_HTTP": True}
    WebhookEndpoint.objects.create(name="Internal", url=receiver.url, secret=SECRET)

    publish(strategy, django_capture_on_commit_callbacks, summary="Published anyway.")

    assert receiver.requests == []
    [delivery] = WebhookDelivery.objects.all()
    assert (delivery.status, delivery.response_status) == ("failed", None)
    assert delivery.error.startswith("Not sent:")
    assert "127.0.0.1, a local, private or reserved address" in delivery.error
    assert "retry" not in delivery.error
    assert StrategyDraftPage.objects.get(pk=strategy.pk).summary == "Published anyway."


class FakeDNS:
    """Answers for one made-up host name, in turn (the rest resolves as usual)."""

    def __init__(self, monkeypatch, name, *answers):
        self.name, self.answers, self.lookups = name, list(answers), 0
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            if host != name:
                return real(host, port, *args, **kwargs)
            self.lookups += 1
            if not self.answers:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            address = self.answers.pop(0)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_name_that_resolves_elsewhere_at_delivery_is_refused_without_sending(
    receiver, settings, monkeypatch, django_capture_on_commit_callbacks, strategy
):
    """DNS rebinding: the name was public when the endpoint was saved, and points at the
    loopback receiver when the delivery runs."""
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_HTTP": True}
    port = receiver.server.server_port
    url = f"http://rebind.example:{port}/hooks/eccipa"
    dns = FakeDNS(monkeypatch, "rebind.example", "93.184.215.14", "127.0.0.1")
    validate_webhook_url(url)  # as the admin form does when the endpoint is saved
    WebhookEndpoint.objects.create(name="Rebinding", url=url, secret=SECRET)

    publish(strategy, django_capture_on_commit_callbacks)

    assert receiver.requests == []
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == "failed"
    assert "127.0.0.1, a local, private or reserved address" in delivery.error
    assert dns.lookups == 2


def test_the_delivery_connects_to_the_address_it_checked_without_resolving_again(
    receiver, settings, monkeypatch, django_capture_on_commit_callbacks, strategy
):
    """The name is resolved once per delivery; the connection goes to that vetted address
    (a second lookup would fail here) and the request still names the host."""
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_HTTP": True}
    # a receiver on this machine
    settings.ECCIPA_WEBHOOKS = {**settings.ECCIPA_WEBHOOKS, "ALLOW_PRIVATE_ADDRESSES": True}
    port = receiver.server.server_port
    WebhookEndpoint.objects.create(
        name="Pinned", url=f"http://hooks.example:{port}/hooks/eccipa", secret=SECRET
    )
    dns = FakeDNS(monkeypatch, "hooks.example", "127.0.0.1")

    publish(strategy, django_capture_on_commit_callbacks)

    [request] = receiver.requests
    assert request["valid_signature"]
    assert request["headers"]["host"] == f"hooks.example:{port}"
    assert WebhookDelivery.objects.get().status == "succeeded"
    assert dns.lookups == 1
