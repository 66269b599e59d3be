"""The network in the admin: territories, competences and the profiles of the people who take
part, as snippets under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from co_design.accounts.models import Profile
from co_design.territories import Competence, Territory


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    list_display = ["name", "country", "default_language"]
    search_fields = ["name"]
    # Not in the search index: the admin searches the table itself (the index has no `name`).
    search_backend_name = None


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "pick"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # Not in the search index: the admin searches the table itself (the index has no `name`).
    search_backend_name = None


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
