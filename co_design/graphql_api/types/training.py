"""Activity 2 in the API: the Toolkit's training modules."""

import graphene
from graphene_django import DjangoObjectType

from co_design.activities.training import TrainingModulePage
from co_design.graphql_api.blocks import (
    ACTIVITY_TYPES,
    RESOURCE_TYPES,
    AudienceRoleBlock,
    LearningObjectiveBlock,
    ModuleActivity,
    ModuleResource,
    known_blocks,
    stream_blocks,
)
from co_design.graphql_api.enums import (
    DeliveryFormat,
)
from co_design.graphql_api.types.common import (
    PAGE_FIELDS,
    PublishedPage,
    linked_findings,
)
from co_design.graphql_api.types.needs_review import (
    NeedsFindingType,
)
from co_design.graphql_api.types.territories import CompetenceType


class TrainingModuleType(DjangoObjectType):
    target_audience = graphene.List(graphene.NonNull(AudienceRoleBlock), required=True)
    competences = graphene.List(graphene.NonNull(CompetenceType), required=True)
    learning_objectives = graphene.List(graphene.NonNull(LearningObjectiveBlock), required=True)
    duration_hours = graphene.Float(required=True)
    delivery_format = graphene.Field(DeliveryFormat, required=True)
    activities = graphene.List(graphene.NonNull(ModuleActivity), required=True)
    resources = graphene.List(graphene.NonNull(ModuleResource), required=True)
    needs_findings = graphene.List(
        graphene.NonNull(NeedsFindingType),
        required=True,
        description="The needs findings this module addresses.",
    )

    class Meta:
        model = TrainingModulePage
        name = "TrainingModule"
        fields = [*PAGE_FIELDS, "summary"]
        interfaces = (PublishedPage,)

    def resolve_target_audience(page, info):
        return stream_blocks(page.target_audience, page)

    def resolve_competences(page, info):
        return page.competences.all()

    def resolve_learning_objectives(page, info):
        return stream_blocks(page.learning_objectives, page)

    def resolve_duration_hours(page, info):
        return float(page.duration_hours)

    def resolve_activities(page, info):
        return known_blocks(stream_blocks(page.activities, page), ACTIVITY_TYPES)

    def resolve_resources(page, info):
        return known_blocks(stream_blocks(page.resources, page), RESOURCE_TYPES)

    def resolve_needs_findings(page, info):
        return linked_findings(info, page, info.context.loaders.module_findings)
