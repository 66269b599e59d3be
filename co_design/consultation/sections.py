"""The commentable sections of a draft, their plain text, and how a section changed."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from co_design.page_links import expanded_together


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


def block_text(value, stream):
    """Everything a reader sees in a section, as one line of plain text."""
    parts = []
    for name, child in value.items():
        if name == stream.heading or name in stream.skipped:
            continue
        if isinstance(child, (list, tuple)) or hasattr(child, "bound_blocks"):
            parts.extend(" · ".join(plain_text(v) for v in item.values()) for item in child)
        else:
            parts.append(plain_text(child))
    return " ".join(part for part in parts if part)


def sections_of(page):
    """The sections of a page (a revision's object), in order, by block id."""
    stream = getattr(type(page), "commentable_stream", None)
    if stream is None:
        return {}
    return {
        block.id: Section(
            id=block.id,
            heading=plain_text(block.value[stream.heading]),
            text=block_text(block.value, stream),
            contentpath=f"{stream.field}.{block.id}.{stream.body}",
            body=block.value[stream.body],
            block=block,
        )
        for block in getattr(page, stream.field)
    }


def expanded_bodies(sections):
    """Each section's body as HTML, the links of the whole draft expanded in one pass."""
    return dict(
        zip(
            (section.id for section in sections),
            expanded_together(section.body for section in sections),
            strict=True,
        )
    )


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
