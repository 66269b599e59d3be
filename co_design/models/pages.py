"""Behaviour shared by the ECCIPA page types."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class OnePerTerritoryMixin:
    """Each territory writes one needs review and one local strategy (per language)."""

    def clean(self):
        super().clean()
        if not self.territory_id:
            return
        others = type(self).objects.filter(territory_id=self.territory_id, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {
                    "territory": _("%(territory)s already has a %(kind)s in this language.")
                    % {"territory": self.territory, "kind": self._meta.verbose_name}
                }
            )
