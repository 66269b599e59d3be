"""The commentable sections of a draft, their plain text, and how a section changed."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

# Per page type: the StreamField whose blocks are sections, and the block child comments sit on
# (Wagtail's comment contentpath is "field.block-id.child").
COMMENTABLE_STREAMS = {
    "strategydraftpage": ("sections", "heading", "body"),
    "trainingmodulepage": ("activities", "title", "description"),
}


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    text: str
    contentpath: str
    body: object
    block: object


def plain_text(value):
    if hasattr(value, "source"):
        value = value.source
    return re.sub(r"\s+", " ", strip_tags(str(value))).strip()


def block_text(value, heading_field):
    """Everything a reader sees in a section, as one line of plain text."""
    parts = []
    for name, child in value.items():
        if name in (heading_field, "findings"):
            continue
        if isinstance(child, (list, tuple)) or hasattr(child, "bound_blocks"):
            parts.extend(" · ".join(plain_text(v) for v in item.values()) for item in child)
        else:
            parts.append(plain_text(child))
    return " ".join(part for part in parts if part)


def sections_of(page):
    """The sections of a page (a revision's object), in order, by block id."""
    spec = COMMENTABLE_STREAMS.get(page._meta.model_name)
    if spec is None:
        return {}
    field, heading_field, comment_field = spec
    return {
        block.id: Section(
            id=block.id,
            heading=plain_text(block.value[heading_field]),
            text=block_text(block.value, heading_field),
            contentpath=f"{field}.{block.id}.{comment_field}",
            body=block.value[comment_field],
            block=block,
        )
        for block in getattr(page, field)
    }


SEPARATOR = "<!--eccipa-section-->"


def expanded_bodies(sections):
    """Each section's body as HTML, its links expanded in one pass for the whole draft:
    Wagtail expands a text's links with one query per text, so a draft of 30 sections would
    cost 30 queries."""
    sources = [getattr(section.body, "source", section.body) or "" for section in sections]
    expanded = expand_db_html(SEPARATOR.join(sources)).split(SEPARATOR)
    return {
        section.id: mark_safe(html)  # noqa: S308 - Wagtail's own rich text, expanded
        for section, html in zip(sections, expanded, strict=True)
    }


def diff_html(old, new):
    """Word by word difference as HTML, every word escaped."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))
