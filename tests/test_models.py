"""The content model: findings that can be linked to, one report and strategy per territory."""

import pytest
from django.core.exceptions import ValidationError

from co_design.models import NeedsFinding, NeedsReviewPage, StrategyDraftPage, TrainingModulePage
from co_design.models.strategies import StrategyIndexPage

from .support.factories import NeedsReviewPageFactory, TerritoryFactory

pytestmark = pytest.mark.django_db


def finding_block(theme, kind="weakness"):
    return (
        "finding",
        {"kind": kind, "theme": theme, "evidence": "<p>Seen.</p>", "priority": "high"},
    )


def test_publishing_a_needs_review_makes_its_findings_linkable():
    review = NeedsReviewPageFactory(findings=[finding_block("Long queues")])
    assert not NeedsFinding.objects.filter(needs_review=review).exists()  # not yet published

    review.save_revision().publish()

    finding = NeedsFinding.objects.get(needs_review=review)
    assert finding.theme == "Long queues"
    assert finding.block_id == review.findings[0].id
    assert finding.get_url() == f"{review.url}#finding-{finding.block_id}"


def test_a_finding_removed_from_the_report_is_kept_as_withdrawn_with_its_links():
    review = NeedsReviewPage.objects.get(territory__slug="rheinfeld")
    finding = NeedsFinding.objects.get(
        needs_review=review, theme="Language barriers at the front desk"
    )
    module = TrainingModulePage.objects.get(slug="working-with-interpreters")
    assert finding in module.needs_findings.all()

    del review.findings[[block.id for block in review.findings].index(finding.block_id)]
    review.save_revision().publish()

    finding.refresh_from_db()
    assert finding.is_current is False
    assert finding in module.needs_findings.all()
    assert finding not in NeedsFinding.objects.current()
    assert NeedsFinding.objects.filter(needs_review=review, is_current=True).count() == 3


def test_editing_a_finding_updates_its_index_row_instead_of_adding_one():
    review = NeedsReviewPage.objects.get(territory__slug="valdoria")
    before = NeedsFinding.objects.filter(needs_review=review).count()
    review.findings[0].value["theme"] = "Committed cooperatives (revised)"
    review.save_revision().publish()
    assert NeedsFinding.objects.filter(needs_review=review).count() == before
    assert NeedsFinding.objects.filter(theme="Committed cooperatives (revised)").exists()


def test_a_territory_has_one_needs_review_per_language():
    existing = NeedsReviewPage.objects.get(territory__slug="valdoria")
    duplicate = NeedsReviewPage(
        title="Second review", slug="second", territory=existing.territory, summary="<p>x</p>"
    )
    with pytest.raises(ValidationError) as error:
        existing.get_parent().add_child(instance=duplicate)
    assert "Valdoria already has a needs review report in this language." in str(error.value)


def test_a_territory_has_one_strategy_per_language_but_a_new_territory_may_add_one():
    index = StrategyIndexPage.objects.get(locale__language_code="en")
    existing = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    )
    fields = {"summary": "s", "vision": "<p>v</p>", "sections": []}
    with pytest.raises(ValidationError):
        index.add_child(
            instance=StrategyDraftPage(
                title="Again", slug="again", territory=existing.territory, **fields
            )
        )
    new = StrategyDraftPage(title="New", slug="new", territory=TerritoryFactory(), **fields)
    index.add_child(instance=new)
    assert StrategyDraftPage.objects.filter(slug="new").exists()


def test_section_findings_are_fetched_in_one_query(django_assert_num_queries):
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="puerto-alba-local-strategy"
    )
    with django_assert_num_queries(1):
        findings = strategy.section_findings()
    named = {pk for section in strategy.sections for pk in section.value["findings"]}
    assert set(findings) == named
    assert len(named) == 4


def test_strategy_sections_keep_their_block_ids_across_revisions():
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    ids = [section.id for section in strategy.sections]
    strategy.sections[0].value["heading"] = "A welcoming front desk, revised"
    revision = strategy.save_revision()
    stored = revision.as_object()
    assert [section.id for section in stored.sections] == ids
    assert stored.sections[0].value["heading"] == "A welcoming front desk, revised"
