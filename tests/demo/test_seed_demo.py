"""The demo content: believable, complete, and idempotent."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import CommentReply, Locale, Page, Revision, Site
from wagtail_localize.models import TranslationSource

from co_design.demo.data import public_pages
from co_design.models import (
    CommentFlag,
    FlagStatus,
    ManifestoPage,
    NeedsFinding,
    NeedsReviewPage,
    Profile,
    RoundTablePage,
    StakeholderComment,
    StrategyDraftPage,
    Territory,
    TrainingModulePage,
)
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


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
    """seed_demo as `make run` runs it: in development, DEBUG on."""
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def seed_with_debug_off(*args):
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
    english = {"locale__language_code": "en"}
    assert NeedsReviewPage.objects.live().filter(**english).count() == 3
    assert RoundTablePage.objects.live().filter(**english).count() == 3
    assert TrainingModulePage.objects.live().filter(**english).count() >= 6
    strategies = StrategyDraftPage.objects.live().filter(locale__language_code="en")
    assert strategies.count() == 3
    for strategy in strategies:
        assert len(strategy.sections) >= 3
        assert strategy.live_revision is not None
    manifesto = ManifestoPage.objects.live().get(locale__language_code="en")
    assert [chapter.strategy for chapter in manifesto.chapters.all()] == list(
        strategies.order_by("path")
    )


def test_the_demo_consultation_has_comments_replies_decisions_and_a_flag():
    page = StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")
    records = StakeholderComment.objects.filter(wagtail_comment__page=page)
    assert records.values("organisation_type").distinct().count() >= 3
    assert CommentReply.objects.filter(comment__page=page).count() >= 2
    assert records.exclude(decision="").count() >= 2
    assert CommentFlag.objects.filter(
        stakeholder_comment__in=records, status=FlagStatus.WAITING
    ).exists()
    assert records.filter(agreements__isnull=False).distinct().count() >= 2


def english_pages():
    home = Site.objects.get(is_default_site=True).root_page
    return Page.objects.descendant_of(home, inclusive=True).order_by("path").specific()


def test_every_english_page_is_live_in_german_italian_and_spanish():
    english = list(english_pages())
    assert {page.specific_class.__name__ for page in english} >= {
        "HomePage",
        "NeedsReviewIndexPage",
        "NeedsReviewPage",
        "TrainingProgrammePage",
        "TrainingModulePage",
        "StrategyIndexPage",
        "StrategyDraftPage",
        "RoundTableIndexPage",
        "RoundTablePage",
        "ManifestoPage",
        "TakePartPage",
        "InformationPage",
    }
    for language in ("de", "it", "es"):
        locale = Locale.objects.get(language_code=language)
        for page in english:
            translated = page.get_translation(locale)
            assert translated.live and translated.alias_of_id is None, (language, page)
            # Made with wagtail-localize: the translation editor and Sync know it.
            source = TranslationSource.objects.get_for_instance(page)
            assert source.translations.filter(target_locale=locale).exists()


def test_translations_keep_the_english_slug_except_the_public_pages():
    for page in english_pages():
        if isinstance(page, HomePage):
            continue
        german = page.get_translation(Locale.objects.get(language_code="de"))
        expected = public_pages.SLUGS.get(page.slug, {}).get("de", page.slug)
        assert german.slug == expected
    assert Page.objects.get(slug="mitmachen").title == "Mitmachen"


def test_translated_sections_keep_the_block_ids_of_their_source():
    for strategy in StrategyDraftPage.objects.filter(locale__language_code="en"):
        ids = [block.id for block in strategy.sections]
        for translated in strategy.get_translations():
            assert [block.id for block in translated.specific.sections] == ids


def test_translations_read_the_demo_catalogues_without_demo_notes():
    german_manifesto = ManifestoPage.objects.get(locale__language_code="de")
    assert german_manifesto.title == "Das ECCIPA-Manifest"
    german_take_part = Page.objects.get(slug="mitmachen").specific
    assert "Die Partnerstädte schreiben" in german_take_part.introduction
    texts = " ".join(
        str(page.specific.__dict__) for page in Page.objects.exclude(locale__language_code="en")
    )
    for note in ("Demo-Übersetzung", "Traduzione dimostrativa", "Traducción de demostración"):
        assert note not in texts


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
    assert TrainingModulePage.objects.live().filter(locale__language_code="en").count() == 9
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    assert manifesto.chapters.count() == 5
    assert manifesto.live_revision.as_object().chapters.count() == 5

    after_first = snapshot()
    seed("--strategies", "5", "--sections", "7", "--modules", "9")
    assert snapshot() == after_first


def test_with_debug_off_it_refuses_without_force_and_adds_nothing():
    get_user_model().objects.filter(username="stakeholder-ngo").delete()
    before = snapshot()

    with pytest.raises(CommandError, match="DEBUG is off.*--force"):
        seed_with_debug_off()

    assert snapshot() == before
    assert not get_user_model().objects.filter(username="stakeholder-ngo").exists()


def test_forced_with_debug_off_and_no_password_set_the_accounts_cannot_sign_in(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    users = get_user_model().objects
    users.filter(username__in=["admin", "stakeholder-ngo"]).delete()

    output = seed_with_debug_off("--force")

    admin = users.get(username="admin")
    assert admin.is_superuser
    assert not admin.has_usable_password()
    assert not admin.check_password("eccipa-demo")
    assert not users.get(username="stakeholder-ngo").has_usable_password()
    assert "eccipa-demo" not in output
    assert "password for all: none; new accounts cannot sign in" in output


def test_forced_with_debug_off_the_accounts_take_the_password_from_the_environment(
    monkeypatch, client
):
    monkeypatch.setenv("DEMO_PASSWORD", "staging-secret-4711")
    get_user_model().objects.filter(username="admin").delete()

    output = seed_with_debug_off("--force")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("staging-secret-4711")
    assert not admin.check_password("eccipa-demo")
    assert "staging-secret-4711" not in output and "eccipa-demo" not in output
    assert "password for all: from DEMO_PASSWORD" in output
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "staging-secret-4711"}, follow=True
    )
    assert response.context["user"].username == "admin"


def test_make_run_seeds_with_the_development_settings_where_debug_is_on():
    from cms.settings import dev

    assert dev.DEBUG is True


@pytest.mark.parametrize("language", ["en", "de", "it", "es"])
def test_home_page_speaks_of_a_running_platform(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert "The project ran from" not in html
    assert "2020-1-DE02-KA202-007701" in html  # the grant stays, as history
    carried_on = {
        "en": "This platform carries its work on",
        "de": "Diese Plattform führt seine Arbeit fort",
        "it": "Questa piattaforma ne porta avanti il lavoro",
        "es": "Esta plataforma continúa su trabajo",
    }[language]
    assert carried_on in html
