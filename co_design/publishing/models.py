"""Publish webhooks: external sites register an endpoint and are told when content changes."""

import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def new_secret():
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class WebhookTarget:
    """Where a webhook may go: the URL's parts and every address its host resolved to, each
    vetted. Delivery connects to one of these addresses, never resolving the name again."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple


def forbidden_address(address):
    """Loopback, private, link-local, multicast, reserved, unspecified, or otherwise not a
    public internet address (IPv4 inside IPv6 judged as the IPv4 it carries)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def webhook_target(url):
    """The vetted target of `url`, or ValidationError with a translated reason. Names are
    resolved here (every address they resolve to must be public), so call it again right before
    each delivery: the answer of the name may have changed since the endpoint was saved."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError(gettext("Enter a valid web address."), code="invalid") from None
    allowed_schemes = {"https", "http"} if settings.ECCIPA_WEBHOOKS["ALLOW_HTTP"] else {"https"}
    if parts.scheme.lower() not in allowed_schemes:
        raise ValidationError(gettext("Webhook addresses must start with https://."), code="scheme")
    host = parts.hostname
    if not host:
        raise ValidationError(gettext("Enter a valid web address."), code="invalid")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise ValidationError(
            gettext("The host name %(host)s could not be found.") % {"host": host},
            code="unresolved",
        ) from None
    addresses = tuple(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise ValidationError(
            gettext("The host name %(host)s could not be found.") % {"host": host},
            code="unresolved",
        )
    if not settings.ECCIPA_WEBHOOKS["ALLOW_PRIVATE_ADDRESSES"]:
        for address in addresses:
            if forbidden_address(address):
                raise ValidationError(
                    gettext(
                        "%(host)s leads to %(address)s, a local, private or reserved address. "
                        "Webhooks are only sent to public internet addresses."
                    )
                    % {"host": host, "address": address},
                    code="forbidden_address",
                )
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return WebhookTarget(parts.scheme.lower(), host, port, path, addresses)


def validate_webhook_url(url):
    webhook_target(url)


class WebhookPageType(models.TextChoices):
    MANIFESTO = "manifesto", _("Manifesto")
    STRATEGY = "strategy", _("Local strategy")
    TRAINING_MODULE = "training_module", _("Training module")


class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("Who receives the calls."))
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("HTTPS address to POST to."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=128,
        default=new_secret,
        help_text=_(
            "Shared with the receiver, which checks the X-ECCIPA-Signature header: "
            "sha256=<HMAC-SHA256 of the body with this secret, in hex>."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    on_manifesto = models.BooleanField(_("the Manifesto"), default=True)
    on_strategies = models.BooleanField(_("local strategies"), default=True)
    on_training_modules = models.BooleanField(_("training modules"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("on_manifesto"),
                FieldPanel("on_strategies"),
                FieldPanel("on_training_modules"),
            ],
            heading=_("Publishing of"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.name

    @classmethod
    def subscribed_to(cls, page_type):
        field = {
            WebhookPageType.MANIFESTO: "on_manifesto",
            WebhookPageType.STRATEGY: "on_strategies",
            WebhookPageType.TRAINING_MODULE: "on_training_modules",
        }[page_type]
        return cls.objects.filter(active=True, **{field: True})


class WebhookDelivery(models.Model):
    """One attempt to deliver one event to one endpoint."""

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Delivered")
        RETRYING = "retrying", _("Failed, will retry")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event_id = models.UUIDField(_("event id"), help_text=_("The same for every attempt."))
    event = models.CharField(_("event"), max_length=40)
    page_type = models.CharField(_("page type"), max_length=40, choices=WebhookPageType.choices)
    page_id = models.PositiveIntegerField(_("page id"))
    page_title = models.CharField(_("page title"), max_length=255)
    locale = models.CharField(_("locale"), max_length=8)
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(_("attempted at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} {self.page_title} → {self.endpoint} (#{self.attempt})"
