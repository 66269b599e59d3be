"""The demo as a network still translating it: for the tests of what a visitor sees where a
page has no translation in their language. The demo translates every page; this fixture keeps
the translations of the home page, the Toolkit and strategy indexes, the Valdoria strategy, the
Manifesto and the public pages, and removes the others (in the module's rolled-back demo)."""

import pytest
from wagtail.models import Page

from co_design.review.models import Consultation

KEPT_TYPES = {
    "HomePage",
    "TrainingProgrammePage",
    "StrategyIndexPage",
    "ManifestoPage",
    "TakePartPage",
    "InformationPage",
}
KEPT_SLUGS = {"valdoria-local-strategy"}


def kept(page):
    return page.specific_class.__name__ in KEPT_TYPES or page.slug in KEPT_SLUGS


@pytest.fixture(scope="module")
def partly_translated_demo(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        removed = [
            page
            for page in Page.objects.exclude(locale__language_code="en").filter(depth__gt=1)
            if not kept(page)
        ]
        paths = [page.path for page in removed]
        for page in removed:
            # A page whose parent goes too goes with it.
            if not any(page.path.startswith(path) and page.path != path for path in paths):
                # The translation's own review consulted on it (no comments): that record goes too.
                Consultation.objects.filter(page__path__startswith=page.path).delete()
                page.delete()
    yield
