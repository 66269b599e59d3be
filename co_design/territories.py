"""The partner territories of the network and the competences the Toolkit trains."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from co_design.choices import Country, Language


class Territory(index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    default_language = models.CharField(
        _("default language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("default_language"),
        FieldPanel("description"),
        InlinePanel("partner_organisations", label=_("Partner organisations")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self):
        return self.name


class PartnerOrganisation(Orderable):
    territory = ParentalKey(
        Territory, on_delete=models.CASCADE, related_name="partner_organisations"
    )
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("website")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class Competence(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self):
        return self.name
