"""Step 1 of "Local strategy review": stakeholders comment until a closing date."""

from datetime import timedelta

from django import forms
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Task, TaskState

from co_design.access import rules
from co_design.review.forms import ClosingDateForm, end_of_day
from co_design.review.models import Consultation
from co_design.review.steps import ReviewStep


def is_translation(page):
    """A page translated from one in the default language (not a page first written in another
    language, such as a new territory's own strategy)."""
    default = Locale.get_default()
    return (
        page.locale_id != default.pk
        and Page.objects.filter(translation_key=page.translation_key, locale=default).exists()
    )


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
        if is_translation(workflow_state.content_object):
            # Stakeholders comment on the source, in the room of every language: a translation
            # opens no consultation of its own; the step passes and its review goes on.
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
            return task_state
        consultation = Consultation.objects.create(
            task_state=task_state,
            page_id=workflow_state.object_id,
            revision=task_state.revision,
            closes_at=end_of_day(timezone.localdate() + timedelta(days=self.duration_days)),
        )
        from co_design.notifications.emails import notify_consultation_opened

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

    def action_verdict(self, task_state, user, action_name, page):
        return rules.can(user, "close_consultation", page)

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
