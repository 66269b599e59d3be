"""Publish webhooks in the admin: endpoints to edit, and the delivery log to read."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from co_design.publishing.models import WebhookDelivery, WebhookEndpoint


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The delivery log is written by the webhook task only: it can be viewed, never edited."""

    def user_has_permission(self, user, action):
        return action == "view" and user.has_perm(self._get_permission_name("view"))


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    icon = "history"
    inspect_view_enabled = True
    list_display = [
        "created_at",
        "endpoint",
        "event",
        "page_title",
        "locale",
        "attempt",
        "status",
        "response_status",
    ]
    list_filter = ["endpoint", "status", "event"]
    inspect_view_fields = [
        "endpoint",
        "event_id",
        "event",
        "page_type",
        "page_id",
        "page_title",
        "locale",
        "attempt",
        "status",
        "response_status",
        "error",
        "duration_ms",
        "next_attempt_at",
        "payload",
        "created_at",
    ]


class WebhooksViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Publish webhooks")
    menu_icon = "link-external"
    menu_order = 210
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)
