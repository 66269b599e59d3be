"""Settings of the benchmark process only: the site's test settings plus two peers to compare the
GraphQL API with, Wagtail's built-in REST API v2 and wagtail-grapple (bench_grapple.py). The site
itself never enables them."""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import ECCIPA_GRAPHQL, INSTALLED_APPS

INSTALLED_APPS = [
    *INSTALLED_APPS,
    "wagtail.api.v2",
    "rest_framework",
    # Before grapple: it annotates the models grapple then builds its schema from.
    "bench_grapple.BenchGrappleConfig",
    "grapple",
]
GRAPPLE = {"APPS": {"co_design": ""}, "AUTO_CAMELCASE": True}
WAGTAILAPI_LIMIT_MAX = 100
ROOT_URLCONF = "bench_urls"
# Time is what the bench measures: a slow first answer (warming up, or a busy machine) must not
# end as a 503. (The budget is read from ECCIPA_GRAPHQL; a setting of its own did nothing.)
ECCIPA_GRAPHQL = {**ECCIPA_GRAPHQL, "TIME_BUDGET_MS": 60_000}
