"""Idempotent set-up of the review process: roles, territory page rights, workflows.

What each page type needs is declared on its class: `edited_by_its_territory` (its territory's
editors get page rights on it) and `review_workflow` (the workflow its pages, and those below
them, go through).
"""

from django.apps import apps
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from co_design.access.roles import ensure_role_groups, grant_territory_editing
from co_design.activities.pages import LOCAL_STRATEGY_REVIEW, MANIFESTO_SIGN_OFF
from co_design.review.approval import EditorialApprovalTask
from co_design.review.consultation_task import ConsultationTask
from co_design.review.sign_off import PartnerSignOffTask


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


def page_models():
    return [
        model
        for model in apps.get_app_config("co_design").get_models()
        if hasattr(model, "get_url_parts")
    ]


def setup_review():
    groups = ensure_role_groups()
    for model in page_models():
        if getattr(model, "edited_by_its_territory", False):
            for page in model.objects.select_related("territory"):
                grant_territory_editing(page)

    consultation, _ = ConsultationTask.objects.get_or_create(name="Stakeholder consultation")
    editorial, _ = EditorialApprovalTask.objects.get_or_create(name="Editorial approval")
    editorial.groups.add(groups["moderator"])
    sign_off, _ = PartnerSignOffTask.objects.get_or_create(
        name="Partner sign-off", defaults={"signatories": groups["partner_lead"]}
    )

    workflows = {
        LOCAL_STRATEGY_REVIEW: workflow_of(LOCAL_STRATEGY_REVIEW, [consultation, editorial]),
        MANIFESTO_SIGN_OFF: workflow_of(MANIFESTO_SIGN_OFF, [sign_off]),
    }
    for model in page_models():
        name = getattr(model, "review_workflow", None)
        # Only the class that declares it: its subclasses' pages sit under it and inherit.
        if name is not None and "review_workflow" in vars(model):
            assign(workflows[name], model.objects.all())
    return workflows[LOCAL_STRATEGY_REVIEW]
