"""Signing in on the public site: stakeholders never see the Wagtail admin, so they sign in,
sign out and reset their password here, under /accounts/.

Guessing is throttled on both sign-in pages (the site's and the admin's): django-axes counts
failed sign-ins per username and network address in Django's cache (Redis, or the database
cache, in production: shared by every app process) and refuses that pair for a cool-off period
once SIGN_IN_FAILURE_LIMIT is reached, even with the right password. Password reset e-mails are
limited per address and per network address per hour, on the site and in the admin.
"""

import hashlib
import math
import time
import unicodedata

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import auth as wagtail_forms
from wagtail.admin.views import account as wagtail_account

from co_design.accounts.language import save_language, signed_in_redirect


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


class SignInView(auth_views.LoginView):
    """The site's sign-in: afterwards the site speaks the person's own language."""

    def form_valid(self, form):
        super().form_valid(form)
        return signed_in_redirect(form.get_user(), self.get_success_url())


class ResetsPasswordlessAccounts:
    """Invited people start without a password (they sign in through their invitation link);
    Django would refuse them a reset link, which is how they set one. The reset link goes to the
    same mailbox as the invitation, so it proves nothing less."""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        # As Django does: a look-alike address that the database folds to the same case must
        # not receive someone else's link.
        return (user for user in users if folded(user.email) == folded(email))


class PasswordResetForm(ResetsPasswordlessAccounts, auth_forms.PasswordResetForm):
    """The public site's "Forgotten or never set your password?"."""


class AdminPasswordResetForm(ResetsPasswordlessAccounts, wagtail_forms.PasswordResetForm):
    """The admin's password reset (WAGTAILADMIN_USER_PASSWORD_RESET_FORM): an invited editor or
    partner lead sets a first password there too."""


def folded(text):
    return unicodedata.normalize("NFKC", text).casefold()


def client_ip(request):
    """The visitor's network address. Behind TRUSTED_PROXY_COUNT reverse proxies (each appending
    to X-Forwarded-For), the address the outermost trusted proxy saw; otherwise the peer's."""
    proxies = settings.ECCIPA_SIGN_IN["TRUSTED_PROXY_COUNT"]
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def sign_in_name(request, credentials):
    """What axes counts failures against: the account the typed name means, however it is
    written: the username, or the e-mail address of one account in any capitalisation (the
    backend accepts both), so that each spelling does not get tries of its own."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    name = (name or "").strip()
    if "@" in name:
        usernames = list(
            get_user_model()
            ._default_manager.filter(email__iexact=name)
            .values_list(get_user_model().USERNAME_FIELD, flat=True)[:2]
        )
        if len(usernames) == 1:
            name = usernames[0]
    return folded(name)


def throttled(request, message, retry_after):
    """The page for someone who tried too often: 429, with when to come back."""
    response = render(request, "accounts/throttled.html", {"message": message}, status=429)
    response["Retry-After"] = str(int(retry_after))
    return response


def locked_out(request, original_response=None, credentials=None):
    """axes' answer to a sign-in while the name and address are locked out (AXES_LOCKOUT_CALLABLE),
    the right password included."""
    minutes = settings.ECCIPA_SIGN_IN["COOLOFF_MINUTES"]
    message = ngettext(
        "Too many failed attempts to sign in with this name from your network. For the safety "
        "of the account, signing in is paused: please try again in %(minutes)s minute.",
        "Too many failed attempts to sign in with this name from your network. For the safety "
        "of the account, signing in is paused: please try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}
    return throttled(request, message, retry_after=minutes * 60)


PASSWORD_RESET_WINDOW = 60 * 60


def count_within_window(key, window):
    """How many times `key` was counted in the current window of `window` seconds, this time
    included. The counter lives in the shared cache, so every app process counts together;
    the expiry is set again after each count (some caches reset it on increment)."""
    now = time.time()
    start = int(now // window) * window
    key = f"{key}:{start}"
    remaining = math.ceil(start + window - now) + 1
    cache.add(key, 0, timeout=remaining)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=remaining)
        count = 1
    cache.touch(key, timeout=remaining)
    return count


def password_reset_refusal(request, email):
    """Why no reset e-mail may be sent now, or None: at most PASSWORD_RESET_EMAILS_PER_ADDRESS
    per address and PASSWORD_RESET_EMAILS_PER_IP per network address per hour. Every request
    counts, whether or not an account uses the address, so the answer tells nothing about it."""
    address = hashlib.sha256(folded(email.strip()).encode()).hexdigest()
    network = hashlib.sha256(client_ip(request).encode()).hexdigest()
    over_address = (
        count_within_window(f"password-reset:address:{address}", PASSWORD_RESET_WINDOW)
        > settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_ADDRESS"]
    )
    over_network = (
        count_within_window(f"password-reset:ip:{network}", PASSWORD_RESET_WINDOW)
        > settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_IP"]
    )
    if over_address or over_network:
        return gettext(
            "Too many password reset e-mails were requested for this address or from your "
            "network in the last hour, so no new one was sent. Please look for the e-mails "
            "already sent (and in your spam folder), or try again in an hour."
        )
    return None


class ThrottledPasswordResetMixin:
    def form_valid(self, form):
        refusal = password_reset_refusal(self.request, form.cleaned_data["email"])
        if refusal:
            return throttled(self.request, refusal, retry_after=PASSWORD_RESET_WINDOW)
        return super().form_valid(form)


class PasswordResetView(ThrottledPasswordResetMixin, auth_views.PasswordResetView):
    pass


class AdminPasswordResetView(ThrottledPasswordResetMixin, wagtail_account.PasswordResetView):
    """Wagtail's admin password reset (/admin/password_reset/), with the same limits."""


urlpatterns = [
    path("language/", save_language, name="save_language"),
    path(
        "login/",
        SignInView.as_view(
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
        PasswordResetView.as_view(
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
