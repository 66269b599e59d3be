"""Answers are cached, and publishing, unpublishing, moving or deleting purges them: a stale
answer after a publish is a bug."""

import hashlib
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from co_design.graphql_api import response_cache
from co_design.models import StrategyDraftPage, Territory, TrainingModulePage

from ..support.graphql_support import ROOT, post, published_query
from ..support.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def consultation_module_and_manifesto():
    """Valdoria's strategy open for consultation with the room's comments (adopted, noted,
    undecided, one reported), Rheinfeld's strategy, a Toolkit module and the Manifesto whose
    newer edition lead-de and Valdoria's lead have signed, lead-es not yet. Returns the
    usernames the tests act as."""
    from co_design.models import ManifestoChapter, Profile
    from co_design.review.setup import setup_review

    from ..support.consultation_room import consultation_room, member
    from ..support.factories import ManifestoPageFactory, TerritoryFactory, publish
    from ..support.network import half_signed
    from ..support.site_tree import toolkit_with_module

    room = consultation_room()
    home = room.page.get_parent().get_parent()
    toolkit_with_module(home, room.territory, slug="working-with-interpreters")
    puerto_alba = TerritoryFactory(name="Puerto Alba", slug="puerto-alba")
    leads = {
        "lead-de": member("partner_lead", room.other_territory, "lead-de", "Lukas", "Schmidt"),
        "lead-it": room.lead,
        "lead-es": member("partner_lead", puerto_alba, "lead-es", "Luis", "Martín"),
    }
    for lead in leads.values():
        Profile.objects.filter(user=lead).update(
            organisation=f"City of {lead.profile.territory.name}"
        )
    manifesto = ManifestoPageFactory(parent=home, title="The ECCIPA Manifesto")
    for strategy in (room.other_strategy, room.page):
        ManifestoChapter.objects.create(
            page=manifesto, strategy=strategy, summary=f"<p>{strategy.territory.name}.</p>"
        )
    manifesto = publish(manifesto)
    setup_review()  # the Manifesto sign-off, now that there is a Manifesto
    half_signed(manifesto, {**leads, "moderator": room.moderator})
    return SimpleNamespace(
        editor=room.editor.username,
        moderator=room.moderator.username,
        school=room.school.username,
        lead_it=room.lead.username,
    )


site = built_once(consultation_module_and_manifesto)

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


# What the participation record and the signatures show changes without a publish: each such
# change purges the cached answers too.


def participation(client, **headers):
    response = get_strategy(client, **headers)
    assert response.status_code == 200
    return response.json()["data"]["strategy"]["participation"]


def closed_valdoria(site):
    from ..support.room_helpers import close_consultation, valdoria

    page = valdoria()
    close_consultation(page, site.editor)
    return page


def test_the_record_counts_a_consultation_once_it_closes(client, site):
    from ..support.review_helpers import act, client_for
    from ..support.room_helpers import valdoria

    assert participation(client)["commentCount"] == 0  # still open: nothing public yet
    act(client_for(site.editor), valdoria(), "close")
    assert participation(client)["commentCount"] == 3  # the reported one waits for a moderator


def test_an_answer_is_not_kept_past_the_closing_date_of_a_consultation(client):
    """Nothing is written when a consultation reaches its date; its comments count from then."""
    import time

    from django.utils import timezone

    from co_design.models import Consultation

    from ..support.room_helpers import valdoria

    closes_at = timezone.now() + timezone.timedelta(seconds=3)
    Consultation.objects.for_page(valdoria()).update(closes_at=closes_at)
    assert participation(client)["commentCount"] == 0
    time.sleep(max(0, (closes_at - timezone.now()).total_seconds()) + 1.2)
    assert participation(client)["commentCount"] == 3


def test_hiding_a_comment_purges_the_cached_answers(client, site):
    from co_design.models import StakeholderComment

    from ..support.review_helpers import client_for

    page = closed_valdoria(site)
    assert participation(client)["commentCount"] == 3
    record = StakeholderComment.objects.get(wagtail_comment__page=page, decision="adopted")
    client_for(site.moderator).post(
        f"/admin/consultations/comments/{record.pk}/hide/", {"reason": "Names a colleague."}
    )
    assert participation(client)["commentCount"] == 2

    # Shown again (there is no button for it; an administrator's correction in the database).
    record.refresh_from_db()
    record.hidden_at = None
    record.save()
    assert participation(client)["commentCount"] == 3


def test_dismissing_the_flags_on_a_comment_purges_the_cached_answers(client, site):
    from co_design.models import FlagStatus, StakeholderComment

    from ..support.review_helpers import client_for

    closed_valdoria(site)
    assert participation(client)["commentCount"] == 3
    flagged = StakeholderComment.objects.get(flags__status=FlagStatus.WAITING)
    client_for(site.moderator).post(f"/admin/consultations/comments/{flagged.pk}/dismiss/")
    assert participation(client)["commentCount"] == 4


def test_a_decision_purges_the_cached_answers(client, site):
    from co_design.models import StakeholderComment

    from ..support.review_helpers import client_for

    page = closed_valdoria(site)
    assert participation(client)["decisions"]["noted"] == 1
    record = StakeholderComment.objects.get(
        wagtail_comment__page=page, wagtail_comment__user__username=site.school
    )
    client_for(site.editor).post(
        f"/admin/consultations/comments/{record.pk}/decision/",
        {f"c{record.pk}-decision": "noted", f"c{record.pk}-reason": "For the 2024 plan."},
    )
    decisions = participation(client)["decisions"]
    assert (decisions["noted"], decisions["undecided"]) == (2, 0)


def get_manifesto(client, **headers):
    query_id = hashlib.sha256(published_query("manifesto").encode()).hexdigest()
    return client.get("/graphql/", {"id": query_id}, **headers)


def signatures(client):
    response = get_manifesto(client)
    assert response.status_code == 200
    return response.json()["data"]["manifesto"]["signOff"]["signatures"]


@pytest.fixture
def signed_manifesto():
    """lead-es signs last: the Manifesto is published with three signatures."""
    from django.contrib.auth import get_user_model

    from co_design.models import ManifestoPage

    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    task_state = manifesto.current_workflow_task_state
    lead = get_user_model().objects.get(username="lead-es")
    task_state.task.specific.on_action(task_state, lead, "approve")
    return manifesto


def test_a_withdrawn_signature_purges_the_cached_answers(client, signed_manifesto):
    from co_design.models import SignOff

    assert len(signatures(client)) == 3
    # The English Manifesto's last sign-off (each translation is signed on its own).
    signed_manifesto.refresh_from_db()
    SignOff.objects.get(user__username="lead-es", revision=signed_manifesto.live_revision).delete()
    assert [s["territory"]["name"] for s in signatures(client)] == ["Rheinfeld", "Valdoria"]


def test_a_signatory_profile_or_name_change_purges_the_cached_answers(
    client, signed_manifesto, site
):
    from django.contrib.auth import get_user_model

    lead = get_user_model().objects.get(username=site.lead_it)
    assert lead.profile.organisation in {s["organisation"] for s in signatures(client)}
    lead.profile.organisation = "Comune di Valdoria, Ufficio Europa"
    lead.profile.save()
    assert "Comune di Valdoria, Ufficio Europa" in {s["organisation"] for s in signatures(client)}

    lead.first_name, lead.last_name = "Giulia", "Ferraro-Bianchi"
    lead.save()
    assert "Giulia Ferraro-Bianchi" in {s["signedBy"] for s in signatures(client)}

    # Signing in saves the user too, and changes nothing the API shows: no purge.
    from ..support.review_helpers import client_for

    before = get_manifesto(client)
    assert before.status_code == 200
    generation = response_cache.current_generation()
    lead = client_for(site.lead_it)  # force_login saves last_login
    lead.logout()
    assert response_cache.current_generation() == generation
    assert get_manifesto(client, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304


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
