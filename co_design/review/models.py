"""The consultation window: when stakeholders of a page under its ConsultationTask may comment.

The workflow's steps are Wagtail tasks, one module each: consultation_task.py, approval.py
(together "Local strategy review") and sign_off.py ("Manifesto sign-off").
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState


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
        """The groups the consultation step invites besides the territory's stakeholders
        (ConsultationTask.extra_groups); remembered for the life of this object."""
        if not hasattr(self, "_invited_group_ids"):
            # By name: the consultation task's module imports this one.
            task_model = apps.get_model("co_design", "ConsultationTask")
            invitations = task_model.extra_groups.through.objects.filter(
                consultationtask_id=self.task_state.task_id
            )
            self._invited_group_ids = list(invitations.values_list("group_id", flat=True))
        return self._invited_group_ids

    def still_open(self):
        """What closing now would leave behind: visible comments without a decision and flags
        waiting for a moderator."""
        return {
            "undecided": self.comments.visible().filter(decision="").count(),
            "flags": self.comments.all().waiting_flag_count(),
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
