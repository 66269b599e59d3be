"""Activity 3 in the API: the published local strategies and their participation record."""

import graphene
from graphene_django import DjangoObjectType

from co_design.activities.strategies import StrategyDraftPage
from co_design.graphql_api.blocks import (
    StrategySectionBlock,
    stream_blocks,
)
from co_design.graphql_api.participation import ParticipationRecord, strategy_participation
from co_design.graphql_api.types.common import (
    PAGE_FIELDS,
    PublishedPage,
    html_field,
    linked_findings,
    render,
)
from co_design.graphql_api.types.needs_review import (
    NeedsFindingType,
    territory_of,
)
from co_design.graphql_api.types.territories import TerritoryType


class StrategyType(DjangoObjectType):
    territory = graphene.Field(TerritoryType, required=True)
    vision = html_field()
    sections = graphene.List(graphene.NonNull(StrategySectionBlock), required=True)
    needs_findings = graphene.List(
        graphene.NonNull(NeedsFindingType),
        required=True,
        description="The needs findings the whole strategy builds on.",
    )
    participation = graphene.Field(
        ParticipationRecord, required=True, description="All sections together."
    )

    class Meta:
        model = StrategyDraftPage
        name = "Strategy"
        fields = [*PAGE_FIELDS, "summary"]
        interfaces = (PublishedPage,)

    def resolve_territory(page, info):
        return territory_of(page)

    def resolve_vision(page, info):
        return render(info, page, page.vision)

    def resolve_sections(page, info):
        return stream_blocks(page.sections, page)

    def resolve_needs_findings(page, info):
        return linked_findings(info, page, info.context.loaders.strategy_findings)

    def resolve_participation(page, info):
        return strategy_participation(info.context.loaders.comments.get(page.translation_key) or [])
