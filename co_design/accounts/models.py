"""Who takes part: the territory and organisation behind each account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from co_design.choices import Language, OrganisationType
from co_design.territories import Territory


class Profile(models.Model):
    """Stakeholders and partner staff alike belong to a territory; stakeholders also to an
    organisation of a given type. Roles themselves are Django groups."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return f"{self.user} ({self.territory or '—'})"
