"""Idempotent set-up of the review process: roles, territory page rights, workflows."""

from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from co_design.access.roles import ensure_role_groups, grant_territory_editing
from co_design.activities.manifesto import ManifestoPage
from co_design.activities.needs_review import NeedsReviewPage
from co_design.activities.strategies import StrategyDraftPage, StrategyIndexPage
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.review.approval import EditorialApprovalTask
from co_design.review.consultation_task import ConsultationTask
from co_design.review.sign_off import PartnerSignOffTask

LOCAL_STRATEGY_REVIEW = "Local strategy review"
MANIFESTO_SIGN_OFF = "Manifesto sign-off"


def workflow_of(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def assign(workflow, pages):
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def setup_review():
    groups = ensure_role_groups()
    for model in (NeedsReviewPage, StrategyDraftPage, TrainingModulePage):
        for page in model.objects.select_related("territory"):
            grant_territory_editing(page)

    consultation, _ = ConsultationTask.objects.get_or_create(name="Stakeholder consultation")
    editorial, _ = EditorialApprovalTask.objects.get_or_create(name="Editorial approval")
    editorial.groups.add(groups["moderator"])
    sign_off, _ = PartnerSignOffTask.objects.get_or_create(
        name="Partner sign-off", defaults={"signatories": groups["partner_lead"]}
    )

    local_review = workflow_of(LOCAL_STRATEGY_REVIEW, [consultation, editorial])
    assign(local_review, [*StrategyIndexPage.objects.all(), *TrainingProgrammePage.objects.all()])
    assign(workflow_of(MANIFESTO_SIGN_OFF, [sign_off]), ManifestoPage.objects.all())
    return local_review
