"""Site search over published, public content (Wagtail search; full text on PostgreSQL)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = (
        Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search.html", {"query": query, "results": page})
