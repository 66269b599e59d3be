"""Fixed vocabularies of the ECCIPA process, shared by models, forms and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    CITY_DEPARTMENT = "city_department", _("City department")
    PUBLIC_BODY = "public_body", _("Other public body")
    NGO = "ngo", _("NGO")
    MIGRANT_ASSOCIATION = "migrant_association", _("Migrant association")
    ROLE_MODEL = "role_model", _("Role model")
    OTHER = "other", _("Other")


class Country(models.TextChoices):
    GERMANY = "DE", _("Germany")
    ITALY = "IT", _("Italy")
    SPAIN = "ES", _("Spain")
    OTHER = "EU", _("Other European country")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    ITALIAN = "it", _("Italian")
    SPANISH = "es", _("Spanish")


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    WEAKNESS = "weakness", _("Weakness")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class DeliveryFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
    SELF_PACED = "self_paced", _("Self-paced")
