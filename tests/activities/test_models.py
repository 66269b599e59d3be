"""The content model: findings that can be linked to, one report and strategy per territory."""

import pytest
from django.core.exceptions import ValidationError

from co_design.models import NeedsFinding, NeedsReviewPage, StrategyDraftPage

from ..support.factories import (
    NeedsReviewPageFactory,
    StrategyDraftPageFactory,
    StrategyIndexPageFactory,
    TerritoryFactory,
    TrainingModulePageFactory,
    finding,
    publish,
    section,
    site_home,
)

pytestmark = pytest.mark.django_db


def published_review(*themes, **fields):
    return publish(NeedsReviewPageFactory(findings=[finding(theme) for theme in themes], **fields))


def test_publishing_a_needs_review_makes_its_findings_linkable():
    review = NeedsReviewPageFactory(parent__parent=site_home(), findings=[finding("Long queues")])
    assert not NeedsFinding.objects.filter(needs_review=review).exists()  # not yet published

    review.save_revision().publish()

    finding_row = NeedsFinding.objects.get(needs_review=review)
    assert finding_row.theme == "Long queues"
    assert finding_row.block_id == review.findings[0].id
    assert review.url.endswith(f"/en/{review.get_parent().slug}/{review.slug}/")
    assert finding_row.get_url() == f"{review.url}#finding-{finding_row.block_id}"


def test_a_finding_removed_from_the_report_is_kept_as_withdrawn_with_its_links():
    review = published_review(
        "Strong network of associations",
        "Language barriers at the front desk",
        "Letters nobody understands",
        "No training on discrimination complaints",
    )
    removed = NeedsFinding.objects.get(
        needs_review=review, theme="Language barriers at the front desk"
    )
    module = TrainingModulePageFactory(territory=review.territory)
    module.needs_findings.add(removed)
    publish(module)
    assert removed in module.needs_findings.all()

    review = NeedsReviewPage.objects.get(pk=review.pk)
    del review.findings[[block.id for block in review.findings].index(removed.block_id)]
    review.save_revision().publish()

    removed.refresh_from_db()
    assert removed.is_current is False
    assert removed in module.needs_findings.all()
    assert removed not in NeedsFinding.objects.current()
    assert NeedsFinding.objects.filter(needs_review=review, is_current=True).count() == 3


def test_editing_a_finding_updates_its_index_row_instead_of_adding_one():
    review = published_review("Committed cooperatives", "Few interpreters")
    before = NeedsFinding.objects.filter(needs_review=review).count()
    review = NeedsReviewPage.objects.get(pk=review.pk)
    review.findings[0].value["theme"] = "Committed cooperatives (revised)"
    review.save_revision().publish()
    assert NeedsFinding.objects.filter(needs_review=review).count() == before == 2
    assert NeedsFinding.objects.filter(theme="Committed cooperatives (revised)").exists()


def test_a_territory_has_one_needs_review_per_language():
    existing = NeedsReviewPageFactory(territory=TerritoryFactory(name="Lindenau"))
    duplicate = NeedsReviewPage(
        title="Second review", slug="second", territory=existing.territory, summary="<p>x</p>"
    )
    with pytest.raises(ValidationError) as error:
        existing.get_parent().add_child(instance=duplicate)
    assert "Lindenau already has a needs review report in this language." in str(error.value)


def test_a_territory_has_one_strategy_per_language_but_a_new_territory_may_add_one():
    index = StrategyIndexPageFactory()
    existing = StrategyDraftPageFactory(parent=index)
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
    review = published_review("Housing", "Queues", "Letters", "Interpreters", "Not named")
    rows = list(NeedsFinding.objects.filter(needs_review=review).order_by("theme"))
    named = {row.theme: row.pk for row in rows}
    strategy = StrategyDraftPageFactory(
        territory=review.territory,
        sections=[
            section("Welcome", findings=[named["Housing"], named["Queues"]]),
            section("Letters", findings=[named["Letters"]]),
            section("Interpreters", findings=[named["Interpreters"], named["Queues"]]),
        ],
    )
    with django_assert_num_queries(1):
        findings = strategy.section_findings()
    assert set(findings) == {pk for theme, pk in named.items() if theme != "Not named"}
    assert len(findings) == 4


def test_strategy_sections_keep_their_block_ids_across_revisions():
    strategy = publish(
        StrategyDraftPageFactory(
            sections=[section("A welcoming front desk"), section("Letters people understand")]
        )
    )
    ids = [section.id for section in strategy.sections]
    strategy.sections[0].value["heading"] = "A welcoming front desk, revised"
    revision = strategy.save_revision()
    stored = revision.as_object()
    assert [section.id for section in stored.sections] == ids
    assert stored.sections[0].value["heading"] == "A welcoming front desk, revised"
