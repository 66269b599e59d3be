"""URLs of the benchmark process: the site, the floor, and Wagtail's REST API v2."""

import os
from functools import cache

from django.http import HttpResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as site_urlpatterns
from co_design.models import StrategyDraftPage


@cache
def floor_bytes():
    with open(os.environ["BENCH_FLOOR_FILE"], "rb") as answer:
        return answer.read()


def floor(request):
    """The least any Django answer costs here: ready-made bytes, no database, no template."""
    return HttpResponse(floor_bytes(), content_type="application/json")


# The REST API exposes only the fields a model lists; they are listed here, for the bench only.
StrategyDraftPage.api_fields = [APIField("summary"), APIField("vision"), APIField("sections")]
router = WagtailAPIRouter("bench_api")
router.register_endpoint("pages", PagesAPIViewSet)

# The site's patterns are added as they are, not include()d: they end in i18n_patterns, which
# Django allows only in the root URLconf. The floor sits just before /graphql/, so that finding
# its view costs what finding the API's does (first in the list, it skipped the patterns of the
# admin and the documents that /graphql/ is tried against).
at_graphql = next(
    i for i, pattern in enumerate(site_urlpatterns) if getattr(pattern, "name", None) == "graphql"
)
urlpatterns = [
    path("bench/api/v2/", router.urls),
    *site_urlpatterns[:at_graphql],
    path("bench/floor/", floor),
    *site_urlpatterns[at_graphql:],
]
