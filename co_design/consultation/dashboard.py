"""The Wagtail dashboard panel: open consultations, days left, who commented on what."""

from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import TaskState

from co_design.access import rules
from co_design.choices import OrganisationType
from co_design.consultation.models import CommentFlag, FlagStatus, StakeholderComment
from co_design.review.consultation_task import ConsultationTask
from co_design.review.models import Consultation
from co_design.view_objects import ViewObject


def bars(counter, labels=None):
    """Rows for a bar chart: label, count and width in percent of the largest."""
    largest = max(counter.values(), default=0) or 1
    return [
        {"label": labels.get(key, key) if labels else key, "count": n, "width": 100 * n // largest}
        for key, n in counter.most_common()
    ]


class ConsultationsPanel(Component):
    name = "eccipa_consultations"
    template_name = "admin/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        consultations = [
            ViewObject(consultation)
            for consultation in Consultation.objects.open(now)
            .select_related("page")
            .order_by("closes_at")
            if rules.can(self.user, "resolve", consultation.page)
        ]
        types = dict(OrganisationType.choices)
        rows = StakeholderComment.objects.filter(
            consultation__in=[consultation.instance for consultation in consultations]
        ).values_list("consultation_id", "section_heading", "organisation_type")
        by_consultation = {}
        for consultation_id, heading, organisation_type in rows:
            sections, kinds = by_consultation.setdefault(consultation_id, (Counter(), Counter()))
            sections[heading] += 1
            kinds[organisation_type or "staff"] += 1
        for consultation in consultations:
            sections, kinds = by_consultation.get(consultation.pk, (Counter(), Counter()))
            consultation.days_left = max((consultation.closes_at - now).days, 0)
            consultation.comment_count = sum(sections.values())
            consultation.section_bars = bars(sections)
            consultation.type_bars = bars(kinds, types)
        flags = (
            CommentFlag.objects.filter(status=FlagStatus.WAITING).count()
            if rules.can(self.user, "moderate", None)
            else None
        )
        return {"consultations": consultations, "flags_waiting": flags}


class ReviewsPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" panel, with the consultation step named for what it is:
    a consultation that is open or closed. Wagtail would call a closed one "Approved" while the
    page itself still waits for its editorial approval."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        labels = {
            TaskState.STATUS_APPROVED: _("Consultation closed"),
            TaskState.STATUS_IN_PROGRESS: _("Consultation open"),
        }
        for state in context["states"]:
            for task in state["workflow_tasks"]:
                if task.specific_class is ConsultationTask and task.status in labels:
                    task.status_display = labels[task.status]
        return context
