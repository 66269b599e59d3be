"""The admin views the review goes through: workflow actions (with the partner lead's
confirmation), revision comparison for signatories, and a page editor that refuses while
another writer holds the page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TaskState, WorkflowState

from co_design.access import rules
from co_design.review.comparison import current_reviewed_revision
from co_design.review.consultation_task import ConsultationTask
from co_design.review.locks import one_writer_per_page, refusals_as_messages
from co_design.review.sign_off import PartnerSignOffTask
from co_design.review.steps import ReviewStep


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
        verdict = task.verdict(task_state, request.user, action_name)
        if not verdict:
            messages.error(request, verdict.reason)
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return render_modal_workflow(
                    request, "", None, {}, json_data={"step": "success", "redirect": edit_url}
                )
            return redirect(edit_url)
    response = wagtail_workflow_action(
        request, page_id=page_id, action_name=action_name, task_state_id=task_state_id
    )
    if request.method == "POST" and isinstance(task, PartnerSignOffTask):
        confirm_sign_off_action(request, task, task_state, action_name)
        if not page.permissions_for_user(request.user).can_edit():
            # The sign-off is over for this lead (published, or sent back): the editor they came
            # from is closed to them now, so they land on their dashboard with the message.
            response = redirect_after_action(request, reverse("wagtailadmin_home"))
    return response


def redirect_after_action(request, url):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return render_modal_workflow(
            request, "", None, {}, json_data={"step": "success", "redirect": url}
        )
    return redirect(url)


def lead_name(user):
    territory = getattr(getattr(user, "profile", None), "territory", None)
    name = user.get_full_name() or user.get_username()
    return f"{name} ({territory})" if territory else name


def confirm_sign_off_action(request, task, task_state, action_name):
    """After a partner lead acts on the sign-off: what their action did, and what happens next
    (who still has to sign, or that the page is now live)."""
    task_state.refresh_from_db()
    page = task_state.workflow_state.content_object
    title = page.get_admin_display_title()
    if action_name == "approve" and task_state.signatures.filter(user=request.user).exists():
        if task_state.status == TaskState.STATUS_APPROVED:
            page.refresh_from_db()
            if page.live_revision_id == task_state.revision_id:
                messages.success(
                    request,
                    _("Signed. Every partner lead has signed: “%(title)s” is now live.")
                    % {"title": page.title},
                )
                return
        missing = [lead_name(lead) for lead, signature in task.status(task_state) if not signature]
        if missing:
            messages.success(
                request,
                _("Signed. Still missing: %(leads)s.") % {"leads": ", ".join(missing)},
            )
    elif action_name == "reject" and task_state.status == TaskState.STATUS_REJECTED:
        submitter = task_state.workflow_state.requested_by
        messages.success(
            request,
            _(
                "Changes requested. “%(title)s” goes back to %(submitter)s, who is e-mailed "
                "your comment; the live version stays as it is."
            )
            % {"title": title, "submitter": submitter.get_full_name() or submitter.get_username()}
            if submitter
            else _("Changes requested. The live version of “%(title)s” stays as it is.")
            % {"title": title},
        )


class SignatoryRevisionsCompareView(RevisionsCompareView):
    """Wagtail's revision comparison for a partner lead asked to sign the page: they hold no
    page permission of their own (which Wagtail's view requires first), yet must see what they
    sign. Everything else (the page's own check, the comparison) is Wagtail's."""

    def dispatch(self, request, *args, **kwargs):
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)


signatory_revisions_compare = SignatoryRevisionsCompareView.as_view()
wagtail_revisions_compare = page_viewset_registry.as_view("revisions_compare", page_id_kwarg="pk")


@require_admin_access
def revisions_compare(request, pk, revision_id_a, revision_id_b):
    """The compare view, also for the partner leads signing the page (rule "compare_revisions")."""
    page = get_object_or_404(Page, pk=pk)
    kwargs = {"pk": pk, "revision_id_a": revision_id_a, "revision_id_b": revision_id_b}
    if rules.is_signatory(request.user, page) and rules.can(
        request.user, "compare_revisions", page
    ):
        return signatory_revisions_compare(request, **kwargs)
    return wagtail_revisions_compare(request, **kwargs)


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
