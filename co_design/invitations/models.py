"""Invitations: an editor invites a stakeholder by e-mail, and the link in that e-mail signs
them in once, until it expires."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from co_design.choices import Language, OrganisationType
from co_design.territories import Territory


def hash_token(token):
    """Only this digest is stored: a copy of the database cannot be turned into sign-in links."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Neither used nor replaced by a newer invitation (possibly expired)."""
        return self.filter(used_at__isnull=True, superseded_at__isnull=True)

    def open(self, now=None):
        """Pending and not expired: the link still signs someone in."""
        return self.pending().filter(expires_at__gt=now or timezone.now())

    def for_email(self, email):
        return self.filter(email__iexact=email)


class Invitation(models.Model):
    class Role(models.TextChoices):
        STAKEHOLDER = "stakeholder", _("stakeholder")
        EDITOR = "editor", _("editor")
        PARTNER_LEAD = "partner_lead", _("partner lead")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        USED = "used", _("used")
        EXPIRED = "expired", _("expired")
        SUPERSEDED = "superseded", _("replaced by a newer invitation")

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    territory = models.ForeignKey(
        Territory, verbose_name=_("territory"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    # Stakeholders are invited by editors; a new territory's first editor and partner lead by
    # the administrator who adds the territory (co_design.territories).
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.STAKEHOLDER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The account the invitation signed in."),
    )
    created_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The stakeholder account this invitation created: the only one it signs in."),
    )
    superseded_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # Nobody is invited twice, even by two editors at the same moment: a new invitation
            # to the same address needs the earlier one used, or expired and marked replaced.
            models.UniqueConstraint(
                Lower("email"),
                condition=Q(used_at__isnull=True, superseded_at__isnull=True),
                name="one_pending_invitation_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def new_token(self):
        """Set a fresh token and its expiry; the raw token is returned once, for the e-mail."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = (self.created_at or timezone.now()) + timedelta(
            days=settings.ECCIPA_INVITATIONS["VALID_DAYS"]
        )
        return token

    def status(self, now=None):
        if self.used_at:
            return self.Status.USED
        if self.superseded_at:
            return self.Status.SUPERSEDED
        if self.expires_at <= (now or timezone.now()):
            return self.Status.EXPIRED
        return self.Status.OPEN
