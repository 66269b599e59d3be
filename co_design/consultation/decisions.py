"""The editors' side of the room in the Wagtail admin: every comment of a draft, filtered, with
the decision recorded on each, and its export."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from co_design.access import rules
from co_design.choices import OrganisationType
from co_design.consultation import exports
from co_design.consultation import services as comments
from co_design.consultation.forms import ADOPTING, CommentFilterForm, DecisionForm
from co_design.consultation.models import FlagStatus, StakeholderComment
from co_design.view_objects import ViewObject


def page_for(request, page_id, action):
    page = get_object_or_404(Page, pk=page_id).specific
    verdict = rules.can(request.user, action, page)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    return page


def comments_index(request, page_id):
    """All stakeholder comments of a draft, each with its decision form, the progress of the
    decisions and filters to find the ones still to do."""
    page = page_for(request, page_id, "resolve")
    revisions = page.revisions.order_by("-created_at")
    latest = revisions.first()
    stakeholder_comments = list(
        StakeholderComment.objects.filter(wagtail_comment__page_id=page.pk)
        .for_room()
        .annotate(
            waiting_flags=Count(
                "flags", filter=Q(flags__status=FlagStatus.WAITING, flags__reply__isnull=True)
            )
        )
    )
    types = dict(OrganisationType.choices)
    sections = {comment.section_id: comment.section_heading for comment in stakeholder_comments}
    kinds = {comment.organisation_type or "staff" for comment in stakeholder_comments}
    filters = CommentFilterForm(
        request.GET,
        sections=list(sections.items()),
        organisation_types=sorted(
            ((kind, types.get(kind, _("Partner staff"))) for kind in kinds),
            key=lambda choice: str(choice[1]),
        ),
    )
    progress = {
        "total": len(stakeholder_comments),
        "decided": sum(1 for comment in stakeholder_comments if comment.decision),
        "flags": sum(comment.waiting_flags for comment in stakeholder_comments),
    }
    shown = [
        ViewObject(
            stakeholder_comment,
            form=DecisionForm(
                revisions=revisions,
                prefix=f"c{stakeholder_comment.pk}",
                initial={
                    "decision": stakeholder_comment.decision,
                    "reason": stakeholder_comment.decision_reason,
                    "adopted_in": stakeholder_comment.adopted_in_id or (latest and latest.pk),
                },
            ),
        )
        for stakeholder_comment in filters.apply(stakeholder_comments)
    ]
    return TemplateResponse(
        request,
        "consultation/admin_comments.html",
        {
            "page": page,
            "stakeholder_comments": shown,
            "progress": progress,
            "filters": filters,
            "filtered": any(request.GET.get(name) for name in filters.fields),
            "filter_query": filter_query(request.GET),
            "adopting": list(ADOPTING),
            "adopting_json": json.dumps([str(choice) for choice in ADOPTING]),
            "can_decide": bool(rules.can(request.user, "decide", page)),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
                {"url": reverse("wagtailadmin_pages:edit", args=[page.pk]), "label": page.title},
                {"url": "", "label": _("Decisions on comments")},
            ],
        },
    )


def filter_query(params):
    """The filters of the decisions screen, kept across a decision (nothing else passes)."""
    return urlencode(
        [(name, params[name]) for name in CommentFilterForm.base_fields if params.get(name)]
    )


@require_POST
def decide(request, comment_id):
    stakeholder_comment = get_object_or_404(
        StakeholderComment.objects.select_related("wagtail_comment"), pk=comment_id
    )
    page = page_for(request, stakeholder_comment.wagtail_comment.page_id, "decide")
    form = DecisionForm(
        request.POST, revisions=page.revisions.all(), prefix=f"c{stakeholder_comment.pk}"
    )
    if form.is_valid():
        comments.record_decision(
            request.user,
            stakeholder_comment,
            form.cleaned_data["decision"],
            form.cleaned_data["reason"],
            form.cleaned_data["adopted_in"],
        )
        messages.success(request, _("Decision recorded; the commenter is told by e-mail."))
    else:
        errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("The decision was not recorded: %(errors)s") % {"errors": errors})
    query = filter_query(QueryDict(request.POST.get("filters", "")))
    url = reverse("eccipa_consultation_comments", args=[page.pk])
    return redirect(f"{url}{'?' + query if query else ''}#c{stakeholder_comment.pk}")


def export(request, page_id, file_format):
    if file_format not in ("csv", "xlsx"):
        raise Http404
    page = page_for(request, page_id, "resolve")
    name = f"comments-{slugify(page.slug)}"
    if file_format == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(page),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.as_csv(page), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
