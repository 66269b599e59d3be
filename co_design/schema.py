"""The co-design part of the public GraphQL schema (composed in cms/schema.py): read-only, live
and public content only. The types and lookups are in co_design/graphql_api/."""

import graphene
from django.conf import settings
from django.utils.translation import gettext as _

from co_design.graphql_api import lookups
from co_design.graphql_api.errors import ApiError, ErrorCode
from co_design.graphql_api.limits import parse_id
from co_design.graphql_api.locales import fallback_chain
from co_design.graphql_api.training_modules import (
    TrainingModuleConnection,
    TrainingModuleFilter,
    TrainingModuleSort,
    training_modules,
)
from co_design.graphql_api.types.manifesto import ManifestoType
from co_design.graphql_api.types.needs_review import NeedsReviewType
from co_design.graphql_api.types.strategies import StrategyType
from co_design.graphql_api.types.territories import CompetenceType, TerritoryType
from co_design.graphql_api.types.training import TrainingModuleType
from co_design.replication.api import toolkit_package_field
from co_design.territories import Competence


def locale_argument():
    return graphene.String(
        default_value=settings.LANGUAGE_CODE,
        description="en, de, it or es. A page missing in this locale comes from the next locale "
        "of its fallback chain; each object's `locale` says which one.",
    )


def required_list(of_type, **arguments):
    return graphene.List(graphene.NonNull(of_type), required=True, **arguments)


class Query(graphene.ObjectType):
    manifesto = graphene.Field(
        ManifestoType, locale=locale_argument(), description="The approved ECCIPA Manifesto."
    )
    strategies = required_list(StrategyType, locale=locale_argument())
    strategy = graphene.Field(
        StrategyType,
        locale=locale_argument(),
        slug=graphene.String(),
        id=graphene.ID(),
        description="One local strategy, by slug or by id (exactly one of them).",
    )
    training_modules = graphene.Field(
        TrainingModuleConnection,
        required=True,
        locale=locale_argument(),
        first=graphene.Int(description=f"At most {settings.ECCIPA_GRAPHQL['MAX_PAGE_SIZE']}."),
        after=graphene.String(description="The endCursor of the previous page."),
        filter=TrainingModuleFilter(),
        sort=TrainingModuleSort(),
    )
    training_module = graphene.Field(
        TrainingModuleType, locale=locale_argument(), slug=graphene.String(required=True)
    )
    needs_reviews = required_list(NeedsReviewType, locale=locale_argument())
    territories = required_list(TerritoryType, locale=locale_argument())
    competences = required_list(CompetenceType, locale=locale_argument())
    toolkit_package = toolkit_package_field()

    def resolve_manifesto(root, info, locale):
        return lookups.manifesto(info.context, fallback_chain(locale))

    def resolve_strategies(root, info, locale):
        return lookups.strategies(info.context, fallback_chain(locale))

    def resolve_strategy(root, info, locale, slug=None, id=None):
        chain = fallback_chain(locale)
        if (slug is None) == (id is None):
            raise ApiError(ErrorCode.INVALID_ARGUMENT, reason=_("give either slug or id"))
        pk = None if id is None else parse_id(id)
        if id is not None and pk is None:
            raise lookups.not_found(_("strategy"), f"id={str(id)[:100]}")
        return lookups.strategy(info.context, chain, slug=slug, pk=pk)

    def resolve_training_modules(root, info, locale, **arguments):
        return training_modules(info.context, fallback_chain(locale), **arguments)

    def resolve_training_module(root, info, locale, slug):
        return lookups.training_module(info.context, fallback_chain(locale), slug)

    def resolve_needs_reviews(root, info, locale):
        return lookups.needs_reviews(info.context, fallback_chain(locale))

    def resolve_territories(root, info, locale):
        return lookups.territories(fallback_chain(locale))

    def resolve_toolkit_package(root, info):
        return {}

    def resolve_competences(root, info, locale):
        fallback_chain(locale)
        return Competence.objects.all()
