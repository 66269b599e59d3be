"""Rich text as clients need it: links resolved and absolute, in the page's locale.

Wagtail stores links as `<a linktype="page" id="4">`. Its expand_db_html resolves them field by
field (a query per field) and links unpublished pages as well; here the links of the whole answer
are resolved together, to live and public pages only (a link to any other page keeps its text and
loses its address). expand_db_html then expands what remains, and relative addresses are made
absolute against settings.WAGTAILADMIN_BASE_URL (BASE_URL), the public address of the site.
"""

import re

from django.utils.html import escape
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from co_design.notifications.links import absolute_url

RELATIVE_ADDRESS = re.compile(r'(\s(?:href|src)=")(/[^"]*)"')


def link_references(html):
    """(page ids, document ids) linked from a rich text."""
    pages, documents = set(), set()
    for match in FIND_A_TAG.finditer(html or ""):
        add_reference(tag_reference(match.group(1)), pages, documents)
    return pages, documents


def tag_reference(attributes):
    """(linktype, id) of the link an `<a>` tag's attributes name, or None for any other tag."""
    attrs = extract_attrs(attributes)
    linktype, pk = attrs.get("linktype"), attrs.get("id", "")
    if linktype in {"page", "document"} and pk.isdigit():
        return linktype, int(pk)
    return None


def add_reference(reference, pages, documents):
    if reference is not None:
        (pages if reference[0] == "page" else documents).add(reference[1])


class RichTextRenderer:
    def __init__(self, loaders):
        self.loaders = loaders
        # (text, chain) already announced: rendering a text announced as its page was loaded
        # (every text, unless a resolver forgot) then skips reading its links a second time.
        self._announced = set()
        # Per answer: tag attributes → (linktype, id), and (tag, chain) → its replacement. Links
        # to the same pages repeat across an answer's texts; each distinct tag is parsed and
        # resolved once.
        self._references = {}
        self._replacements = {}

    def want(self, html, chain):
        """Announce the links of a text that will be rendered, so that one query finds all."""
        if (html, chain) in self._announced:
            return
        self._announced.add((html, chain))
        pages, documents = set(), set()
        references = self._references
        for attributes in FIND_A_TAG.findall(html or ""):
            reference = references.get(attributes, False)
            if reference is False:
                reference = references[attributes] = tag_reference(attributes)
            add_reference(reference, pages, documents)
        self.loaders.page_paths.want((chain, pk) for pk in pages)
        self.loaders.documents.want(documents)

    def render(self, html, chain):
        if not html:
            return ""
        if "linktype=" in html:
            self.want(html, chain)
            replacements = self._replacements

            def replace(match):
                tag = match.group(0)
                replacement = replacements.get((tag, chain))
                if replacement is None:
                    replacement = replacements[(tag, chain)] = self.resolve_link(match, chain)
                return replacement

            html = FIND_A_TAG.sub(replace, html)
        # Wagtail's rewriter only changes links with a linktype and embeds: most texts have
        # neither left.
        if "linktype=" in html or "<embed" in html:
            html = expand_db_html(html)
        if '="/' not in html:
            return html
        return RELATIVE_ADDRESS.sub(
            lambda match: f'{match.group(1)}{escape(absolute_url(match.group(2)))}"', html
        )

    def resolve_link(self, match, chain):
        attributes = match.group(1)
        reference = self._references.get(attributes, False)
        if reference is False:
            reference = self._references[attributes] = tag_reference(attributes)
        if reference is None:
            attrs = extract_attrs(attributes)
            if attrs.get("linktype") not in {"page", "document"}:
                return match.group(0)
            return "<a>"
        linktype, pk = reference
        if linktype == "page":
            url = absolute_url(self.loaders.page_paths.get((chain, pk)))
        else:
            document = self.loaders.documents.get(pk)
            url = absolute_url(document.url) if document else None
        return f'<a href="{escape(url)}">' if url else "<a>"
