"""The review's actions in the page editor's action menu, and cancelling a review only where the
rules allow it."""

from django.contrib import messages
from django.forms import Media, Script
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem
from wagtail.admin.staticfiles import versioned_static

from co_design.access import rules


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
