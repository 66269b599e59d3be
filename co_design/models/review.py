"""The review workflow's own steps, built on Wagtail's workflow engine.

"Local strategy review": ConsultationTask (stakeholders comment until a closing date) then
EditorialApprovalTask (moderators approve; approval publishes). "Manifesto sign-off":
PartnerSignOffTask (complete only when every partner lead signed the same revision).
"""

import json
import re
from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.locks import WorkflowLock
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from .. import rules
from ..refusals import Refused
from .pages import holds_publish_permission


class WorkflowActionRefused(Refused):
    """A workflow action that must not happen; the message says why, to the person who tried."""


# What a revision records about the page's state rather than its text.
STATE_FIELDS = {
    "draft_title",
    "expired",
    "first_published_at",
    "has_unpublished_changes",
    "last_published_at",
    "latest_revision",
    "latest_revision_created_at",
    "live",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "wagtail_admin_comments",
}


# The rich text editor adds a key to each paragraph it saves; the text is the same without it.
EDITOR_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def normalised(value):
    """Stored content compared by meaning: StreamField JSON parsed, editor keys dropped."""
    if isinstance(value, str):
        if value[:1] in ("[", "{"):
            try:
                return normalised(json.loads(value))
            except ValueError:
                pass
        return EDITOR_BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


def text_of(revision):
    return normalised(
        {key: value for key, value in revision.content.items() if key not in STATE_FIELDS}
    )


def current_reviewed_revision(task_state, page):
    """The page's latest revision if it says what the reviewed one says, else None.

    Approving from the page editor saves the form first; the new revision is the reviewed text
    unless the reviewer changed something."""
    latest = page.get_latest_revision()
    if latest.pk == task_state.revision_id or text_of(latest) == text_of(task_state.revision):
        return latest
    return None


class ReviewStep:
    """What every ECCIPA review step checks before it acts."""

    def refusal(self, task_state, user, action_name):
        """Why `user` may not do `action_name` on `task_state` now, or None."""
        task_state = task_state.specific
        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.status != workflow_state.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            return gettext(
                "This review step is no longer open: it was completed or cancelled. "
                "Nothing was changed."
            )
        page = workflow_state.content_object
        if action_name in self.revision_bound_actions:
            if current_reviewed_revision(task_state, page) is None:
                return gettext(
                    "The page was edited after this revision was submitted, so revision "
                    "%(revision)s is no longer current. The current revision goes through "
                    "review again; nothing was approved."
                ) % {"revision": task_state.revision_id}
        return self.action_refusal(task_state, user, action_name, page)

    revision_bound_actions = ("approve",)

    def action_refusal(self, task_state, user, action_name, page):
        return None

    def refuse_unless_allowed(self, task_state, user, action_name):
        reason = self.refusal(task_state, user, action_name)
        if reason:
            raise WorkflowActionRefused(reason)
        if action_name in self.revision_bound_actions:
            # Same text, newer revision (saved by the editor's form): approve that one, so the
            # revision published is the latest and says exactly what was reviewed.
            workflow_state = task_state.workflow_state
            latest = current_reviewed_revision(task_state, workflow_state.content_object)
            if latest.pk != task_state.revision_id:
                task_state.revision = latest
                task_state.save(update_fields=["revision"])
                # Earlier steps approved the same text: let them count for this revision too.
                workflow_state.copy_approved_task_states_to_revision(latest)


def end_of_day(day):
    """Consultations close at the end of their closing day, local time."""
    return timezone.make_aware(datetime.combine(day, time.max))


class ClosingDateForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Closing date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Stakeholders can comment until the end of this day."),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on


class ConsultationTask(ReviewStep, Task):
    duration_days = models.PositiveSmallIntegerField(
        _("days open"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("How long stakeholders can comment; editors can change the closing date."),
    )
    extra_groups = models.ManyToManyField(
        Group,
        blank=True,
        verbose_name=_("also invite"),
        help_text=_("Groups invited besides the stakeholders of the page's territory."),
        related_name="+",
    )

    admin_form_fields = Task.admin_form_fields + ["duration_days", "extra_groups"]
    admin_form_widgets = {"extra_groups": forms.CheckboxSelectMultiple}
    revision_bound_actions = ()

    class Meta:
        verbose_name = _("stakeholder consultation")
        verbose_name_plural = _("stakeholder consultations")

    @classmethod
    def get_description(cls):
        return _("Opens the draft to its territory's stakeholders until a closing date")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        consultation = Consultation.objects.create(
            task_state=task_state,
            page_id=workflow_state.object_id,
            revision=task_state.revision,
            closes_at=end_of_day(timezone.localdate() + timedelta(days=self.duration_days)),
        )
        from ..notifications import notify_consultation_opened

        transaction.on_commit(lambda: notify_consultation_opened(consultation))
        return task_state

    def get_actions(self, obj, user):
        if not rules.can(user, "close_consultation", obj):
            return []
        return [
            # A form step: the editor confirms, seeing what is still open.
            ("close", _("Close consultation and continue"), True),
            ("set_closing_date", _("Change closing date"), True),
            ("reject", _("Request changes"), True),
        ]

    def get_form_for_action(self, action):
        return ClosingDateForm if action == "set_closing_date" else TaskStateCommentForm

    def get_template_for_action(self, action):
        if action == "close":
            return "review/close_consultation.html"
        return super().get_template_for_action(action)

    def action_refusal(self, task_state, user, action_name, page):
        verdict = rules.can(user, "close_consultation", page)
        return None if verdict else verdict.reason

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_unless_allowed(task_state, user, action_name)
        consultation = task_state.consultation
        page = task_state.workflow_state.content_object
        if action_name == "set_closing_date":
            closes_on = kwargs["closes_on"]
            consultation.closes_at = end_of_day(closes_on)
            consultation.save(update_fields=["closes_at"])
            log(
                instance=page.specific,
                action="co_design.consultation.closing_date",
                user=user,
                revision=task_state.revision,
                data={"closes_on": closes_on.isoformat()},
            )
        elif action_name == "close":
            # Editors revise during the consultation: closing it approves the current text.
            latest = page.get_latest_revision()
            consultation.close(user, latest)
            task_state.revision = latest
            task_state.save(update_fields=["revision"])
            task_state.approve(user=user, comment=kwargs.get("comment", ""))
        elif action_name == "reject":
            consultation.close(user, page.get_latest_revision())
            task_state.reject(user=user, comment=kwargs.get("comment", ""))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "consultation__page"
        )
        ids = [
            state.pk
            for state in in_progress
            if rules.can(user, "close_consultation", state.consultation.page)
        ]
        return TaskState.objects.filter(pk__in=ids)


class ConsultationQuerySet(models.QuerySet):
    def for_page(self, page):
        return self.filter(page_id=page.pk)

    def open(self, now=None):
        return self.filter(
            task_state__status=TaskState.STATUS_IN_PROGRESS,
            closed_at__isnull=True,
            closes_at__gt=now or timezone.now(),
        )

    def ended(self, now=None):
        """Closed early, past their closing date, or their workflow step finished (approved,
        rejected, cancelled): the opposite of open()."""
        return self.exclude(pk__in=self.open(now).values("pk"))

    def next_closing(self, now=None):
        """When the next open consultation closes by its date (None: none is open). Nothing is
        written then, yet its comments become public."""
        return self.open(now).aggregate(next=models.Min("closes_at"))["next"]


class Consultation(models.Model):
    """The window in which stakeholders comment on a page under the ConsultationTask."""

    task_state = models.OneToOneField(
        TaskState, on_delete=models.CASCADE, related_name="consultation"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="consultations"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision put to consultation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"))
    closed_at = models.DateTimeField(_("closed early"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision when closed early"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reminder_sent_at = models.DateTimeField(_("closing reminder sent"), null=True, blank=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("consultation")

    def __str__(self):
        return f"{self.page} ({self.opened_at:%Y-%m-%d})"

    @property
    def ended_at(self):
        """When commenting stopped: closed early, the workflow moved on, or the closing date."""
        ended = self.closed_at or self.closes_at
        finished = self.task_state.finished_at
        return min(ended, finished) if finished else ended

    def consulted_revision(self, now=None):
        """The revision the room shows. While open: the latest (editors revise during the
        consultation). Once ended, the text as it stood then, whatever was saved since: the
        revision approved when the editor closed it early, else the latest one created before
        it ended (never older than the revision put to consultation)."""
        from wagtail.models import Revision

        if self.is_open(now):
            return None
        if self.closed_revision_id:
            return self.closed_revision
        revision = (
            Revision.page_revisions.filter(
                object_id=str(self.page_id),
                pk__gte=self.revision_id,
                created_at__lte=self.ended_at,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        return revision or self.revision

    def is_open(self, now=None):
        return (
            self.closed_at is None
            and self.task_state.status == TaskState.STATUS_IN_PROGRESS
            and (now or timezone.now()) < self.closes_at
        )

    def invited_group_ids(self):
        if not hasattr(self, "_invited_group_ids"):
            invitations = ConsultationTask.extra_groups.through.objects.filter(
                consultationtask_id=self.task_state.task_id
            )
            self._invited_group_ids = list(invitations.values_list("group_id", flat=True))
        return self._invited_group_ids

    def still_open(self):
        """What closing now would leave behind: visible comments without a decision and flags
        waiting for a moderator."""
        from .comments import CommentFlag, FlagStatus

        comments = self.comments.visible()
        return {
            "undecided": comments.filter(decision="").count(),
            "flags": CommentFlag.objects.filter(
                comment__consultation=self, status=FlagStatus.WAITING
            ).count(),
        }

    def close(self, user, revision=None):
        """`revision`: the page's latest revision, the text stakeholders read until now; kept
        when closing before the closing date (after it, the text of that date counts)."""
        if self.closed_at is None:
            now = timezone.now()
            self.closed_at = min(now, self.closes_at)
            self.closed_by = user
            if now < self.closes_at:
                self.closed_revision = revision
            self.save(update_fields=["closed_at", "closed_by", "closed_revision"])


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

    def action_refusal(self, task_state, user, action_name, page):
        if not (user.is_superuser or self._user_in_groups(user)):
            return gettext("Only moderators approve, reject and publish.")
        if not holds_publish_permission(user, page):
            return gettext(
                "Approving publishes the page, and you may not publish it. Ask an "
                "administrator for publishing rights; nothing was changed."
            )
        return None

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_unless_allowed(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)


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
        from ..notifications import notify_sign_off_requested

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

    def action_refusal(self, task_state, user, action_name, page):
        verdict = rules.can(user, "sign_off", page)
        if not verdict:
            return verdict.reason
        if action_name == "approve" and task_state.signatures.filter(user=user).exists():
            return gettext("You have already signed off this revision.")
        return None

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
