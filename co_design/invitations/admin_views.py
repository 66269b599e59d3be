"""Admin views where editors invite stakeholders: the list of invitations, one person at a time,
or many from a CSV file. Editors invite for their own territory; moderators and administrators
for any."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from co_design.access.invitations import can_invite, invitable_territories
from co_design.access.verdicts import Refused
from co_design.choices import Language, OrganisationType
from co_design.invitations.csv_import import (
    COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    import_invitations,
    read_text,
)
from co_design.invitations.models import Invitation
from co_design.invitations.services import Invitee, first_invitation, invite
from co_design.text import PlainTextField

app_name = "eccipa_invitations"


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(can_invite(request.user))


def menu_item():
    return InvitationMenuItem(
        gettext_lazy("Invite stakeholders"),
        reverse("eccipa_invitations:index"),
        icon_name="mail",
        order=900,
    )


class InviterOnly:
    """Editors, moderators and administrators; stakeholders never reach the admin at all."""

    def dispatch(self, request, *args, **kwargs):
        verdict = can_invite(request.user)
        if not verdict:
            raise PermissionDenied(verdict.reason)
        return super().dispatch(request, *args, **kwargs)


class InvitationAdminView(InviterOnly, WagtailAdminTemplateMixin):
    header_icon = "mail"
    # Django's form views take PUT as a POST: only the methods the pages use.
    http_method_names = ["get", "post", "head", "options"]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("eccipa_invitations:index"), "label": _("Invitations")},
            {"url": "", "label": self.get_page_title()},
        ]


class InvitationIndexView(InvitationAdminView, TemplateView):
    page_title = gettext_lazy("Invitations")
    template_name = "invitations/admin_list.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        invitations = Invitation.objects.filter(
            territory__in=invitable_territories(self.request.user)
        ).select_related("territory", "invited_by")
        page = Paginator(invitations, 50).get_page(self.request.GET.get("p"))
        now = timezone.now()
        for invitation in page:
            invitation.current_status = invitation.status(now)
        return super().get_context_data(
            invitations=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            **kwargs,
        )


class InviteForm(forms.Form):
    name = PlainTextField(label=gettext_lazy("Name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    organisation = PlainTextField(
        label=gettext_lazy("Organisation"), max_length=200, required=False
    )
    organisation_type = forms.ChoiceField(
        label=gettext_lazy("Organisation type"), choices=OrganisationType.choices
    )
    territory = forms.ModelChoiceField(label=gettext_lazy("Territory"), queryset=None)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mail"),
        choices=[("", gettext_lazy("The territory's language")), *Language.choices],
        required=False,
    )

    def __init__(self, *args, inviter, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fields["territory"].queryset = invitable_territories(inviter)

    def clean_email(self):
        email = self.cleaned_data["email"]
        verdict = first_invitation(email)
        if not verdict:
            raise forms.ValidationError(verdict.reason)
        return email

    def invitee(self):
        return Invitee(**self.cleaned_data)


class InviteView(InvitationAdminView, FormView):
    page_title = gettext_lazy("Invite a stakeholder")
    template_name = "invitations/admin_invite.html"
    form_class = InviteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inviter": self.request.user}

    def form_valid(self, form):
        try:
            invitation = invite(self.request.user, form.invitee())
        except Refused as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Invitation sent to %(name)s <%(email)s>.")
            % {"name": invitation.name, "email": invitation.email},
        )
        return redirect("eccipa_invitations:index")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, comma- or semicolon-separated, with the header line "
            "name,email,organisation,organisation_type,territory,language; at most "
            "%(rows)s people and %(size)s KB."
        )
        % {"rows": MAX_ROWS, "size": MAX_BYTES // 1024},
    )

    def clean_file(self):
        try:
            return read_text(self.cleaned_data["file"])
        except Refused as problem:
            raise forms.ValidationError(problem.message) from None


class ImportView(InvitationAdminView, FormView):
    page_title = gettext_lazy("Invite stakeholders from a CSV file")
    template_name = "invitations/admin_import.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=",".join(COLUMNS),
            territories=invitable_territories(self.request.user),
            organisation_types=OrganisationType.choices,
            languages=Language.choices,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            report = import_invitations(self.request.user, form.cleaned_data["file"])
        except Refused as problem:
            form.add_error("file", problem.message)
            return self.form_invalid(form)
        # Shown at once: importing the same file again invites nobody twice.
        return TemplateResponse(
            self.request,
            "invitations/admin_import_report.html",
            self.get_context_data(form=self.form_class(), report=report),
        )


urlpatterns = [
    path("", InvitationIndexView.as_view(), name="index"),
    path("new/", InviteView.as_view(), name="invite"),
    path("import/", ImportView.as_view(), name="import"),
]
