"""WAGTAIL_FINISH_WORKFLOW_ACTION. Wagtail imports it while defining its own models, so this
module imports nothing from Wagtail at the top."""

from django.utils.translation import gettext as _


def publish_reviewed_revision(workflow_state, user=None):
    """Publish the revision the last step approved, not whatever is latest (Wagtail's default).

    This is the only way a page that publishes only through review goes live: nobody holds
    "publish" on it (co_design.access.rules), so the step's own authorisation stands in for it. The
    editorial approval needs an approver with Wagtail's publish permission; the partner
    sign-off is authorised by the signatories' agreement."""
    from co_design.access.verdicts import Refused
    from co_design.activities.pages import holds_publish_permission

    task_state = workflow_state.current_task_state
    revision = task_state.revision
    page = workflow_state.content_object
    if revision.pk != page.get_latest_revision().pk:
        raise Refused(
            _("The page changed after it was approved; the new text must be reviewed first.")
        )
    authorised_by_task = getattr(
        task_state.task.specific, "publishes_without_publish_permission", False
    )
    if user is not None and not authorised_by_task and not holds_publish_permission(user, page):
        raise Refused(
            _(
                "Approving publishes the page, and you may not publish it. Ask an "
                "administrator for publishing rights; nothing was changed."
            )
        )
    revision.publish(user=user, skip_permission_checks=True)
