"""Admin: an administrator adds a partner territory (the same step as manage.py add_territory)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from co_design.access.verdicts import Refused
from co_design.choices import Country, Language
from co_design.text import PlainTextField

from .add_territory import Person, add_territory

app_name = "eccipa_territories"


def administrator(user):
    return user.is_active and user.is_superuser


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return administrator(request.user)


def menu_item():
    return AdministratorMenuItem(
        gettext_lazy("Add a territory"),
        reverse("eccipa_territories:add"),
        icon_name="site",
        order=960,
    )


class AddTerritoryForm(forms.Form):
    name = PlainTextField(label=gettext_lazy("Name of the territory"), max_length=120)
    country = forms.ChoiceField(label=gettext_lazy("Country"), choices=Country.choices)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Language.choices)
    editor_name = PlainTextField(label=gettext_lazy("Name of its first editor"), max_length=150)
    editor_email = forms.EmailField(label=gettext_lazy("E-mail address of its first editor"))
    lead_name = PlainTextField(label=gettext_lazy("Name of its partner lead"), max_length=150)
    lead_email = forms.EmailField(label=gettext_lazy("E-mail address of its partner lead"))


class AddTerritoryView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Add a territory")
    header_icon = "site"
    template_name = "onboarding/admin/add_territory.html"
    form_class = AddTerritoryForm
    http_method_names = ["get", "post", "head", "options"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not administrator(request.user):
            raise PermissionDenied(_("Only administrators add territories."))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            report = add_territory(
                data["name"],
                data["country"],
                data["language"],
                editor=Person(data["editor_name"], data["editor_email"]),
                lead=Person(data["lead_name"], data["lead_email"]),
                invited_by=self.request.user,
            )
        except Refused as refusal:
            form.add_error(None, refusal.message)
            response = self.form_invalid(form)
            response.status_code = 400
            return response
        return TemplateResponse(
            self.request,
            self.template_name,
            self.get_context_data(form=self.form_class(), report=report),
        )


urlpatterns = [path("", AddTerritoryView.as_view(), name="add")]
