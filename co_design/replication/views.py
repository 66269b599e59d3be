"""The public download of the Toolkit package: live content only, as the API serves it."""

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page

from co_design.activities.needs_review import NeedsReviewPage
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage

from .export import export_package

CACHE_SECONDS = 60 * 60


def fingerprint():
    """Changes whenever a page the package holds is published or taken down."""
    pages = Page.objects.type(TrainingProgrammePage, TrainingModulePage, NeedsReviewPage).live()
    state = pages.aggregate(latest=Max("last_published_at"), count=Count("id"))
    return f"toolkit-package:{state['count']}:{state['latest'] and state['latest'].isoformat()}"


@require_safe
def toolkit_package(request):
    key = fingerprint()
    data = cache.get(key)
    if data is None:
        data = export_package()
        cache.set(key, data, CACHE_SECONDS)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="eccipa-toolkit.zip"'
    return response
