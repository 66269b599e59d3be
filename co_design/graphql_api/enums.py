"""The fixed vocabularies of co_design/choices.py as GraphQL enums (values are the stored codes)."""

import graphene

from co_design import choices

Country = graphene.Enum.from_enum(choices.Country, description="Country of a partner territory.")
FindingKind = graphene.Enum.from_enum(
    choices.FindingKind, description="Whether a needs finding is a strength or a weakness."
)
Priority = graphene.Enum.from_enum(choices.Priority, description="Priority of a needs finding.")
DeliveryFormat = graphene.Enum.from_enum(
    choices.DeliveryFormat, description="How a training module is delivered."
)
OrganisationType = graphene.Enum.from_enum(
    choices.OrganisationType, description="Kind of organisation a participant belongs to."
)
