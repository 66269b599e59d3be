"""WAGTAIL_FINISH_WORKFLOW_ACTION. Wagtail imports it while defining its own models, so this
module imports nothing from Wagtail at the top."""

from django.utils.translation import gettext as _


def publish_reviewed_revision(workflow_state, user=None):
    """Publish the revision the last step approved, not whatever is latest (Wagtail's default)."""
    from .models.review import WorkflowActionRefused

    task_state = workflow_state.current_task_state
    revision = task_state.revision
    if revision.pk != workflow_state.content_object.get_latest_revision().pk:
        raise WorkflowActionRefused(
            _("The page changed after it was approved; the new text must be reviewed first.")
        )
    revision.publish(
        user=user,
        skip_permission_checks=getattr(
            task_state.task.specific, "publishes_without_publish_permission", False
        ),
    )
