"""The public page "How your input was used": every decision on the comments of a published page."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from co_design.consultation.models import (
    Decision,
    StakeholderComment,
)
from co_design.consultation.views import read_only


def outcome_context(page):
    """What the *How your input was used* page of `page` shows (its printed version too), or
    404 when no comment may be shown yet."""
    stakeholder_comments = list(
        StakeholderComment.objects.filter(wagtail_comment__page_id=page.pk)
        .publicly_shown()
        .select_related("wagtail_comment__user", "adopted_in")
        .order_by("wagtail_comment__created_at")
    )
    if not stakeholder_comments:
        raise Http404(_("No comments were collected on this page."))
    counts = {choice: 0 for choice in Decision.values}
    for stakeholder_comment in stakeholder_comments:
        if stakeholder_comment.decision:
            counts[stakeholder_comment.decision] += 1
    return {
        "page": page,
        "stakeholder_comments": stakeholder_comments,
        "decision_counts": [(Decision(value).label, count) for value, count in counts.items()],
        "undecided": sum(
            1 for stakeholder_comment in stakeholder_comments if not stakeholder_comment.decision
        ),
    }


def outcome(request, page_id):
    """How your input was used: every decision, once the page is published and the
    consultation ended (before that, this page does not exist: 404 for everyone). Only what
    StakeholderComment.publicly_shown allows, as the GraphQL participation record counts."""
    if refusal := read_only(request):
        return refusal
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    return TemplateResponse(request, "consultation/outcome.html", outcome_context(page))
