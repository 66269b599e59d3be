"""Inviting stakeholders and following an invitation link.

An invitation goes to one e-mail address; its link signs that person in once, creating their
account on first use. Nobody is invited twice: not while an earlier invitation is open, and not
once they have an account (they sign in, or set a password from the sign-in page).
"""

import hmac
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import rules
from .models import Invitation, Profile
from .models.invitations import hash_token
from .notifications import absolute
from .refusals import Refused
from .roles import ROLE_GROUPS


class InvitationRefused(Refused):
    """Why an invitation cannot be sent, or a link cannot sign anyone in; readable by the user.
    A link that cannot sign in is gone (410) unless said otherwise."""

    def __init__(self, message, status=410):
        super().__init__(message, status)


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str
    territory: object
    organisation: str = ""
    organisation_type: str = ""
    language: str = ""


def refusal_to_invite(inviter, invitee, now=None):
    """Why `inviter` may not invite `invitee` now, or None."""
    verdict = rules.can_invite(inviter, invitee.territory)
    if not verdict:
        return verdict.reason
    return duplicate_of(invitee.email, now)


def duplicate_of(email, now=None):
    """Why inviting `email` would invite someone twice, or None."""
    if get_user_model()._default_manager.filter(email__iexact=email).exists():
        return _("Already registered: an account uses this e-mail address.")
    earlier = Invitation.objects.for_email(email).open(now).first()
    if earlier:
        return _("Already invited on %(date)s; that invitation is open until %(expires)s.") % {
            "date": date_format(timezone.localtime(earlier.created_at), "DATE_FORMAT"),
            "expires": date_format(timezone.localtime(earlier.expires_at), "DATE_FORMAT"),
        }
    return None


def invite(inviter, invitee):
    """Record the invitation and e-mail its link once the transaction commits."""
    reason = refusal_to_invite(inviter, invitee)
    if reason:
        raise InvitationRefused(reason)
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
        raise InvitationRefused(
            _("Already invited: an invitation to this address is open.")
        ) from None
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return invitation


def invitation_url(token):
    return absolute(reverse("accept_invitation", args=[token]))


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
                "sign_in_url": absolute(reverse("login")),
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


def refusal_to_redeem(invitation, now=None):
    """Why this invitation's link can no longer sign anyone in, or None."""
    if invitation is None:
        return _(
            "This invitation link is not valid. Check that you opened the whole link from the "
            "e-mail, or ask the editor who invited you for a new one."
        )
    status = invitation.status(now)
    if status == Invitation.Status.USED:
        return already_used()
    if status == Invitation.Status.SUPERSEDED:
        return _("A newer invitation replaced this one: please use the link in the latest e-mail.")
    if status == Invitation.Status.EXPIRED:
        return _(
            "This invitation link expired on %(date)s. Ask the editor who invited you for a new "
            "one."
        ) % {"date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")}
    return None


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
    reason = refusal_to_redeem(invitation)
    if reason:
        raise InvitationRefused(reason)
    now = timezone.now()
    # Only one of two simultaneous clicks claims the invitation.
    if not Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=now):
        raise InvitationRefused(already_used())
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
            raise InvitationRefused(
                _("The account of this e-mail address is deactivated. Please contact the editors.")
            )
        reason = refusal_to_sign_in(invitation, existing)
        if reason:
            raise InvitationRefused(reason, status=403)
        return existing
    user = User(
        username=free_username(invitation.email),
        email=invitation.email,
        # One field for the whole name: names do not split into first and last everywhere.
        first_name=invitation.name[:150],
    )
    user.set_unusable_password()
    user.save()
    create_profile(user, invitation)
    user.groups.add(Group.objects.get_or_create(name=ROLE_GROUPS["stakeholder"])[0])
    Invitation.objects.filter(pk=invitation.pk).update(created_user=user)
    return user


def refusal_to_sign_in(invitation, user):
    """Why the invitation's link may not sign `user` in, or None. Only the password-less
    stakeholder account the invitation itself created qualifies."""
    if not user.is_active:
        return _("The account of this e-mail address is deactivated. Please contact the editors.")
    if (
        user.pk != invitation.created_user_id
        or user.has_usable_password()
        or user.is_staff
        or user.is_superuser
        or rules.roles_of(user) - {"stakeholder"}
    ):
        return _(
            "An account already uses this e-mail address, and an invitation link cannot sign "
            "into it. Please sign in with your e-mail address and password instead; if you have "
            "forgotten it, choose a new one through “Forgotten your password, or never set one?”."
        )
    return None


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
