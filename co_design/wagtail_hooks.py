from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import invitation_admin
from .models import Competence, Profile, Territory
from .review import send_edited_page_back_through_review


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


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    return send_edited_page_back_through_review(request, page)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("co_design.sign_off", _("Sign-off"), _("Signed off"))
    actions.register_action(
        "co_design.consultation.closing_date",
        _("Consultation: closing date"),
        _("Changed the consultation's closing date"),
    )
