"""Admin: download the Toolkit package, and import one (administrators only)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from co_design.access.verdicts import Refused
from co_design.territories import Territory

from . import package_format
from .export import export_package
from .importer import import_package

app_name = "eccipa_replication"


def administrator(user):
    return user.is_active and user.is_superuser


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return administrator(request.user)


def menu_item():
    return AdministratorMenuItem(
        gettext_lazy("Toolkit package"),
        reverse("eccipa_replication:index"),
        icon_name="download",
        order=950,
    )


class AdministratorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not administrator(request.user):
            raise PermissionDenied(_("Only administrators export and import the Toolkit."))
        return super().dispatch(request, *args, **kwargs)


def package_response(data):
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="eccipa-toolkit.zip"'
    return response


class ImportForm(forms.Form):
    package = forms.FileField(
        label=gettext_lazy("Package"),
        help_text=gettext_lazy("A zip file exported by export_toolkit or this page."),
    )
    territory = forms.ModelChoiceField(
        label=gettext_lazy("Importing territory"),
        queryset=Territory.objects.all(),
        to_field_name="slug",
        help_text=gettext_lazy("Leads the imported modules whose territory this site lacks."),
    )
    site = forms.ModelChoiceField(
        label=gettext_lazy("Site"), queryset=Site.objects.all(), required=False
    )
    update = forms.BooleanField(
        label=gettext_lazy("Update modules that exist already (as new drafts)"), required=False
    )

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > package_format.MAX_PACKAGE_BYTES:
            raise forms.ValidationError(_("The package is larger than 100 MB."))
        return package


class ToolkitPackageView(AdministratorsOnly, WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Toolkit package")
    header_icon = "download"
    template_name = "replication/admin/toolkit_package.html"
    form_class = ImportForm
    http_method_names = ["get", "post", "head", "options"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(schema_version=package_format.SCHEMA_VERSION, **kwargs)

    def form_valid(self, form):
        try:
            report = import_package(
                form.cleaned_data["package"].read(),
                form.cleaned_data["territory"].slug,
                site=form.cleaned_data["site"],
                update=form.cleaned_data["update"],
                user=self.request.user,
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


def download(request):
    if not administrator(request.user):
        raise PermissionDenied(_("Only administrators export and import the Toolkit."))
    return package_response(export_package())


urlpatterns = [
    path("", ToolkitPackageView.as_view(), name="index"),
    path("export/", download, name="export"),
]
