"""Glue between the ECCIPA review rules and Wagtail's workflow engine."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TaskState, WorkflowState

from .models.review import ConsultationTask, ReviewStep, current_reviewed_revision
from .page_locks import one_writer_per_page, refusals_as_messages


def send_edited_page_back_through_review(request, page):
    """after_edit_page hook: an approval or signature covers one revision. Editing the page
    during a review step (other than the consultation, where revising is the point) starts the
    review again on the new revision, so nothing unreviewed is ever published."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    task_state = workflow_state.current_task_state
    if isinstance(task_state.task.specific, ConsultationTask):
        return
    if current_reviewed_revision(task_state, page) is not None:
        return  # saved without changing the text
    task_state.cancel(user=request.user, comment=_("The page was edited during this step."))
    workflow_state.refresh_from_db()
    workflow_state.update(user=request.user)
    workflow_state.refresh_from_db()
    messages.warning(
        request,
        _("Your edit sent the page back through review, now at “%(task)s”.")
        % {"task": workflow_state.current_task_state.task.name},
    )


@require_admin_access
def workflow_action(request, page_id, action_name, task_state_id):
    """Wagtail's workflow action view, first asking the ECCIPA rules, so that a refused action
    (approving twice, a stale revision, another territory…) gets a message saying why."""
    page = get_object_or_404(Page, pk=page_id)
    task_state = get_object_or_404(TaskState, pk=task_state_id).specific
    task = task_state.task.specific
    if isinstance(task, ReviewStep):
        reason = task.refusal(task_state, request.user, action_name)
        if reason:
            messages.error(request, reason)
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return render_modal_workflow(
                    request, "", None, {}, json_data={"step": "success", "redirect": edit_url}
                )
            return redirect(edit_url)
    return wagtail_workflow_action(
        request, page_id=page_id, action_name=action_name, task_state_id=task_state_id
    )


# Approving publishes, and publishing rewrites the page's comments: one writer at a time.
wagtail_workflow_action = one_writer_per_page(
    page_viewset_registry.as_view("workflow_action", page_id_kwarg="page_id")
)


def edit_refused(request, page_id, refusal):
    """Approving from the page editor after changing the text: the edit is kept, the approval
    is not, and the edited page goes back through review."""
    messages.error(request, refusal.message)
    page = Page.objects.get(pk=page_id).specific
    send_edited_page_back_through_review(request, page)
    return redirect("wagtailadmin_pages:edit", page_id)


edit_page = require_admin_access(
    one_writer_per_page(
        refusals_as_messages(
            page_viewset_registry.as_view("edit", page_id_kwarg="page_id"), edit_refused
        )
    )
)
