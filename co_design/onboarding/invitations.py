"""Invitations to a new territory's first editor and partner lead, through the stakeholders'
invitation machinery (one link, used once, creating the account with its role)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from co_design.access.verdicts import Refused
from co_design.invitations.models import Invitation
from co_design.invitations.services import first_invitation, send_invitation


def invite_partner(inviter, territory, role, name, email, language):
    """Invite `email` as `role` of `territory`; returns a sentence saying what happened. An
    earlier invitation or account of the same person for the same role counts as done, so a
    second run invites nobody again."""
    earlier = Invitation.objects.for_email(email).filter(territory=territory, role=role).first()
    if earlier is not None and earlier.status() in (
        Invitation.Status.OPEN,
        Invitation.Status.USED,
    ):
        return None
    account = get_user_model()._default_manager.filter(email__iexact=email).first()
    if account is not None and earlier is not None and account.pk == earlier.created_user_id:
        return None
    verdict = first_invitation(email)
    if not verdict:
        raise Refused(f"{email}: {verdict.reason}", status=400)
    now = timezone.now()
    invitation = Invitation(
        email=email,
        name=name,
        territory=territory,
        role=role,
        language=language,
        invited_by=inviter,
        created_at=now,
    )
    token = invitation.new_token()
    Invitation.objects.for_email(email).pending().filter(expires_at__lte=now).update(
        superseded_at=now
    )
    invitation.save()
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return _("Invited %(name)s <%(email)s> as %(role)s.") % {
        "name": name,
        "email": email,
        "role": invitation.get_role_display(),
    }
