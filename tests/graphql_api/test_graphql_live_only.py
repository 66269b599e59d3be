"""Only live, public content leaves the site: a fuzz over pages in every state, by every lookup,
in every locale. Every unpublished text carries SECRET; no answer may contain it."""

import itertools
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Locale, PageViewRestriction, Workflow

from co_design.models import (
    ManifestoChapter,
    ManifestoPage,
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    StrategyDraftPage,
    TrainingModulePage,
)

from ..support.factories import TerritoryFactory, publish, superuser
from ..support.graphql_support import (
    add_module,
    add_strategy,
    error_codes,
    execute,
    published_query,
)
from ..support.module_data import built_once
from ..support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

SECRET = "SECRET-7c1f"
LOCALES = ["en", "de", "it", "es"]

STRATEGY_FIELDS = """id slug title url locale version summary vision
  territory { name } needsFindings { theme url }
  participation { commentCount }
  sections { id heading body actions { action } needsFindings { theme url } }"""
MODULE_FIELDS = """id slug title url locale summary targetAudience { role }
  learningObjectives { objective } needsFindings { theme url }
  activities { ... on ExerciseBlock { title description }
    ... on CaseStudyBlock { title description } }
  resources { ... on LinkResourceBlock { title url } }"""
REVIEWS = """query ($locale: String) { needsReviews(locale: $locale) { id slug title url summary
  findings { theme evidence } participants { count } } }"""
STRATEGIES = "query ($locale: String) { strategies(locale: $locale) { " + STRATEGY_FIELDS + " } }"
STRATEGY_BY_ID = (
    "query ($id: ID, $locale: String) { strategy(id: $id, locale: $locale) { "
    + STRATEGY_FIELDS
    + " } }"
)
MODULES = (
    "query ($locale: String, $search: String) { trainingModules(first: 100, locale: $locale,"
    " filter: {search: $search}) { totalCount edges { node { " + MODULE_FIELDS + " } } } }"
)


def site_with_linked_findings():
    """A small site whose Valdoria strategy builds on its needs review's finding."""
    site = small_eccipa()
    valdoria = StrategyDraftPage.objects.get(pk=site.strategies["valdoria"].pk)
    finding = site.needs_review.indexed_findings.get()
    sections = valdoria.sections.raw_data
    sections[0]["value"]["findings"].append(finding.pk)
    valdoria.sections = list(sections)
    valdoria.save()
    site.strategies["valdoria"] = publish(valdoria)
    return site


site = built_once(site_with_linked_findings)


def secret_text(state):
    return f"{SECRET} {state}"


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )


def submit_newer_draft(page, **fields):
    """A live page with a newer draft in review: the page row still holds the published text."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    admin = get_user_model().objects.filter(is_superuser=True).first() or superuser()
    page.save_revision(user=admin)
    Workflow.objects.get(name="Moderators approval").start(page, admin)


def translate_unpublished(page, language_code, **fields):
    locale = Locale.objects.get(language_code=language_code)
    copy = page.get_translation_or_none(locale)  # the site's translation, withdrawn
    if copy is None:
        copy = page.copy_for_translation(locale, True)
    else:
        copy = copy.specific
        if copy.live:
            copy.unpublish()
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision()
    copy.save()
    return copy


@pytest.fixture
def hidden_pages():
    """Pages (and texts) in every state the API must not show; returns their ids and slugs."""
    hidden = {"strategy_ids": [], "strategy_slugs": [], "module_slugs": []}

    # Strategies: never published, unpublished, private, and a private published translation.
    draft = add_strategy(secret_text("draft"), "hidden-draft", secret_text("draft"), publish=False)
    unpublished = add_strategy("Withdrawn", "hidden-unpublished", secret_text("unpublished"))
    unpublished.unpublish()
    private = add_strategy("Members only", "hidden-private", secret_text("private"))
    restrict(private)
    for page in (draft, unpublished, private):
        hidden["strategy_ids"].append(page.pk)
        hidden["strategy_slugs"].append(page.slug)

    # A live strategy with a newer draft in a workflow, and an unpublished German translation.
    rheinfeld = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    submit_newer_draft(
        rheinfeld,
        title=secret_text("workflow title"),
        summary=secret_text("workflow summary"),
        sections=[("section", {"heading": SECRET, "body": f"<p>{SECRET}</p>", "actions": []})],
    )
    german = translate_unpublished(
        StrategyDraftPage.objects.get(
            locale__language_code="en", slug="puerto-alba-local-strategy"
        ),
        "de",
        title=secret_text("translation"),
        summary=secret_text("translation"),
    )
    hidden["strategy_ids"].append(german.pk)
    spanish = translate_unpublished(
        StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy"),
        "es",
        summary=secret_text("private translation"),
    )
    spanish.save_revision().publish()
    restrict(spanish)
    hidden["strategy_ids"].append(spanish.pk)

    # Modules in the same states.
    module_draft = add_module("Soon", "hidden-module-draft", secret_text("module"), publish=False)
    module_gone = add_module("Gone", "hidden-module-gone", secret_text("module gone"))
    module_gone.unpublish()
    module_private = add_module("Members", "hidden-module-private", secret_text("module private"))
    restrict(module_private)
    hidden["module_slugs"] += [module_draft.slug, module_gone.slug, module_private.slug]
    submit_newer_draft(
        TrainingModulePage.objects.get(slug="working-with-interpreters"),
        summary=secret_text("module workflow"),
    )
    translate_unpublished(
        TrainingModulePage.objects.get(slug="plain-language-letters"),
        "it",
        summary=secret_text("module translation"),
    )

    # A needs review whose finding a live strategy links to, then unpublished.
    review = NeedsReviewPage(
        title="Withdrawn review",
        slug="withdrawn-review",
        live=False,
        territory=TerritoryFactory(),
        summary=f"<p>{SECRET}</p>",
        findings=[
            (
                "finding",
                {"kind": "weakness", "theme": SECRET, "evidence": f"<p>{SECRET}</p>"},
            )
        ],
    )
    NeedsReviewIndexPage.objects.get().add_child(instance=review)
    review.save_revision().publish()
    finding = NeedsFinding.objects.get(needs_review=review)
    valdoria = StrategyDraftPage.objects.get(slug="valdoria-local-strategy", locale=spanish.locale)
    valdoria = valdoria.get_translation(Locale.get_default())
    sections = valdoria.sections.raw_data
    sections[0]["value"]["findings"].append(finding.pk)
    valdoria.sections = list(sections)
    valdoria.needs_findings.add(finding)
    valdoria.save_revision().publish()
    NeedsReviewPage.objects.get(pk=review.pk).unpublish()
    submit_newer_draft(
        NeedsReviewPage.objects.get(territory__slug="valdoria"),
        summary=f"<p>{secret_text('review workflow')}</p>",
    )

    # The Manifesto: chapters on hidden strategies, and a newer draft in a workflow.
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    for page in (draft, unpublished, private):
        manifesto.chapters.add(ManifestoChapter(strategy=page, summary=f"<p>{SECRET}</p>"))
    manifesto.save_revision().publish()
    submit_newer_draft(
        ManifestoPage.objects.get(locale__language_code="en"), introduction=f"<p>{SECRET}</p>"
    )
    cache.clear()
    return hidden


def answers(hidden):
    """Every lookup, in every locale."""
    for locale in LOCALES:
        yield execute(published_query("manifesto"), locale=locale)
        yield execute(STRATEGIES, locale=locale)
        yield execute(MODULES, locale=locale)
        yield execute(MODULES, locale=locale, search=SECRET)
        yield execute(REVIEWS, locale=locale)
        for pk in hidden["strategy_ids"]:
            yield execute(STRATEGY_BY_ID, id=str(pk), locale=locale)
        for slug in hidden["strategy_slugs"]:
            yield execute(published_query("strategy"), slug=slug, locale=locale)
        for slug in hidden["module_slugs"]:
            yield execute(published_query("module"), slug=slug, locale=locale)
        for page in itertools.chain(
            StrategyDraftPage.objects.all(), TrainingModulePage.objects.all()
        ):
            query = (
                STRATEGY_BY_ID if isinstance(page, StrategyDraftPage) else published_query("module")
            )
            variables = (
                {"id": str(page.pk)} if isinstance(page, StrategyDraftPage) else {"slug": page.slug}
            )
            yield execute(query, locale=locale, **variables)


def test_no_lookup_in_any_locale_shows_unpublished_or_private_text(hidden_pages):
    count = 0
    for result in answers(hidden_pages):
        count += 1
        text = json.dumps(result.data) + json.dumps(
            [error.message for error in result.errors or []]
        )
        assert SECRET not in text
        assert set(error_codes(result)) <= {"NOT_FOUND"}
    assert count > 100


def test_hidden_pages_are_not_found_by_id_or_slug_in_any_locale(hidden_pages):
    for locale in LOCALES:
        for pk in hidden_pages["strategy_ids"]:
            result = execute(STRATEGY_BY_ID, id=str(pk), locale=locale)
            assert error_codes(result) == ["NOT_FOUND"], (pk, locale, result.data)
        for slug in hidden_pages["strategy_slugs"]:
            result = execute(published_query("strategy"), slug=slug, locale=locale)
            assert error_codes(result) == ["NOT_FOUND"]
        for slug in hidden_pages["module_slugs"]:
            result = execute(published_query("module"), slug=slug, locale=locale)
            assert error_codes(result) == ["NOT_FOUND"]


def test_pages_in_a_workflow_keep_serving_their_published_text(hidden_pages):
    strategy = execute(published_query("strategy"), slug="rheinfeld-local-strategy").data
    assert strategy["strategy"]["title"] == "Rheinfeld Local Strategy"
    assert strategy["strategy"]["sections"][0]["heading"] == "A welcoming front desk"
    manifesto = execute(published_query("manifesto")).data["manifesto"]
    assert manifesto["introduction"].startswith("<p>What three cities learnt")
    assert len(manifesto["chapters"]) == 3  # the chapters on hidden strategies are left out
    module = execute(published_query("module"), slug="working-with-interpreters").data
    assert module["trainingModule"]["summary"].startswith("Booking, briefing and working")


def test_findings_of_an_unpublished_review_are_not_linked(hidden_pages):
    valdoria = execute(published_query("strategy"), slug="valdoria-local-strategy").data
    themes = {f["theme"] for f in valdoria["strategy"]["needsFindings"]}
    themes |= {f["theme"] for s in valdoria["strategy"]["sections"] for f in s["needsFindings"]}
    assert "Language barriers at the front desk" in themes
    assert SECRET not in themes
