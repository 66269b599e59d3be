from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import invitation_admin, review, rules
from .models import Competence, Profile, Territory, WebhookDelivery, WebhookEndpoint
from .replication import admin_views as replication_admin
from .review import send_edited_page_back_through_review
from .room import admin_views
from .room.dashboard import ConsultationsPanel, ReviewsPanel
from .territories import admin_views as territory_admin


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    list_display = ["name", "country", "default_language"]
    search_fields = ["name"]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "pick"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    list_display = ["user", "territory", "organisation", "organisation_type"]
    list_filter = ["territory", "organisation_type"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("ECCIPA network")
    menu_icon = "globe"
    menu_order = 200
    items = (TerritoryViewSet, CompetenceViewSet, ProfileViewSet)
    submenu_hook = "register_eccipa_network_menu_item"


register_snippet(NetworkViewSetGroup)


@hooks.register("register_eccipa_network_menu_item")
def register_invitations_menu_item():
    return invitation_admin.menu_item()


@hooks.register("register_admin_urls")
def register_invitation_urls():
    return [path("invitations/", include(invitation_admin))]


@hooks.register("register_eccipa_network_menu_item")
def register_toolkit_package_menu_item():
    return replication_admin.menu_item()


@hooks.register("register_eccipa_network_menu_item")
def register_add_territory_menu_item():
    return territory_admin.menu_item()


@hooks.register("register_admin_urls")
def register_network_growth_urls():
    return [
        path("toolkit-package/", include(replication_admin)),
        path("territories/add/", include(territory_admin)),
    ]


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    return send_edited_page_back_through_review(request, page)


# Pages that go live only through their review: no *Publish* anywhere, and none forged.
hooks.register("before_edit_page", review.refuse_publish_on_edit)
hooks.register("before_create_page", review.refuse_publish_on_create)
hooks.register("before_copy_page", review.refuse_publishing_copies)
hooks.register("construct_page_action_menu", review.drop_publish_from_action_menu)
hooks.register("before_bulk_action", review.explain_refused_bulk_publishing)
# Review actions in the editor as the rules give them: partner leads sign from the editor;
# cancelling a review only for those allowed to (co_design.rules, "cancel_workflow").
hooks.register("construct_page_action_menu", review.review_actions_in_action_menu)
hooks.register("before_edit_page", review.refuse_cancelling_review)


@hooks.register("insert_editor_js")
def name_rich_text_editors():
    return format_html('<script src="{}"></script>', static("co_design/admin/rich_text_labels.js"))


@hooks.register("insert_global_admin_js")
def name_admin_dialogs():
    return format_html('<script src="{}"></script>', static("co_design/admin/dialog_names.js"))


@hooks.register("insert_global_admin_css")
def admin_contrast_fixes():
    return format_html('<link rel="stylesheet" href="{}">', static("co_design/admin/admin.css"))


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("co_design.sign_off", _("Sign-off"), _("Signed off"))
    actions.register_action(
        "co_design.consultation.closing_date",
        _("Consultation: closing date"),
        _("Changed the consultation's closing date"),
    )


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path(
            "consultations/<id:page_id>/comments/",
            admin_views.comments_index,
            name="eccipa_consultation_comments",
        ),
        path(
            "consultations/<id:page_id>/comments.<str:file_format>",
            admin_views.export,
            name="eccipa_consultation_export",
        ),
        path(
            "consultations/comments/<id:comment_id>/decision/",
            admin_views.decide,
            name="eccipa_consultation_decide",
        ),
        path("consultations/flags/", admin_views.flags_index, name="eccipa_flagged_comments"),
        path(
            "consultations/comments/<id:comment_id>/<str:action>/",
            admin_views.moderate,
            name="eccipa_moderate_comment",
        ),
        path(
            "consultations/replies/<id:reply_id>/<str:action>/",
            admin_views.moderate_reply,
            name="eccipa_moderate_reply",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return bool({"moderator", "admin"} & rules.roles_of(request.user))


@hooks.register("register_admin_menu_item")
def register_flagged_comments_menu_item():
    return ModeratorMenuItem(
        _("Flagged comments"), reverse("eccipa_flagged_comments"), icon_name="warning", order=250
    )


@hooks.register("construct_homepage_panels")
def add_consultations_panel(request, panels):
    if {"editor", "moderator", "admin"} & rules.roles_of(request.user):
        panels.append(ConsultationsPanel(request.user))
    # The consultation step is "closed", never "Approved", in the reviews awaiting the user.
    panels[:] = [ReviewsPanel() if panel.name == ReviewsPanel.name else panel for panel in panels]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The delivery log is written by the webhook task only: it can be viewed, never edited."""

    def user_has_permission(self, user, action):
        return action == "view" and user.has_perm(self._get_permission_name("view"))


register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


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


register_snippet(WebhooksViewSetGroup)
