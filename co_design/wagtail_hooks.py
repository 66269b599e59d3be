"""Registration with Wagtail, and nothing else: what is registered lives in its stage package."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from co_design.access import rules
from co_design.accounts.admin import NetworkViewSetGroup
from co_design.consultation import admin_urls as consultation_admin_urls
from co_design.consultation.dashboard import ConsultationsPanel, ReviewsPanel
from co_design.consultation.moderation import ModeratorMenuItem
from co_design.invitations import admin_views as invitation_admin
from co_design.onboarding import admin_views as territory_admin
from co_design.page_links import PageLinks
from co_design.publishing.admin import ReadOnlyPermissionPolicy, WebhooksViewSetGroup
from co_design.publishing.models import WebhookDelivery
from co_design.replication import admin_views as replication_admin
from co_design.review.action_menu import refuse_cancelling_review, review_actions_in_action_menu
from co_design.review.admin_views import send_edited_page_back_through_review
from co_design.review.publish_guard import (
    drop_publish_from_action_menu,
    explain_refused_bulk_publishing,
    refuse_publish_on_create,
    refuse_publish_on_edit,
    refuse_publishing_copies,
)
from co_design.review.sign_off_editor import wrap_translation_editor
from co_design.translations.editor_notice import warn_when_out_of_date

register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))
register_snippet(NetworkViewSetGroup)
register_snippet(WebhooksViewSetGroup)


# After Wagtail's own registration (order 0), which it replaces for links to pages.
@hooks.register("register_rich_text_features", order=1)
def page_links_in_a_few_queries(features):
    features.register_link_type(PageLinks)


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


# A translation whose source was published again since its last sync says so in the editor.
hooks.register("before_edit_page", warn_when_out_of_date)
wrap_translation_editor()
# Pages that go live only through their review: no *Publish* anywhere, and none forged.
hooks.register("before_edit_page", refuse_publish_on_edit)
hooks.register("before_create_page", refuse_publish_on_create)
hooks.register("before_copy_page", refuse_publishing_copies)
hooks.register("construct_page_action_menu", drop_publish_from_action_menu)
hooks.register("before_bulk_action", explain_refused_bulk_publishing)
# Review actions in the editor as the rules give them: partner leads sign from the editor;
# cancelling a review only for those allowed to (co_design.access.rules, "cancel_workflow").
hooks.register("construct_page_action_menu", review_actions_in_action_menu)
hooks.register("before_edit_page", refuse_cancelling_review)


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
    return consultation_admin_urls.urlpatterns


@hooks.register("register_admin_menu_item")
def register_flagged_comments_menu_item():
    return ModeratorMenuItem(
        _("Flagged comments"), reverse("eccipa_flagged_comments"), icon_name="warning", order=250
    )


@hooks.register("construct_homepage_panels")
def add_consultations_panel(request, panels):
    if rules.can_follow_consultations(request.user):
        panels.append(ConsultationsPanel(request.user))
    # The consultation step is "closed", never "Approved", in the reviews awaiting the user.
    panels[:] = [ReviewsPanel() if panel.name == ReviewsPanel.name else panel for panel in panels]
