"""The physical floor of an uncached Manifesto answer: the same rows, fetched by the same lookups
and loaders, turned into the same dict by plain Python (no GraphQL execution), then encoded.
The bench checks that the dict equals the GraphQL answer's data, so the comparison is fair."""

from django.utils import translation

from co_design import choices
from co_design.graphql_api import lookups
from co_design.graphql_api.blocks import list_items, stream_blocks
from co_design.graphql_api.context import ApiContext
from co_design.graphql_api.execution import encode
from co_design.graphql_api.loaders import page_path
from co_design.graphql_api.locales import fallback_chain
from co_design.graphql_api.participation import section_participation, strategy_participation
from co_design.graphql_api.rich_text import absolute_url


def participation(record):
    return {
        "commentCount": record.comment_count,
        "organisationTypes": [
            choices.OrganisationType(kind).name for kind in record.organisation_types
        ],
        "decisions": {
            "adopted": record.adopted,
            "partlyAdopted": record.partly_adopted,
            "notAdopted": record.not_adopted,
            "noted": record.noted,
            "undecided": record.undecided,
        },
    }


def page_fields(page, context):
    return {
        "id": str(page.pk),
        "title": page.title,
        "url": absolute_url(page_path(page, context.url_cache)),
        "locale": page.locale.language_code,
        "version": page.live_revision_id,
    }


def finding(item, context):
    review = item.needs_review
    path = page_path(review, context.url_cache)
    return {
        "id": str(item.pk),
        "kind": choices.FindingKind(item.kind).name,
        "theme": item.theme,
        "priority": choices.Priority(item.priority).name,
        "url": absolute_url(f"{path}#{item.anchor}") if path else None,
        "locale": review.locale.language_code,
    }


def section(block, context, comments_by_section):
    value = block.value or {}
    chain = block.page.api_chain
    findings = context.loaders.findings.get_many(
        (chain, int(pk)) for pk in value.get("findings") or []
    )
    return {
        "id": block.id,
        "heading": value.get("heading") or "",
        "body": context.rich_text.render(value.get("body"), chain),
        "actions": [
            {
                "id": action.id,
                "action": (action.value or {}).get("action") or "",
                "responsibleBody": (action.value or {}).get("responsible_body") or "",
                "timeline": (action.value or {}).get("timeline") or "",
                "indicator": (action.value or {}).get("indicator") or "",
            }
            for action in list_items(value.get("actions"), "action", block.page)
        ],
        "needsFindings": [finding(item, context) for item in findings if item is not None],
        "participation": participation(section_participation(comments_by_section, block.id)),
    }


def strategy(page, context):
    comments = context.loaders.comments_by_section(page.translation_key)
    territory = page.territory
    with translation.override(page.api_chain[0]):
        country_name = str(choices.Country(territory.country).label)
    return {
        "id": str(page.pk),
        "slug": page.slug,
        "title": page.title,
        "url": absolute_url(page_path(page, context.url_cache)),
        "locale": page.locale.language_code,
        "version": page.live_revision_id,
        "summary": page.summary,
        "vision": context.rich_text.render(page.vision, page.api_chain),
        "territory": {
            "name": territory.name,
            "slug": territory.slug,
            "country": choices.Country(territory.country).name,
            "countryName": country_name,
        },
        "sections": [
            section(block, context, comments) for block in stream_blocks(page.sections, page)
        ],
    }


def titled_texts(stream, page, context):
    return [
        {
            "id": block.id,
            "title": (block.value or {}).get("title") or "",
            "text": context.rich_text.render((block.value or {}).get("text"), page.api_chain),
        }
        for block in stream_blocks(stream, page)
    ]


def signature(item):
    profile = getattr(item.user, "profile", None)
    return {
        "signedBy": item.user.get_full_name() or item.user.get_username(),
        "organisation": profile.organisation if profile else "",
        "signedAt": item.signed_at.isoformat(),
        "territory": {"name": profile.territory.name} if profile and profile.territory else None,
    }


def manifesto_data(locale="en"):
    context = ApiContext()
    page = lookups.manifesto(context, fallback_chain(locale))
    render = context.rich_text.render
    signatures = context.loaders.signatures.get(page.live_revision_id) or []
    return {
        "manifesto": {
            **page_fields(page, context),
            "lastPublishedAt": page.last_published_at.isoformat(),
            "introduction": render(page.introduction, page.api_chain),
            "principles": titled_texts(page.principles, page, context),
            "chapters": [
                {
                    "number": chapter.number,
                    "summary": render(chapter.summary, chapter.api_chain),
                    "participation": participation(
                        strategy_participation(
                            context.loaders.comments.get(chapter.live_strategy.translation_key)
                            or []
                        )
                    ),
                    "strategy": strategy(chapter.live_strategy, context),
                }
                for chapter in page.api_chapters
            ],
            "recommendations": titled_texts(page.recommendations, page, context),
            "signOff": {
                "statement": render(page.sign_off_statement, page.api_chain),
                "signatures": [signature(item) for item in signatures],
            },
        }
    }


def manifesto_answer(locale="en"):
    return encode({"data": manifesto_data(locale)})
