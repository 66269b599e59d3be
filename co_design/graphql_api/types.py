"""GraphQL types of the ECCIPA content: every DjangoObjectType lists its model fields.

Rich text and StreamField fields are declared by hand (graphene-django would hand out the stored
HTML, or nothing): they go through the rich text renderer and the block types. Objects returned by
the root resolvers carry `api_chain`, the locale chain of the request, which nested objects use to
find their own translations.
"""

import graphene
from django.conf import settings
from django.utils import translation
from graphene_django import DjangoObjectType

from ..choices import Country as CountryChoices
from ..models import (
    Competence,
    ManifestoChapter,
    ManifestoPage,
    NeedsFinding,
    NeedsReviewPage,
    NeedsReviewParticipants,
    StrategyDraftPage,
    Territory,
    TrainingModulePage,
)
from .blocks import (
    ACTIVITY_TYPES,
    RESOURCE_TYPES,
    AudienceRoleBlock,
    Document,
    FindingBlock,
    LearningObjectiveBlock,
    ModuleActivity,
    ModuleResource,
    PrincipleBlock,
    RecommendationBlock,
    StrategySectionBlock,
    known_blocks,
    stream_blocks,
)
from .enums import Country, DeliveryFormat, FindingKind, OrganisationType, Priority
from .loaders import page_path
from .participation import ParticipationRecord, strategy_participation
from .rich_text import absolute_url


def html_field(description=None):
    return graphene.String(
        required=True,
        description=description or "HTML; links are absolute and lead to live pages only.",
    )


def render(info, page, html):
    return info.context.rich_text.render(html, page.api_chain)


def findings_of(info, owner, ids):
    findings = info.context.loaders.findings.get_many((owner.api_chain, pk) for pk in ids)
    return [finding for finding in findings if finding is not None]


def linked_findings(info, page, links):
    """The findings a page's `needs_findings` names. The links fetched for the other pages of
    the answer are announced too, so that all their findings come in one query."""
    ids = links.get(page.pk) or []
    info.context.loaders.findings.want(
        (page.api_chain, pk) for other in links.loaded_values() for pk in other
    )
    return findings_of(info, page, ids)


class Snippet(graphene.Interface):
    locale = graphene.String(
        required=True, description="Snippets are not translated: the site's default language."
    )

    def resolve_locale(snippet, info):
        return settings.LANGUAGE_CODE


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


class PublishedPage(graphene.Interface):
    """A live, public page, as last published (never a draft)."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    url = graphene.String(description="Absolute address on the site; null if not routable.")
    locale = graphene.String(
        required=True, description="The locale this page came from (requested, or a fallback)."
    )
    version = graphene.Int(required=True, description="Id of the published revision.")
    first_published_at = graphene.DateTime()
    last_published_at = graphene.DateTime()

    def resolve_url(page, info):
        return absolute_url(page_path(page, info.context.url_cache))

    def resolve_locale(page, info):
        return page.locale.language_code

    def resolve_version(page, info):
        return page.live_revision_id


PAGE_FIELDS = ["id", "title", "slug", "first_published_at", "last_published_at"]


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
