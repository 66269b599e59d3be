"""StreamField blocks as GraphQL types: one type per block type, all implementing StreamFieldBlock.

Blocks are read from the stored JSON of the field (`raw_data`), so that no block fetches objects
of its own while the answer is built: documents and needs findings come from the loaders.
"""

from dataclasses import dataclass
from typing import Any

import graphene

from co_design.graphql_api.enums import FindingKind, Priority
from co_design.graphql_api.participation import ParticipationRecord, section_participation
from co_design.graphql_api.plain_fields import reads_only
from co_design.notifications.links import absolute_url


@dataclass
class Block:
    id: str
    block_type: str
    value: Any
    page: Any  # the page the block belongs to; its `api_chain` is the requested locale chain


def stream_blocks(stream_value, page):
    return [
        Block(raw.get("id") or "", raw["type"], raw.get("value"), page)
        for raw in stream_value.raw_data
    ]


def list_items(raw_list, block_type, page):
    """Items of a ListBlock, stored as {type: item, id, value} (or as bare values before 2.16)."""
    items = []
    for position, raw in enumerate(raw_list or []):
        if isinstance(raw, dict) and raw.get("type") == "item" and "value" in raw:
            items.append(Block(raw.get("id") or str(position), block_type, raw["value"], page))
        else:
            items.append(Block(str(position), block_type, raw, page))
    return items


def text(name, description=None):
    @reads_only
    def resolve(block, info):
        return (block.value or {}).get(name) or ""

    return graphene.String(required=True, description=description, resolver=resolve)


def html(name, description="HTML; links are absolute and lead to live pages only."):
    def resolve(block, info):
        source = (block.value or {}).get(name)
        return info.context.rich_text.render(source, block.page.api_chain)

    return graphene.String(required=True, description=description, resolver=resolve)


class StreamFieldBlock(graphene.Interface):
    id = graphene.ID(required=True, description="Stable across revisions of the page.")
    block_type = graphene.String(required=True, description="The block's name in its field.")


class BlockMeta:
    interfaces = (StreamFieldBlock,)


# The Manifesto


class PrincipleBlock(graphene.ObjectType):
    Meta = BlockMeta
    title = text("title")
    text = html("text")


class RecommendationBlock(graphene.ObjectType):
    Meta = BlockMeta
    title = text("title")
    text = html("text")


# Local strategies


class StrategyActionBlock(graphene.ObjectType):
    Meta = BlockMeta
    action = text("action")
    responsible_body = text("responsible_body")
    timeline = text("timeline")
    indicator = text("indicator")


class StrategySectionBlock(graphene.ObjectType):
    Meta = BlockMeta
    heading = text("heading")
    body = html("body")
    actions = graphene.List(graphene.NonNull(StrategyActionBlock), required=True)
    needs_findings = graphene.List(
        graphene.NonNull("co_design.graphql_api.types.needs_review.NeedsFindingType"),
        required=True,
        description="The needs findings this section addresses (published reviews only).",
    )
    participation = graphene.Field(
        ParticipationRecord,
        required=True,
        description="Stakeholder comments on this section, counted (never names or texts).",
    )

    def resolve_actions(block, info):
        return list_items((block.value or {}).get("actions"), "action", block.page)

    def resolve_needs_findings(block, info):
        ids = (block.value or {}).get("findings")
        if not ids:
            return []
        chain = block.page.api_chain
        findings = info.context.loaders.findings.get_many((chain, int(pk)) for pk in ids)
        return [finding for finding in findings if finding is not None]

    def resolve_participation(block, info):
        sections = info.context.loaders.comments_by_section(block.page.translation_key)
        return section_participation(sections, block.id)


# Needs reviews


class FindingBlock(graphene.ObjectType):
    Meta = BlockMeta
    kind = graphene.Field(FindingKind, required=True)
    theme = text("theme")
    evidence = html("evidence")
    priority = graphene.Field(Priority, required=True)

    def resolve_kind(block, info):
        return block.value["kind"]

    def resolve_priority(block, info):
        return block.value.get("priority") or "medium"


# Training modules


class AudienceRoleBlock(graphene.ObjectType):
    Meta = BlockMeta
    role = graphene.String(required=True, resolver=lambda block, info: block.value or "")


class LearningObjectiveBlock(graphene.ObjectType):
    Meta = BlockMeta
    objective = graphene.String(required=True, resolver=lambda block, info: block.value or "")


class ActivityFields:
    title = text("title")
    description = html("description")
    minutes = graphene.Int(
        required=True, resolver=lambda block, info: (block.value or {}).get("minutes") or 0
    )


class ExerciseBlock(ActivityFields, graphene.ObjectType):
    Meta = BlockMeta


class CaseStudyBlock(ActivityFields, graphene.ObjectType):
    Meta = BlockMeta


class RolePlayBlock(ActivityFields, graphene.ObjectType):
    Meta = BlockMeta


class ReadingBlock(ActivityFields, graphene.ObjectType):
    Meta = BlockMeta


class VideoBlock(ActivityFields, graphene.ObjectType):
    Meta = BlockMeta
    url = text("url")


class Document(graphene.ObjectType):
    title = graphene.String(required=True)
    url = graphene.String(required=True, description="Absolute address of the file.")
    file_extension = graphene.String(required=True)

    def resolve_url(document, info):
        return absolute_url(document.url)


class DocumentResourceBlock(graphene.ObjectType):
    Meta = BlockMeta
    title = text("title")
    document = graphene.Field(Document, description="Null when the document was deleted.")

    def resolve_document(block, info):
        pk = (block.value or {}).get("document")
        return info.context.loaders.documents.get(pk) if pk else None


class LinkResourceBlock(graphene.ObjectType):
    Meta = BlockMeta
    title = text("title")
    url = text("url")


def union_of(name, types_by_block_type, description):
    class Meta:
        types = tuple(types_by_block_type.values())

    def resolve_type(cls, block, info):
        return types_by_block_type[block.block_type]

    return type(
        name,
        (graphene.Union,),
        {"Meta": Meta, "resolve_type": classmethod(resolve_type), "__doc__": description},
    )


ACTIVITY_TYPES = {
    "exercise": ExerciseBlock,
    "case_study": CaseStudyBlock,
    "role_play": RolePlayBlock,
    "reading": ReadingBlock,
    "video": VideoBlock,
}
RESOURCE_TYPES = {"document": DocumentResourceBlock, "link": LinkResourceBlock}

ModuleActivity = union_of("ModuleActivity", ACTIVITY_TYPES, "An activity of a training module.")
ModuleResource = union_of("ModuleResource", RESOURCE_TYPES, "A resource of a training module.")


def known_blocks(blocks, types_by_block_type):
    """A block type added to a field later appears in the API only once it has a GraphQL type."""
    return [block for block in blocks if block.block_type in types_by_block_type]
