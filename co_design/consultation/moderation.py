"""Moderation in the admin: the queue of flagged comments and replies, hiding and dismissing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.models import CommentReply

from co_design.access import rules
from co_design.access.verdicts import Refused
from co_design.consultation import services as comments
from co_design.consultation.forms import HideForm
from co_design.consultation.models import CommentFlag, FlagStatus, StakeholderComment
from co_design.view_objects import ViewObject


def flags_index(request):
    """Flagged comments and replies waiting for a moderator."""
    verdict = rules.can_handle_flags(request.user)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    waiting = CommentFlag.objects.waiting().select_related("user").order_by("created_at")
    stakeholder_comments = (
        StakeholderComment.objects.filter(
            flags__status=FlagStatus.WAITING, flags__reply__isnull=True
        )
        .distinct()
        .select_related("wagtail_comment__page", "wagtail_comment__user__profile")
        .prefetch_related(Prefetch("flags", queryset=waiting.on_comments(), to_attr="waiting"))
        .order_by("wagtail_comment__created_at")
    )
    reply_flags = waiting.on_replies().select_related(
        "reply__user__profile",
        "stakeholder_comment__wagtail_comment__page",
        "stakeholder_comment__wagtail_comment__user",
    )
    replies = {}
    for reply_flag in reply_flags:
        reply = replies.setdefault(
            reply_flag.reply_id,
            ViewObject(reply_flag.reply, thread=reply_flag.stakeholder_comment, waiting=[]),
        )
        reply.waiting.append(reply_flag)
    return TemplateResponse(
        request,
        "consultation/admin_flagged_comments.html",
        {
            "stakeholder_comments": stakeholder_comments,
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
    stakeholder_comment = get_object_or_404(
        StakeholderComment.objects.select_related("wagtail_comment"), pk=comment_id
    )
    try:
        if action == "hide":
            reason = hiding_reason(
                request, _("Give a reason for hiding the comment; it is sent to the author.")
            )
            if reason is None:
                return redirect("eccipa_flagged_comments")
            comments.hide(request.user, stakeholder_comment, reason)
            messages.success(request, _("Comment hidden; its author is told why."))
        else:
            comments.dismiss_flags(request.user, stakeholder_comment)
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


class ModeratorMenuItem(MenuItem):
    """The admin menu's way to the queue, shown to those who handle it."""

    def is_shown(self, request):
        return bool(rules.can_handle_flags(request.user))
