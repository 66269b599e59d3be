"""Site search over published, public content (Wagtail search; full text on PostgreSQL).

The search backend sees words only: control characters (PostgreSQL refuses NUL) and every other
character that is not part of a word (quotes, brackets, * and the like, which SQLite's full-text
syntax would read as operators) become spaces, and the query is cut to MAX_QUERY_LENGTH.
"""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from co_design.public.languages import address_in, source_locale
from co_design.text import without_control_characters

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_WORDS = 20
WORD = re.compile(r"\w+")


def search_words(text):
    """The words of what someone typed, as the search backend may safely be given them."""
    text = without_control_characters(text[: MAX_QUERY_LENGTH * 2])
    return " ".join(WORD.findall(text)[:MAX_WORDS])[:MAX_QUERY_LENGTH].strip()


def searchable_in(locale, source):
    """The live, public pages of `locale`, and the pages of the source locale that have no live
    translation in it (shown as such in the results)."""
    pages = Page.objects.live().public()
    if locale.pk == source.pk:
        return pages.filter(locale=locale)
    in_locale = pages.filter(locale=locale)
    translated = in_locale.values_list("translation_key", flat=True)
    untranslated = pages.filter(locale=source).exclude(translation_key__in=list(translated))
    # The search backends filter on indexed fields only: the union as a list of ids.
    ids = list(in_locale.values_list("pk", flat=True))
    ids += untranslated.values_list("pk", flat=True)
    return pages.filter(pk__in=ids)


def shown_in(locale, source, page, request):
    """A source-language result at its address in the language searched, marked as such."""
    if page.locale_id == locale.pk or not hasattr(page, "shown_at"):
        return page
    page.locale = source
    url = page.get_url(request)
    page.shown_at = address_in(url, locale.language_code) if url else None
    return page


@require_safe
def search(request):
    raw = request.GET.get("q", "")
    typed = without_control_characters(raw).strip()[:MAX_QUERY_LENGTH]
    query = search_words(typed)
    source = source_locale()
    locale = Locale.objects.filter(language_code=get_language()).first() or source
    results = (
        searchable_in(locale, source).specific().search(query) if query else Page.objects.none()
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = [shown_in(locale, source, result, request) for result in page.object_list]
    problem = ""
    if raw.strip() and not query:
        problem = _(
            "There is nothing to search for in what you typed: please type one or more words "
            "(punctuation and invisible characters are left out)."
        )
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "query": query,
            "typed": typed,
            "results": page,
            "problem": problem,
            "max_length": MAX_QUERY_LENGTH,
        },
    )
