"""The Manifesto in the API: its chapters and the partner leads' signatures."""

import graphene
from graphene_django import DjangoObjectType

from co_design.activities.manifesto import ManifestoChapter, ManifestoPage
from co_design.graphql_api.blocks import (
    PrincipleBlock,
    RecommendationBlock,
    stream_blocks,
)
from co_design.graphql_api.participation import ParticipationRecord, strategy_participation
from co_design.graphql_api.types.common import (
    PAGE_FIELDS,
    PublishedPage,
    html_field,
    render,
)
from co_design.graphql_api.types.strategies import StrategyType
from co_design.graphql_api.types.territories import TerritoryType


class ManifestoChapterType(DjangoObjectType):
    number = graphene.Int(required=True, description="Position in the Manifesto, from 1.")
    locale = graphene.String(
        required=True, description="The locale of the Manifesto this chapter is part of."
    )
    summary = html_field()
    strategy = graphene.Field(StrategyType, required=True)
    participation = graphene.Field(
        ParticipationRecord,
        required=True,
        description="The consultation on the chapter's strategy, counted.",
    )

    class Meta:
        model = ManifestoChapter
        name = "ManifestoChapter"
        fields = ["id"]

    def resolve_locale(chapter, info):
        return chapter.page.locale.language_code

    def resolve_summary(chapter, info):
        return render(info, chapter, chapter.summary)

    def resolve_strategy(chapter, info):
        return chapter.live_strategy

    def resolve_participation(chapter, info):
        key = chapter.live_strategy.translation_key
        return strategy_participation(info.context.loaders.comments.get(key) or [])


class Signature(graphene.ObjectType):
    """A partner lead's signature of the published version."""

    signed_by = graphene.String(required=True)
    territory = graphene.Field(TerritoryType)
    organisation = graphene.String(required=True)
    signed_at = graphene.DateTime(required=True)

    def resolve_signed_by(signature, info):
        return signature.user.get_full_name() or signature.user.get_username()

    def resolve_territory(signature, info):
        profile = getattr(signature.user, "profile", None)
        return profile.territory if profile else None

    def resolve_organisation(signature, info):
        profile = getattr(signature.user, "profile", None)
        return profile.organisation if profile else ""

    def resolve_signed_at(signature, info):
        return signature.signed_at


class SignedRevision(graphene.ObjectType):
    """The revision every partner lead signed in the Manifesto sign-off, the one published."""

    id = graphene.Int(
        required=True, description="The revision's id: the Manifesto's `version` it was signed as."
    )
    signed_at = graphene.DateTime(
        required=True, description="When the last partner lead signed, completing the sign-off."
    )

    def resolve_id(task_state, info):
        return task_state.revision_id

    def resolve_signed_at(task_state, info):
        return task_state.finished_at


class SignOff(graphene.ObjectType):
    """The partner sign-off of the published version, in the Manifesto's own locale: each
    translation is signed off by every partner lead on its own."""

    statement = html_field()
    signed = graphene.Boolean(
        required=True,
        description="Whether every partner lead signed the published version in the Manifesto "
        "sign-off. False for a published version no sign-off approved.",
    )
    signed_revision = graphene.Field(
        SignedRevision,
        description="The signed revision, which is the published version; null when the "
        "published version was not signed.",
    )
    signatures = graphene.List(
        graphene.NonNull(Signature),
        required=True,
        description="Who signed the published version, and when (empty if it was not signed).",
    )

    def resolve_statement(manifesto, info):
        return render(info, manifesto, manifesto.sign_off_statement)

    def resolve_signed(manifesto, info):
        return bool(SignOff.resolve_signatures(manifesto, info))

    def resolve_signed_revision(manifesto, info):
        signatures = SignOff.resolve_signatures(manifesto, info)
        return signatures[0].task_state if signatures else None

    def resolve_signatures(manifesto, info):
        return info.context.loaders.signatures.get(manifesto.live_revision_id) or []


class ManifestoType(DjangoObjectType):
    introduction = html_field()
    principles = graphene.List(graphene.NonNull(PrincipleBlock), required=True)
    chapters = graphene.List(
        graphene.NonNull(ManifestoChapterType),
        required=True,
        description="In order; a chapter whose strategy is not published is left out.",
    )
    recommendations = graphene.List(graphene.NonNull(RecommendationBlock), required=True)
    sign_off = graphene.Field(SignOff, required=True)

    class Meta:
        model = ManifestoPage
        name = "Manifesto"
        fields = PAGE_FIELDS
        interfaces = (PublishedPage,)

    def resolve_introduction(page, info):
        return render(info, page, page.introduction)

    def resolve_principles(page, info):
        return stream_blocks(page.principles, page)

    def resolve_chapters(page, info):
        return page.api_chapters

    def resolve_recommendations(page, info):
        return stream_blocks(page.recommendations, page)

    def resolve_sign_off(page, info):
        return page
