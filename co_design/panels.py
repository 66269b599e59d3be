"""Admin panels for the review workflow."""

from wagtail.admin.panels import Panel


class SignOffStatusPanel(Panel):
    """Who has signed the revision under partner sign-off, and who has not."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "co_design/panels/sign_off_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            task_state = page.current_workflow_task_state if page.pk else None
            task = task_state.task.specific if task_state else None
            context["status"] = task.status(task_state) if hasattr(task, "status") else None
            context["revision_id"] = task_state.revision_id if task_state else None
            context["signatures"] = page.signatures() if page.pk else []
            return context


class ConsultationPanel(Panel):
    """The page's stakeholder consultation at a glance, with links to the room and comments."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "co_design/panels/consultation.html"

        def get_context_data(self, parent_context=None):
            from .models import Consultation, StakeholderComment

            context = super().get_context_data(parent_context)
            page = self.instance
            context["consultation"] = (
                Consultation.objects.for_page(page).first() if page.pk else None
            )
            context["comment_count"] = (
                StakeholderComment.objects.filter(comment__page_id=page.pk).count()
                if page.pk
                else 0
            )
            return context
