"""Step 2 of "Local strategy review": moderators approve, and approval publishes."""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from co_design.access import rules
from co_design.access.verdicts import ALLOWED, Verdict
from co_design.activities.pages import holds_publish_permission
from co_design.review.steps import ReviewStep


class EditorialApprovalTask(ReviewStep, AbstractGroupApprovalTask):
    """Wagtail's group approval, offered only to those who hold Wagtail's publish permission:
    the final approval publishes (the only way these pages go live), and must never stop
    halfway for lack of rights."""

    class Meta:
        verbose_name = _("editorial approval")
        verbose_name_plural = _("editorial approvals")

    @classmethod
    def get_description(cls):
        return _("Moderators approve the reviewed revision, which is then published")

    def get_actions(self, obj, user):
        if not holds_publish_permission(user, obj):
            return []
        return super().get_actions(obj, user)

    def action_verdict(self, task_state, user, action_name, page):
        # Who reviews is the task's own setting (its groups, as in Wagtail); the refusal is the
        # rules' own.
        if not (user.is_superuser or self._user_in_groups(user)):
            return rules.only_moderators_approve()
        if not holds_publish_permission(user, page):
            return Verdict(
                False,
                gettext(
                    "Approving publishes the page, and you may not publish it. Ask an "
                    "administrator for publishing rights; nothing was changed."
                ),
            )
        return ALLOWED

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_unless_allowed(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)
