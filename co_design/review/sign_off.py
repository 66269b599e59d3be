""" "Manifesto sign-off": complete only when every partner lead signed the same revision."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.locks import WorkflowLock
from wagtail.log_actions import log
from wagtail.models import Task, TaskState

from co_design.access import rules
from co_design.access.verdicts import Verdict
from co_design.review.steps import ReviewStep


class SignOffLock(WorkflowLock):
    """The editor under partner sign-off: leads read the revision they sign and do not change
    it; the banner tells them what they can do instead of "only reviewers can edit"."""

    def get_message(self, user):
        if self.for_user(user) and self.task.signatories.user_set.filter(pk=user.pk).exists():
            task_state = self.object.current_workflow_task_state
            if task_state and task_state.signatures.filter(user=user).exists():
                return gettext(
                    "You have signed this revision. The text cannot be changed during the "
                    "sign-off; you can still request changes."
                )
            return gettext(
                "Your signature is requested on this revision. Read it (see what changed since "
                "the live version in the sign-off panel), then choose Sign off or Request "
                "changes. Only moderators change the text."
            )
        return super().get_message(user)


class PartnerSignOffTask(ReviewStep, Task):
    collects_signatures = True  # access.rules.running_sign_off asks
    signatories = models.ForeignKey(
        Group,
        verbose_name=_("signatories"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Every active member of this group must sign the same revision."),
    )

    admin_form_fields = Task.admin_form_fields + ["signatories"]
    revision_bound_actions = ("approve",)
    lock_class = SignOffLock
    # The last signature publishes the page: the signatories' agreement is the authorisation.
    publishes_without_publish_permission = True

    class Meta:
        verbose_name = _("partner sign-off")
        verbose_name_plural = _("partner sign-offs")

    @classmethod
    def get_description(cls):
        return _("Completes when every partner lead has signed the same revision")

    def leads(self):
        return self.signatories.user_set.filter(is_active=True).order_by("username")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        from co_design.notifications.emails import notify_sign_off_requested

        transaction.on_commit(lambda: notify_sign_off_requested(task_state, self.leads()))
        return task_state

    def user_can_access_editor(self, obj, user):
        return self.signatories.user_set.filter(pk=user.pk).exists()

    def locked_for_user(self, obj, user):
        # Leads open the editor to read and sign, never to change the text they sign.
        return not rules.can(user, "edit", obj)

    def get_actions(self, obj, user):
        if not rules.can(user, "sign_off", obj):
            return []
        actions = [("reject", _("Request changes"), True)]
        task_state = obj.current_workflow_task_state
        if task_state and not task_state.signatures.filter(user=user).exists():
            actions[:0] = [
                ("approve", _("Sign off"), False),
                ("approve", _("Sign off with comment"), True),
            ]
        return actions

    def action_verdict(self, task_state, user, action_name, page):
        verdict = rules.can(user, "sign_off", page)
        if (
            verdict
            and action_name == "approve"
            and task_state.signatures.filter(user=user).exists()
        ):
            return Verdict(False, gettext("You have already signed off this revision."))
        return verdict

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_unless_allowed(task_state, user, action_name)
        comment = kwargs.get("comment", "")
        page = task_state.workflow_state.content_object
        if action_name == "reject":
            task_state.reject(user=user, comment=comment)
            return
        SignOff.objects.create(
            task_state=task_state, user=user, revision=task_state.revision, comment=comment
        )
        log(
            instance=page.specific,
            action="co_design.sign_off",
            user=user,
            revision=task_state.revision,
            data={"comment": comment},
        )
        signed = set(task_state.signatures.values_list("user_id", flat=True))
        if set(self.leads().values_list("pk", flat=True)) <= signed:
            task_state.approve(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.signatories.user_set.filter(pk=user.pk).exists():
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(
            signatures__user=user
        )

    def status(self, task_state):
        """Each lead with their signature for this task state, or None."""
        signatures = {s.user_id: s for s in task_state.signatures.select_related("user")}
        return [(lead, signatures.get(lead.pk)) for lead in self.leads()]


class SignOff(models.Model):
    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="signatures")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["task_state", "user"], name="one_signature_per_lead")
        ]
        verbose_name = _("sign-off")

    def __str__(self):
        return f"{self.user} · {self.signed_at:%Y-%m-%d}"
