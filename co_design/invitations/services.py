"""Inviting stakeholders and following an invitation link.

An invitation goes to one e-mail address; its link signs that person in once, creating their
account on first use. Nobody is invited twice: not while an earlier invitation is open, and not
once they have an account (they sign in, or set a password from the sign-in page).
"""

import hmac
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from co_design.access.invitations import can_invite, has_no_role_but
from co_design.access.roles import groups_for_role
from co_design.access.verdicts import ALLOWED, Refused, Verdict
from co_design.accounts.models import Profile
from co_design.invitations.models import Invitation, hash_token
from co_design.notifications.links import absolute_url

# Why an invitation cannot be sent, or a link cannot sign anyone in: a Refused, whose status is
# 410 (the link is gone) unless said otherwise.
GONE = 410


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str
    territory: object
    organisation: str = ""
    organisation_type: str = ""
    language: str = ""


def invitation_verdict(inviter, invitee, now=None):
    """May `inviter` invite `invitee` now?"""
    verdict = can_invite(inviter, invitee.territory)
    if not verdict:
        return verdict
    return first_invitation(invitee.email, now)


def first_invitation(email, now=None):
    """May `email` be invited without inviting someone twice?"""
    if get_user_model()._default_manager.filter(email__iexact=email).exists():
        return Verdict(False, _("Already registered: an account uses this e-mail address."))
    earlier = Invitation.objects.for_email(email).open(now).first()
    if earlier:
        return Verdict(
            False,
            _("Already invited on %(date)s; that invitation is open until %(expires)s.")
            % {
                "date": date_format(timezone.localtime(earlier.created_at), "DATE_FORMAT"),
                "expires": date_format(timezone.localtime(earlier.expires_at), "DATE_FORMAT"),
            },
        )
    return ALLOWED


def invite(inviter, invitee):
    """Record the invitation and e-mail its link once the transaction commits."""
    verdict = invitation_verdict(inviter, invitee)
    if not verdict:
        raise Refused(verdict.reason, status=GONE)
    now = timezone.now()
    invitation = Invitation(
        email=invitee.email,
        name=invitee.name,
        organisation=invitee.organisation,
        organisation_type=invitee.organisation_type,
        territory=invitee.territory,
        language=invitee.language or invitee.territory.default_language,
        invited_by=inviter,
        created_at=now,
    )
    token = invitation.new_token()
    try:
        with transaction.atomic():
            # An expired invitation gives way to the new one.
            Invitation.objects.for_email(invitee.email).pending().filter(
                expires_at__lte=now
            ).update(superseded_at=now)
            invitation.save()
    except IntegrityError:
        # Another editor invited the same address a moment ago.
        raise Refused(
            _("Already invited: an invitation to this address is open."), status=GONE
        ) from None
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return invitation


def invitation_url(token):
    return absolute_url(reverse("accept_invitation", args=[token]))


def send_invitation(invitation, token):
    """The invitation e-mail, in the invitee's language; the first line is the subject."""
    inviter = invitation.invited_by
    with translation.override(invitation.language):
        text = render_to_string(
            "emails/stakeholder_invitation.txt",
            {
                "invitation": invitation,
                "inviter_name": inviter.get_full_name() or inviter.get_username()
                if inviter
                else settings.WAGTAIL_SITE_NAME,
                "link": invitation_url(token),
                "sign_in_url": absolute_url(reverse("login")),
            },
        ).strip()
    subject, _newline, body = text.partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [invitation.email])


def find(token):
    """The invitation a link's token belongs to, or None. Looked up by its digest, which is
    compared again in constant time."""
    digest = hash_token(token)
    invitation = Invitation.objects.select_related("territory").filter(token_hash=digest).first()
    if invitation is None or not hmac.compare_digest(invitation.token_hash, digest):
        return None
    return invitation


def redeem_verdict(invitation, now=None):
    """May this invitation's link still sign someone in?"""
    if invitation is None:
        return Verdict(
            False,
            _(
                "This invitation link is not valid. Check that you opened the whole link from the "
                "e-mail, or ask the editor who invited you for a new one."
            ),
        )
    status = invitation.status(now)
    if status == Invitation.Status.USED:
        return Verdict(False, already_used())
    if status == Invitation.Status.SUPERSEDED:
        return Verdict(
            False,
            _("A newer invitation replaced this one: please use the link in the latest e-mail."),
        )
    if status == Invitation.Status.EXPIRED:
        return Verdict(
            False,
            _(
                "This invitation link expired on %(date)s. Ask the editor who invited you for a "
                "new one."
            )
            % {"date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")},
        )
    return ALLOWED


def already_used():
    return _(
        "This invitation link has already been used. Sign in with your e-mail address; if you "
        "have no password yet, choose one through “Forgotten your password, or never set one?”."
    )


@transaction.atomic
def redeem(token):
    """The account the link signs in, created on first use; the link is spent. Nothing changes
    when it is refused."""
    invitation = find(token)
    verdict = redeem_verdict(invitation)
    if not verdict:
        raise Refused(verdict.reason, status=GONE)
    now = timezone.now()
    # Only one of two simultaneous clicks claims the invitation.
    if not Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=now):
        raise Refused(already_used(), status=GONE)
    user = account_for(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(user=user)
    return user


def account_for(invitation):
    """A new stakeholder account for the invitation's e-mail address. An account that already
    uses the address (in any case) was not made by this invitation: the link must not sign into
    it, whoever took the address, since a link is only as safe as the mailbox it went to."""
    User = get_user_model()
    existing = User._default_manager.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if not existing.is_active:
            raise Refused(
                _("The account of this e-mail address is deactivated. Please contact the editors."),
                status=GONE,
            )
        verdict = sign_in_verdict(invitation, existing)
        if not verdict:
            raise Refused(verdict.reason, status=403)
        return existing
    user = User(
        username=free_username(invitation.email),
        email=invitation.email,
        # One field for the whole name: names do not split into first and last everywhere.
        first_name=invitation.name[:150],
        # A territory's first editor and partner lead work in the admin.
        is_staff=invitation.role != Invitation.Role.STAKEHOLDER,
    )
    user.set_unusable_password()
    user.save()
    create_profile(user, invitation)
    user.groups.add(*groups_for_role(invitation.role, invitation.territory))
    Invitation.objects.filter(pk=invitation.pk).update(created_user=user)
    return user


def sign_in_verdict(invitation, user):
    """May the invitation's link sign `user` in? Only the password-less account the invitation
    itself created, with the invitation's role alone, qualifies."""
    if not user.is_active:
        return Verdict(
            False,
            _("The account of this e-mail address is deactivated. Please contact the editors."),
        )
    if (
        user.pk != invitation.created_user_id
        or user.has_usable_password()
        or (user.is_staff and invitation.role == Invitation.Role.STAKEHOLDER)
        or user.is_superuser
        or not has_no_role_but(user, invitation.role)
    ):
        return Verdict(
            False,
            _(
                "An account already uses this e-mail address, and an invitation link cannot "
                "sign into it. Please sign in with your e-mail address and password instead; if "
                "you have forgotten it, choose a new one through “Forgotten your password, or "
                "never set one?”."
            ),
        )
    return ALLOWED


def create_profile(user, invitation):
    return Profile.objects.create(
        user=user,
        territory=invitation.territory,
        organisation=invitation.organisation,
        organisation_type=invitation.organisation_type,
        language=invitation.language,
    )


def free_username(email):
    User = get_user_model()
    base = email.lower()[:140]
    username, number = base, 1
    while User._default_manager.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username
