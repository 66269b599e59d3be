"""GraphQL types of the ECCIPA content: every DjangoObjectType lists its model fields.

Rich text and StreamField fields are declared by hand (graphene-django would hand out the stored
HTML, or nothing): they go through the rich text renderer and the block types. Objects returned by
the root resolvers carry `api_chain`, the locale chain of the request, which nested objects use to
find their own translations.
"""

import graphene
from django.conf import settings

from co_design.graphql_api.loaders import page_path
from co_design.notifications.links import absolute_url
from co_design.translations.freshness import freshness_of


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


class SourceRevision(graphene.ObjectType):
    """A revision of a translation's source page."""

    id = graphene.ID(required=True, description="Id of the source page's revision.")
    page_id = graphene.ID(required=True, description="Id of the source page.")
    created_at = graphene.DateTime(required=True)


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

    translation_up_to_date = graphene.Boolean(
        description="For a translation made in the translation editor: false once its source was "
        "published again after the translation was last synced. Null for a source page."
    )
    translated_from_revision = graphene.Field(
        SourceRevision,
        description="For a translation made in the translation editor: the source's revision it "
        "was last synced from. Null for a source page.",
    )

    def resolve_url(page, info):
        return absolute_url(page_path(page, info.context.url_cache))

    def resolve_translation_up_to_date(page, info):
        freshness = freshness_of(page)
        return None if freshness is None else freshness.up_to_date

    def resolve_translated_from_revision(page, info):
        freshness = freshness_of(page)
        if freshness is None or freshness.source_revision is None:
            return None
        revision = freshness.source_revision
        return SourceRevision(
            id=revision.pk, page_id=revision.object_id, created_at=revision.created_at
        )

    def resolve_locale(page, info):
        return page.locale.language_code

    def resolve_version(page, info):
        return page.live_revision_id


PAGE_FIELDS = ["id", "title", "slug", "first_published_at", "last_published_at"]
