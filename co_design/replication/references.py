"""The documents, images and pages a page's content refers to, found and rewritten in the raw
(database) form of StreamFields and rich text, so that a package carries them and an import
points them at the copies it makes."""

import re

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Wagtail's database format: <a linktype="document" id="3">, <embed embedtype="image" id="4"/>,
# <a linktype="page" id="5">.
DOCUMENT_LINK = re.compile(r'(<a\b[^>]*\blinktype="document"[^>]*\bid=")(\d+)(")')
IMAGE_EMBED = re.compile(r'(<embed\b[^>]*\bembedtype="image"[^>]*\bid=")(\d+)(")')
PAGE_LINK = re.compile(r'<a\b([^>]*)\blinktype="page"([^>]*)\bid="(\d+)"([^>]*)>')


class Rewriter:
    """Maps of old id → new id (or None to keep); collecting is rewriting with recording maps."""

    def __init__(self, documents=None, images=None, page_link=None):
        self.documents = documents
        self.images = images
        # page_link(old id) → replacement attributes text for the <a> tag
        self.page_link = page_link

    def document(self, value):
        return self.documents(value) if value is not None and self.documents else value

    def image(self, value):
        return self.images(value) if value is not None and self.images else value

    def rich_text(self, html):
        if not html:
            return html
        if self.documents:
            html = DOCUMENT_LINK.sub(lambda m: f"{m[1]}{self.documents(int(m[2]))}{m[3]}", html)
        if self.images:
            html = IMAGE_EMBED.sub(lambda m: f"{m[1]}{self.images(int(m[2]))}{m[3]}", html)
        if self.page_link:
            html = PAGE_LINK.sub(lambda m: f"<a {self.page_link(int(m[3]))}>", html)
        return html

    def stream(self, stream_block, raw):
        return walk(stream_block, raw or [], self)


def walk(block, value, rewriter):
    """`value` (raw JSON of `block`) with every reference passed through `rewriter`."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {**child, "value": walk(block.child_blocks[child["type"]], child["value"], rewriter)}
            if child.get("type") in block.child_blocks
            else child
            for child in value or []
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": walk(block.child_block, item["value"], rewriter)}
            if isinstance(item, dict) and item.get("type") == "item"
            else walk(block.child_block, item, rewriter)
            for item in value or []
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: walk(block.child_blocks[name], item, rewriter)
            if name in block.child_blocks
            else item
            for name, item in (value or {}).items()
        }
    if isinstance(block, DocumentChooserBlock):
        return rewriter.document(value)
    if isinstance(block, ImageChooserBlock):
        return rewriter.image(value)
    if isinstance(block, blocks.RichTextBlock):
        return rewriter.rich_text(value)
    return value
