"""Activity 1 in the API: needs reviews, their findings and who took part."""

import graphene
from graphene_django import DjangoObjectType

from co_design.activities.needs_review import NeedsFinding, NeedsReviewPage, NeedsReviewParticipants
from co_design.graphql_api.blocks import (
    Document,
    FindingBlock,
    stream_blocks,
)
from co_design.graphql_api.enums import (
    FindingKind,
    OrganisationType,
    Priority,
)
from co_design.graphql_api.loaders import page_path
from co_design.graphql_api.types.common import (
    PAGE_FIELDS,
    PublishedPage,
    html_field,
    render,
)
from co_design.graphql_api.types.territories import TerritoryType
from co_design.notifications.links import absolute_url


class NeedsFindingType(DjangoObjectType):
    """A finding of a published needs review, as strategies and modules link to it."""

    kind = graphene.Field(FindingKind, required=True)
    priority = graphene.Field(Priority, required=True)
    territory = graphene.Field(TerritoryType, required=True)
    url = graphene.String(description="Address of the finding in its needs review.")
    locale = graphene.String(required=True)

    class Meta:
        model = NeedsFinding
        name = "NeedsFinding"
        fields = ["id", "block_id", "theme", "is_current"]

    def resolve_territory(finding, info):
        territory = finding.needs_review.territory
        territory.api_chain = (finding.needs_review.locale.language_code,)
        return territory

    def resolve_url(finding, info):
        path = page_path(finding.needs_review, info.context.url_cache)
        return absolute_url(f"{path}#{finding.anchor}") if path else None

    def resolve_locale(finding, info):
        return finding.needs_review.locale.language_code


class ParticipantCountType(DjangoObjectType):
    organisation_type = graphene.Field(OrganisationType, required=True)

    class Meta:
        model = NeedsReviewParticipants
        name = "ParticipantCount"
        fields = ["count"]


def territory_of(page):
    territory = page.territory
    territory.api_chain = page.api_chain  # its country name follows the requested locale
    return territory


class NeedsReviewType(DjangoObjectType):
    territory = graphene.Field(TerritoryType, required=True)
    summary = html_field()
    participants = graphene.List(graphene.NonNull(ParticipantCountType), required=True)
    findings = graphene.List(graphene.NonNull(FindingBlock), required=True)
    report = graphene.Field(Document, description="The full report, if published as a file.")

    class Meta:
        model = NeedsReviewPage
        name = "NeedsReview"
        fields = [*PAGE_FIELDS, "interviews", "focus_groups"]
        interfaces = (PublishedPage,)

    def resolve_territory(page, info):
        return territory_of(page)

    def resolve_summary(page, info):
        return render(info, page, page.summary)

    def resolve_participants(page, info):
        return page.participants.all()

    def resolve_findings(page, info):
        return stream_blocks(page.findings, page)
