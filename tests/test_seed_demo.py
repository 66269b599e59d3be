"""The demo content: believable, complete, and idempotent."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from co_design.models import (
    ManifestoPage,
    NeedsFinding,
    NeedsReviewPage,
    Profile,
    RoundTablePage,
    StrategyDraftPage,
    Territory,
    TrainingModulePage,
)
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "profiles": Profile.objects.count(),
        "territories": Territory.objects.count(),
        "findings": NeedsFinding.objects.count(),
        "chapters": ManifestoPage.objects.get(locale__language_code="en").chapters.count(),
    }


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_site_has_the_whole_eccipa_process():
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert (
        not Page.objects.filter(depth=2)
        .exclude(pk__in=HomePage.objects.values("pk"))  # the home page and its translations
        .exists()
    )
    assert sorted(Territory.objects.values_list("country", flat=True)) == ["DE", "ES", "IT"]
    assert NeedsReviewPage.objects.live().count() == 3
    assert RoundTablePage.objects.live().count() == 3
    assert TrainingModulePage.objects.live().count() >= 6
    strategies = StrategyDraftPage.objects.live().filter(locale__language_code="en")
    assert strategies.count() == 3
    for strategy in strategies:
        assert len(strategy.sections) >= 3
        assert strategy.live_revision is not None
    manifesto = ManifestoPage.objects.live().get(locale__language_code="en")
    assert [chapter.strategy for chapter in manifesto.chapters.all()] == list(
        strategies.order_by("path")
    )


def test_demo_logins_cover_every_role():
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for group, count in [("Editors", 3), ("Moderators", 1), ("Partner leads", 3)]:
        assert users.filter(groups__name=group).count() == count
    stakeholders = Profile.objects.filter(user__groups__name="Stakeholders")
    assert stakeholders.values("organisation_type").distinct().count() >= 3
    assert not stakeholders.filter(user__is_staff=True).exists()
    for username in ("editor-de", "editor-it", "editor-es"):
        assert users.get(username=username).check_password("eccipa-demo")


def test_second_run_adds_nothing_and_prints_the_logins():
    before = snapshot()
    output = seed()
    assert snapshot() == before
    assert "nothing to add" in output
    assert "stakeholder-ngo" in output and "eccipa-demo" in output


def test_size_options_add_what_is_missing_once():
    seed("--strategies", "5", "--sections", "7", "--modules", "9")

    strategies = StrategyDraftPage.objects.live().filter(locale__language_code="en")
    assert strategies.count() == 5
    new = strategies.get(territory__slug="benchmark-city-05")
    assert len(new.sections) == 7
    assert len({section.id for section in new.sections}) == 7
    assert TrainingModulePage.objects.live().count() == 9
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    assert manifesto.chapters.count() == 5
    assert manifesto.live_revision.as_object().chapters.count() == 5

    after_first = snapshot()
    seed("--strategies", "5", "--sections", "7", "--modules", "9")
    assert snapshot() == after_first
