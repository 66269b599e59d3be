"""The co-design part of the public GraphQL schema (composed in cms/schema.py)."""

import graphene
from graphene_django import DjangoObjectType

from .choices import Country
from .models import Territory


class TerritoryType(DjangoObjectType):
    partner_organisations = graphene.List(graphene.NonNull(graphene.String), required=True)
    country_name = graphene.String(required=True)

    class Meta:
        model = Territory
        name = "Territory"
        fields = ["id", "name", "slug", "country", "default_language"]

    def resolve_partner_organisations(self, info):
        return [organisation.name for organisation in self.partner_organisations.all()]

    def resolve_country_name(self, info):
        return str(Country(self.country).label)


class Query(graphene.ObjectType):
    territories = graphene.List(graphene.NonNull(TerritoryType), required=True)

    def resolve_territories(self, info):
        return Territory.objects.prefetch_related("partner_organisations")
