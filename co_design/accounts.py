"""Signing in on the public site: stakeholders never see the Wagtail admin, so they sign in,
sign out and reset their password here, under /accounts/."""

import unicodedata

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .language_preference import save_language


class EmailOrUsernameBackend(ModelBackend):
    """Invited stakeholders know their e-mail address, not the username made for them."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None or not username or "@" not in username:
            return user
        matches = list(get_user_model()._default_manager.filter(email__iexact=username)[:2])
        # Two accounts sharing an address: only the username says which one is meant.
        if len(matches) == 1:
            candidate = matches[0]
            if candidate.check_password(password) and self.user_can_authenticate(candidate):
                return candidate
        return None


FORM_ERRORS_ID = "form-errors"


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or username and the password do not match an account. Check "
            "both and try again; the password is case-sensitive."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address or username")
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def full_clean(self):
        super().full_clean()
        # A wrong password is an error of the form as a whole: read it out with each field.
        if self.is_bound and self.non_field_errors():
            for name in self.fields:
                bound = self[name]
                described_by = " ".join(filter(None, [bound.aria_describedby, FORM_ERRORS_ID]))
                bound.field.widget.attrs.update(
                    {"aria-describedby": described_by, "aria-invalid": "true"}
                )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Invited stakeholders start without a password (they sign in through their invitation
    link); Django would refuse them a reset link, which is how they set one. The reset link goes
    to the same mailbox as the invitation, so it proves nothing less."""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        # As Django does: a look-alike address that the database folds to the same case must
        # not receive someone else's link.
        return (user for user in users if folded(user.email) == folded(email))


def folded(text):
    return unicodedata.normalize("NFKC", text).casefold()


urlpatterns = [
    path("language/", save_language, name="save_language"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path(
        "logout/",
        auth_views.LogoutView.as_view(template_name="accounts/logged_out.html"),
        name="logout",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            form_class=PasswordResetForm,
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
