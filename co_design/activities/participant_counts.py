"""Counts of who took part, by organisation type (interviews, focus groups, round tables)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from co_design.choices import OrganisationType


class ParticipantCount(Orderable):
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices
    )
    count = models.PositiveIntegerField(_("people"))

    panels = [FieldPanel("organisation_type"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("participants")
        verbose_name_plural = _("participants")

    def __str__(self):
        return f"{self.get_organisation_type_display()}: {self.count}"
