"""Settings of the benchmark process only: the site's test settings plus Wagtail's built-in REST
API v2, as a peer to compare the GraphQL API with. The site itself never enables it."""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
WAGTAILAPI_LIMIT_MAX = 100
ROOT_URLCONF = "bench_urls"
