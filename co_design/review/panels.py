"""Admin panels for the review workflow."""

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.models import Page


class SignOffStatusPanel(Panel):
    """Who has signed the revision under partner sign-off, and who has not."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "review/sign_off_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            task_state = page.current_workflow_task_state if page.pk else None
            task = task_state.task.specific if task_state else None
            status = task.status(task_state) if hasattr(task, "status") else None
            context["status"] = status
            context["revision"] = task_state.revision if task_state else None
            if status is not None:
                context["signed_count"] = sum(1 for _lead, signature in status if signature)
                context["missing"] = [lead for lead, signature in status if not signature]
                # The editor's page is built from its latest revision: ask the page row.
                live_revision_id = (
                    Page.objects.filter(pk=page.pk)
                    .values_list("live_revision_id", flat=True)
                    .first()
                )
                if live_revision_id and live_revision_id != task_state.revision_id:
                    context["compare_url"] = reverse(
                        "wagtailadmin_pages:revisions_compare",
                        args=[page.pk, "live", task_state.revision_id],
                    )
            context["signatures"] = page.signatures() if page.pk else []
            return context


class ConsultationPanel(Panel):
    """The page's stakeholder consultation at a glance, with links to the room and comments."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "review/consultation_panel.html"

        def get_context_data(self, parent_context=None):
            from co_design.consultation.models import StakeholderComment
            from co_design.review.models import Consultation

            context = super().get_context_data(parent_context)
            page = self.instance
            context["consultation"] = (
                Consultation.objects.for_page(page).first() if page.pk else None
            )
            context["comment_count"] = (
                StakeholderComment.objects.filter(wagtail_comment__page_id=page.pk).count()
                if page.pk
                else 0
            )
            return context
