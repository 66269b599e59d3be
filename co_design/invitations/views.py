"""The invitation link: a page that greets the invitee, and a button that signs them in.

Opening the link changes nothing: mail filters open links to scan them, and would otherwise spend
the one-time link before the person does. Signing in takes the POST of that button.
"""

from django.contrib.auth import login
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from co_design.access.verdicts import Refused
from co_design.accounts.language import signed_in_redirect
from co_design.invitations.services import find, redeem, redeem_verdict


def without_referrer(response):
    # The token is in the address: never pass it on to another site. Not "no-referrer": with it
    # Chromium posts the button's form with `Origin: null`, which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = find(token)
    signed_in = request.user.is_authenticated
    if invitation and invitation.used_at and signed_in and invitation.user_id == request.user.pk:
        # A second click of the same person (or a reload) who is already signed in.
        return without_referrer(signed_in_redirect(request.user, reverse("my_consultations")))
    if request.method == "POST":
        try:
            user = redeem(token)
        except Refused as refusal:
            status = 404 if invitation is None else refusal.status
            return without_referrer(refused(request, refusal.message, status))
        login(request, user, backend="co_design.accounts.sign_in.EmailOrUsernameBackend")
        # A territory's first editor and partner lead work in the admin.
        start = reverse("wagtailadmin_home") if user.is_staff else reverse("my_consultations")
        return without_referrer(signed_in_redirect(user, start))
    verdict = redeem_verdict(invitation)
    if not verdict:
        return without_referrer(
            refused(request, verdict.reason, status=404 if invitation is None else 410)
        )
    return without_referrer(
        TemplateResponse(request, "invitations/invitation.html", {"invitation": invitation})
    )


def refused(request, reason, status):
    return TemplateResponse(request, "invitations/refused.html", {"reason": reason}, status=status)
