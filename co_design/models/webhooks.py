"""Publish webhooks: external sites register an endpoint and are told when content changes."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookPageType(models.TextChoices):
    MANIFESTO = "manifesto", _("Manifesto")
    STRATEGY = "strategy", _("Local strategy")
    TRAINING_MODULE = "training_module", _("Training module")


class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("Who receives the calls."))
    url = models.URLField(_("address"), max_length=500, help_text=_("HTTPS address to POST to."))
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
