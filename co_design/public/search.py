"""Site search over published, public content (Wagtail search; full text on PostgreSQL).

The search backend sees words only: control characters (PostgreSQL refuses NUL) and every other
character that is not part of a word (quotes, brackets, * and the like, which SQLite's full-text
syntax would read as operators) become spaces, and the query is cut to MAX_QUERY_LENGTH.
"""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from co_design.text import without_control_characters

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_WORDS = 20
WORD = re.compile(r"\w+")


def search_words(text):
    """The words of what someone typed, as the search backend may safely be given them."""
    text = without_control_characters(text[: MAX_QUERY_LENGTH * 2])
    return " ".join(WORD.findall(text)[:MAX_WORDS])[:MAX_QUERY_LENGTH].strip()


@require_safe
def search(request):
    raw = request.GET.get("q", "")
    typed = without_control_characters(raw).strip()[:MAX_QUERY_LENGTH]
    query = search_words(typed)
    results = (
        Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
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
