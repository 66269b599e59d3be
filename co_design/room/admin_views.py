"""The editors' and moderators' side of the room, inside the Wagtail admin."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import CommentReply, Page

from .. import rules
from ..choices import OrganisationType
from ..models import CommentFlag, FlagStatus, StakeholderComment
from ..refusals import Refused
from . import comments, exports
from .forms import ADOPTING, CommentFilterForm, DecisionForm, HideForm


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
    records = list(
        StakeholderComment.objects.filter(comment__page_id=page.pk)
        .for_room()
        .annotate(
            waiting_flags=Count(
                "flags", filter=Q(flags__status=FlagStatus.WAITING, flags__reply__isnull=True)
            )
        )
    )
    types = dict(OrganisationType.choices)
    sections = {record.section_id: record.section_heading for record in records}
    kinds = {record.organisation_type or "staff" for record in records}
    filters = CommentFilterForm(
        request.GET,
        sections=list(sections.items()),
        organisation_types=sorted(
            ((kind, types.get(kind, _("Partner staff"))) for kind in kinds),
            key=lambda choice: str(choice[1]),
        ),
    )
    progress = {
        "total": len(records),
        "decided": sum(1 for record in records if record.decision),
        "flags": sum(record.waiting_flags for record in records),
    }
    shown = filters.apply(records)
    for record in shown:
        record.form = DecisionForm(
            revisions=revisions,
            prefix=f"c{record.pk}",
            initial={
                "decision": record.decision,
                "reason": record.decision_reason,
                "adopted_in": record.adopted_in_id or (latest and latest.pk),
            },
        )
    return TemplateResponse(
        request,
        "consultation/admin_comments.html",
        {
            "page": page,
            "records": shown,
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
    record = get_object_or_404(StakeholderComment.objects.select_related("comment"), pk=comment_id)
    page = page_for(request, record.comment.page_id, "decide")
    form = DecisionForm(request.POST, revisions=page.revisions.all(), prefix=f"c{record.pk}")
    if form.is_valid():
        comments.record_decision(
            request.user,
            record,
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
    return redirect(f"{url}{'?' + query if query else ''}#c{record.pk}")


def flags_index(request):
    """Flagged comments and replies waiting for a moderator."""
    if not ({"moderator", "admin"} & rules.roles_of(request.user)):
        raise PermissionDenied(_("Only moderators hide comments and handle flags."))
    waiting = CommentFlag.objects.waiting().select_related("user").order_by("created_at")
    records = (
        StakeholderComment.objects.filter(
            flags__status=FlagStatus.WAITING, flags__reply__isnull=True
        )
        .distinct()
        .select_related("comment__page", "comment__user__profile")
        .prefetch_related(Prefetch("flags", queryset=waiting.on_comments(), to_attr="waiting"))
        .order_by("comment__created_at")
    )
    reply_flags = waiting.on_replies().select_related(
        "reply__user__profile", "comment__comment__page", "comment__comment__user"
    )
    replies = {}
    for reply_flag in reply_flags:
        reply = replies.setdefault(reply_flag.reply_id, reply_flag.reply)
        reply.thread = reply_flag.comment
        reply.waiting = [*getattr(reply, "waiting", []), reply_flag]
    return TemplateResponse(
        request,
        "consultation/admin_flagged_comments.html",
        {
            "records": records,
            "replies": list(replies.values()),
            "hide_form": HideForm(),
            "header_title": _("Flagged comments"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
                {"url": "", "label": _("Flagged comments")},
            ],
        },
    )


MODERATION_ACTIONS = ("hide", "dismiss")


def hiding_reason(request, missing):
    """The moderator's reason for hiding a comment or a reply, or None with a message saying
    what is wrong: the form's own error (control characters), else `missing`."""
    form = HideForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["reason"]
    errors = form.errors.get("reason", [])
    if errors and errors.as_data()[0].code == "control_characters":
        messages.error(request, errors[0])
    else:
        messages.error(request, missing)
    return None


@require_POST
def moderate(request, comment_id, action):
    if action not in MODERATION_ACTIONS:
        raise Http404
    record = get_object_or_404(StakeholderComment.objects.select_related("comment"), pk=comment_id)
    try:
        if action == "hide":
            reason = hiding_reason(
                request, _("Give a reason for hiding the comment; it is sent to the author.")
            )
            if reason is None:
                return redirect("eccipa_flagged_comments")
            comments.hide(request.user, record, reason)
            messages.success(request, _("Comment hidden; its author is told why."))
        else:
            comments.dismiss_flags(request.user, record)
            messages.success(request, _("Flags dismissed; the comment stays visible."))
    except Refused as refusal:
        raise PermissionDenied(refusal.message) from refusal
    return redirect("eccipa_flagged_comments")


@require_POST
def moderate_reply(request, reply_id, action):
    """Hide a reply (with a reason) or dismiss the flags on it, as for a comment."""
    if action not in MODERATION_ACTIONS:
        raise Http404
    reply = get_object_or_404(CommentReply.objects.select_related("comment__page"), pk=reply_id)
    try:
        if action == "hide":
            reason = hiding_reason(request, _("Give a reason for hiding the reply."))
            if reason is None:
                return redirect("eccipa_flagged_comments")
            comments.hide_reply(request.user, reply, reason)
            messages.success(request, _("Reply hidden; its text is kept on record."))
        else:
            comments.dismiss_reply_flags(request.user, reply)
            messages.success(request, _("Flags dismissed; the reply stays visible."))
    except Refused as refusal:
        raise PermissionDenied(refusal.message) from refusal
    return redirect("eccipa_flagged_comments")


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
