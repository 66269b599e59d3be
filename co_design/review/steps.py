"""What every ECCIPA review step checks before it acts, and the refusal it raises."""

from django.utils.translation import gettext
from wagtail.models import TaskState

from co_design.access.verdicts import ALLOWED, Refused, Verdict
from co_design.review.comparison import current_reviewed_revision


class ReviewStep:
    """What every ECCIPA review step checks before it acts."""

    def verdict(self, task_state, user, action_name):
        """May `user` do `action_name` on `task_state` now? A Verdict, with the reason if not."""
        task_state = task_state.specific
        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.status != workflow_state.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            return Verdict(
                False,
                gettext(
                    "This review step is no longer open: it was completed or cancelled. "
                    "Nothing was changed."
                ),
            )
        page = workflow_state.content_object
        if action_name in self.revision_bound_actions:
            if current_reviewed_revision(task_state, page) is None:
                return Verdict(
                    False,
                    gettext(
                        "The page was edited after this revision was submitted, so revision "
                        "%(revision)s is no longer current. The current revision goes through "
                        "review again; nothing was approved."
                    )
                    % {"revision": task_state.revision_id},
                )
        return self.action_verdict(task_state, user, action_name, page)

    revision_bound_actions = ("approve",)

    def action_verdict(self, task_state, user, action_name, page):
        """What the step itself asks besides being open (each step's rule)."""
        return ALLOWED

    def refuse_unless_allowed(self, task_state, user, action_name):
        verdict = self.verdict(task_state, user, action_name)
        if not verdict:
            raise Refused(verdict.reason)
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
