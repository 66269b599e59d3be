from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, Profile, Territory


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


register_snippet(NetworkViewSetGroup)
