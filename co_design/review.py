"""Glue between the ECCIPA review rules and Wagtail's workflow engine."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.forms import Media, Script
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TaskState, WorkflowState

from . import rules
from .models.review import (
    ConsultationTask,
    PartnerSignOffTask,
    ReviewStep,
    current_reviewed_revision,
)
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


class DirectWorkflowActionMenuItem(ActionMenuItem):
    """A workflow action in the page editor for a reviewer who may not edit (a partner lead
    signing the Manifesto): it posts to the workflow action view, as the dashboard's review
    buttons do, instead of saving the edit form first (which the lock refuses)."""

    template_name = "review/direct_workflow_action.html"

    def __init__(self, name, label, launch_modal, url, icon_name, order):
        self.name, self.label, self.launch_modal = name, label, launch_modal
        self.url, self.icon_name = url, icon_name
        super().__init__(order=order)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(launch_modal=self.launch_modal, action_url=self.url)
        return context

    @property
    def media(self):
        # Wagtail's own workflow script, in the mode its dashboard uses.
        return Media(
            js=[
                Script(
                    versioned_static("wagtailadmin/js/workflow-action.js"),
                    **{"data-activate": "dashboard"},
                )
            ]
        )


def sign_off_menu_items(request, page):
    """The partner lead's actions on the revision they are asked to sign, Sign off first."""
    task_state = rules.running_sign_off(page)
    if task_state is None:
        return []
    items = []
    for order, (name, label, launch_modal) in enumerate(
        task_state.task.specific.get_actions(page, request.user)
    ):
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])
        icon = "success" if name == "approve" else "warning"
        items.append(DirectWorkflowActionMenuItem(name, label, launch_modal, url, icon, order))
    return items


def review_actions_in_action_menu(menu_items, request, context):
    """construct_page_action_menu: the editor's review actions as the rules give them.

    A partner lead reads the page under sign-off without editing it (the page is locked for
    them, which hides Wagtail's workflow buttons): they get *Sign off* as the primary button and
    *Request changes* beside it. *Cancel workflow* and *Restart workflow* only for those the rule
    "cancel_workflow" allows (Wagtail offers them to every reviewer who may approve)."""
    page = context.get("page")
    if context.get("view") != "edit" or page is None or not page.pk:
        return
    if not rules.can(request.user, "cancel_workflow", page):
        cancelling = {"action-cancel-workflow", "action-restart-workflow"}
        menu_items[:] = [item for item in menu_items if item.name not in cancelling]
    elif page.workflow_in_progress and not any(
        item.name == "action-cancel-workflow" for item in menu_items
    ):
        # Wagtail offers it only to the submitter and the reviewers who approve; the rule also
        # lets moderators and administrators stop any review.
        menu_items.append(CancelWorkflowMenuItem(order=40))
        menu_items.sort(key=lambda item: item.order)
    if context.get("locked_for_user") and rules.is_signatory(request.user, page):
        items = sign_off_menu_items(request, page)
        if items:
            locked = {"action-page-locked"}
            menu_items[:] = items + [item for item in menu_items if item.name not in locked]


def refuse_cancelling_review(request, page):
    """before_edit_page: a cancel or restart of the workflow sent by someone the rule
    "cancel_workflow" refuses changes nothing."""
    if request.method != "POST":
        return None
    if not (
        request.POST.get("action-cancel-workflow") or request.POST.get("action-restart-workflow")
    ):
        return None
    if page.current_workflow_state is None:
        return None
    verdict = rules.can(request.user, "cancel_workflow", page)
    if not verdict:
        messages.error(request, verdict.reason)
        return redirect("wagtailadmin_pages:edit", page.pk)
    workflow_state = page.current_workflow_state
    if request.POST.get("action-cancel-workflow") and not workflow_state.user_can_cancel(
        request.user
    ):
        # Allowed by the rule where Wagtail's own check is narrower (a moderator or an
        # administrator who neither submitted nor reviews the page): cancel here.
        workflow_state.cancel(user=request.user)
        messages.success(
            request,
            _("Workflow on page '%(page_title)s' has been cancelled.")
            % {"page_title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


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


# Publishing only through review. Pages whose class declares it (co_design.rules,
# "publish") are published by the last step of their workflow and by nothing else: Wagtail's
# permission tester hides *Publish* everywhere, and these hooks refuse the requests with which
# Wagtail would still publish (a forged POST, creating, copying), before anything is saved.


class PublishRefusedView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Not published")
    header_icon = "warning"
    template_name = "review/publish_refused.html"


def publish_refused(request, reason, back_url):
    """403 in the admin's own look: what was refused and why, and the way back."""
    view = PublishRefusedView()
    view.setup(request)
    view.extra_context = {"reason": reason, "back_url": back_url}
    response = view.get(request)
    response.status_code = 403
    return response


def direct_publishing_refusal(user, page):
    """Why `user` may not publish `page` (a page or a page class) directly, or None."""
    if not rules.publishes_only_through_review(page):
        return None
    verdict = rules.can(user, "publish", page)
    return None if verdict else verdict.reason


def publish_requested(request):
    return request.method == "POST" and bool(request.POST.get("action-publish"))


def refuse_publish_on_edit(request, page):
    """before_edit_page (the editor, and reverting to an old revision)."""
    if publish_requested(request):
        reason = direct_publishing_refusal(request.user, page)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_pages:edit", args=[page.pk])
            )
    return None


def refuse_publish_on_create(request, parent_page, page_class):
    """before_create_page: Wagtail asks the parent, which may publish other page types."""
    if publish_requested(request):
        reason = direct_publishing_refusal(request.user, page_class)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_explore", args=[parent_page.pk])
            )
    return None


def refuse_publishing_copies(request, page):
    """before_copy_page: a live copy or an alias would be live without any review."""
    if request.method != "POST":
        return None
    if not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    copied = page.get_descendants(inclusive=True) if request.POST.get("copy_subpages") else [page]
    for copy in copied:
        reason = direct_publishing_refusal(request.user, copy)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_pages:copy", args=[page.pk])
            )
    return None


def drop_publish_from_action_menu(menu_items, request, context):
    """construct_page_action_menu: the editor of an existing page already follows the permission
    tester; on the create view Wagtail asks only the parent page."""
    page = context.get("page")
    if page is None and context.get("view") == "create":
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        natural_key = (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name"))
        content_type = ContentType.objects.filter(
            app_label=natural_key[0], model=natural_key[1]
        ).first()
        page = content_type.model_class() if content_type else None
    if page is not None and direct_publishing_refusal(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def explain_refused_bulk_publishing(request, action_type, objects, action):
    """before_bulk_action: the permission tester has already left these pages out of a bulk
    publish; say why."""
    if action_type != "publish":
        return
    _objects, refused = action.get_actionable_objects()
    for page in refused["items_with_no_access"]:
        if rules.publishes_only_through_review(page):
            messages.error(
                request,
                _("“%(title)s” was not published: a %(kind)s goes live only through its review.")
                % {
                    "title": page.get_admin_display_title(),
                    "kind": page.specific_class._meta.verbose_name,
                },
            )


class ReviewedPageCopyForm(CopyForm):
    """Copying a page that publishes only through review: the copy starts as a draft, and no
    alias (which would be live at once) is offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)
