"""The number of SQL queries of an answer does not grow with the content it holds."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from co_design.models import ManifestoPage

from ..support.graphql_support import data_of, published_query

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

STRATEGIES = """{ strategies { title territory { name partnerOrganisations }
  needsFindings { theme territory { name } } participation { commentCount }
  sections { id heading body actions { action } needsFindings { theme url }
  participation { commentCount } } } }"""
MODULES = """{ trainingModules(first: 100) { totalCount edges { node { title url
  competences { name }
  needsFindings { theme territory { name } } targetAudience { role }
  activities { ... on CaseStudyBlock { title description } } } } } }"""


def query_count(query):
    data_of(query)  # warm up what Wagtail caches once per process (the site's root paths)
    with CaptureQueriesContext(connection) as captured:
        data_of(query)
    return len(captured)


def test_manifesto_runs_the_same_few_queries_with_3_or_30_chapters(django_assert_num_queries):
    query = published_query("manifesto")
    small = query_count(query)
    assert len(data_of(query)["manifesto"]["chapters"]) == 3

    call_command("seed_demo", "--force", "--strategies", "30", "--sections", "20", verbosity=0)
    answer = data_of(query)["manifesto"]
    assert (
        len(answer["chapters"])
        == ManifestoPage.objects.get(locale__language_code="en").chapters.count()
        == 30
    )
    assert len(answer["chapters"][-1]["strategy"]["sections"]) == 20
    # The generated sections link to the Toolkit: rich text links are resolved in bulk too.
    assert (
        'href="http://testserver/en/toolkit/"'
        in answer["chapters"][-1]["strategy"]["sections"][0]["body"]
    )

    with django_assert_num_queries(small):
        data_of(query)
    assert small <= 15


def test_strategies_and_modules_lists_do_not_query_per_item():
    def seed(strategies, modules):
        call_command(
            "seed_demo",
            "--force",
            "--strategies",
            str(strategies),
            "--modules",
            str(modules),
            verbosity=0,
        )
        assert len(data_of(STRATEGIES)["strategies"]) == strategies
        assert len(data_of(MODULES)["trainingModules"]["edges"]) == modules
        return query_count(STRATEGIES), query_count(MODULES)

    # Both sizes include generated strategies, whose sections link to the Toolkit.
    assert seed(5, 10) == seed(15, 40)
