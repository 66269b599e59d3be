"""Links to pages in rich text, in the reader's language, in a few queries per text.

Wagtail's own handler fetches the linked pages at once, then asks for each one's translation in
the active language alone (`page.localized`: the active locale, then the translation), so a text
with 20 links costs 40 queries more. This handler asks once for every translation the text
needs. It links where Wagtail's would (the translation in the active language if it is live,
else the page itself), with one difference: a link to a page that is not live keeps its text and
loses its address, as in the API (co_design/graphql_api/rich_text.py). Wagtail would link it,
and every reader, editors included, would meet a 404 there.
"""

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler

SEPARATOR = "<!--eccipa-text-->"


def in_active_language(pages):
    """Each page (or None) as `page.localized` would give it, in a few queries for all: the
    active locale, then the translations (one more per page type)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return pages
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    elsewhere = {page.translation_key for page in pages if page and page.locale_id != locale.id}
    if not elsewhere:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=elsewhere, locale=locale)
        .defer_streamfields()
        .specific()
    }
    shown = []
    for page in pages:
        translation = page and translations.get(page.translation_key)
        shown.append(translation if translation and translation.live else page)
    return shown


class PageLinks(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.url)}">' if page and page.live else "<a>"
            for page in in_active_language(cls.get_many(attrs_list))
        ]


def expanded_together(texts):
    """Rich texts (RichText values or their source) as HTML, as `|richtext` renders them, with
    the links of all expanded in one pass: `|richtext` expands each text with queries of its own,
    so the 30 sections of a strategy would cost 30 times as many."""
    sources = [getattr(text, "source", text) or "" for text in texts]
    expanded = expand_db_html(SEPARATOR.join(sources)).split(SEPARATOR)
    return [mark_safe(html) for html in expanded]  # noqa: S308 - Wagtail's own rich text, expanded
