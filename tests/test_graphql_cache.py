"""Answers are cached, and publishing, unpublishing, moving or deleting purges them: a stale
answer after a publish is a bug."""

import hashlib
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from co_design.graphql_api import response_cache
from co_design.models import StrategyDraftPage, Territory, TrainingModulePage

from .graphql_support import ROOT, post, published_query

pytestmark = pytest.mark.django_db

STRATEGIES = "{ strategies { slug summary territory { name } } }"


def get_strategy(client, slug="valdoria-local-strategy", **headers):
    query_id = hashlib.sha256(published_query("strategy").encode()).hexdigest()
    variables = json.dumps({"slug": slug})
    return client.get("/graphql/", {"id": query_id, "variables": variables}, **headers)


def strategy_slugs(client):
    return [s["slug"] for s in post(client, STRATEGIES).json()["data"]["strategies"]]


def test_a_repeated_query_is_answered_from_the_cache(client, django_assert_num_queries):
    first = get_strategy(client)
    with django_assert_num_queries(0):
        second = get_strategy(client)
    assert second.content == first.content
    post(client, STRATEGIES)
    with django_assert_num_queries(0):
        post(client, STRATEGIES)


def test_publishing_purges_the_cached_answers(client):
    before = get_strategy(client)
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    page.summary = "A new summary, just published."
    revision = page.save_revision()
    revision.publish()

    after = get_strategy(client, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["data"]["strategy"]["summary"] == "A new summary, just published."
    assert after["ETag"] != before["ETag"]
    assert after.json()["data"]["strategy"]["version"] == revision.pk


def test_saving_a_draft_does_not_change_the_answer(client):
    before = get_strategy(client)
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    page.summary = "Only a draft."
    page.save_revision()
    assert get_strategy(client, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304


def test_unpublishing_purges_the_cached_answers(client):
    assert "valdoria-local-strategy" in strategy_slugs(client)
    StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    ).unpublish()
    assert "valdoria-local-strategy" not in strategy_slugs(client)
    assert get_strategy(client).json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_moving_a_page_purges_the_cached_answers(client):
    before = strategy_slugs(client)
    last = StrategyDraftPage.objects.get(locale__language_code="en", slug=before[-1])
    last.move(StrategyDraftPage.objects.get(locale__language_code="en", slug=before[0]), pos="left")
    assert strategy_slugs(client) == [before[-1], *before[:-1]]


def test_deleting_a_page_purges_the_cached_answers(client):
    query = "{ trainingModules(first: 100) { totalCount } }"
    count = post(client, query).json()["data"]["trainingModules"]["totalCount"]
    TrainingModulePage.objects.get(slug="working-with-interpreters").delete()
    assert post(client, query).json()["data"]["trainingModules"]["totalCount"] == count - 1


def test_making_a_page_private_purges_the_cached_answers(client):
    assert get_strategy(client).json()["data"]["strategy"]
    PageViewRestriction.objects.create(
        page=StrategyDraftPage.objects.get(
            locale__language_code="en", slug="valdoria-local-strategy"
        ),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert get_strategy(client).json()["data"]["strategy"] is None


def test_editing_a_territory_purges_the_cached_answers(client):
    assert "Valdoria" in str(post(client, STRATEGIES).json())
    Territory.objects.filter(slug="valdoria").update(name="ignored: update() sends no signal")
    territory = Territory.objects.get(slug="valdoria")
    territory.name = "Valdoria Alta"
    territory.save()
    assert "Valdoria Alta" in str(post(client, STRATEGIES).json())


@pytest.mark.skipif(not settings.REDIS_URL, reason="processes share a cache only through Redis")
def test_a_purge_in_another_process_retires_this_process_answers(client):
    before = get_strategy(client)
    generation = response_cache.current_generation()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    code = "import django; django.setup(); from co_design.graphql_api import response_cache; "
    code += "response_cache.purge()"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert response_cache.current_generation() == generation + 1
    assert get_strategy(client, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304


def test_a_lost_generation_counter_never_brings_old_answers_back(client):
    from django.core.cache import cache

    get_strategy(client)
    old = response_cache.current_generation()
    cache.delete(response_cache.GENERATION_KEY)  # evicted, or the cache was restarted
    assert response_cache.current_generation() > old


def test_spaces_line_breaks_and_comments_do_not_miss_the_cache(client, django_assert_num_queries):
    first = post(client, STRATEGIES)
    assert first.status_code == 200
    same = """# The strategies, again
    {
      strategies {
        slug   summary
        territory { name }  # where
      }
    }
    """
    with django_assert_num_queries(0):
        second = post(client, same)
    assert second.content == first.content
