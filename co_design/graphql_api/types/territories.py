"""Territories and competences, the snippets the API shows."""

import graphene
from django.utils import translation
from graphene_django import DjangoObjectType

from co_design.choices import Country as CountryChoices
from co_design.graphql_api.enums import (
    Country,
)
from co_design.graphql_api.types.common import (
    Snippet,
)
from co_design.territories import Competence, Territory


class TerritoryType(DjangoObjectType):
    country = graphene.Field(Country, required=True)
    country_name = graphene.String(required=True, description="In the requested locale.")
    default_language = graphene.String(required=True)
    partner_organisations = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        model = Territory
        name = "Territory"
        fields = ["id", "name", "slug", "description"]
        interfaces = (Snippet,)

    def resolve_country_name(territory, info):
        with translation.override(getattr(territory, "api_chain", ("en",))[0]):
            return str(CountryChoices(territory.country).label)

    def resolve_partner_organisations(territory, info):
        return info.context.loaders.partner_organisations.get(territory.pk) or []


class CompetenceType(DjangoObjectType):
    class Meta:
        model = Competence
        name = "Competence"
        fields = ["id", "name", "slug", "description"]
        interfaces = (Snippet,)
