"""The consultation room in the public site: read, comment, reply, agree, flag; and the public
"How your input was used" page."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import CommentReply, Page

from .. import rules
from ..choices import OrganisationType
from ..models import CommentAgreement, CommentEdit, CommentFlag, Decision, StakeholderComment
from ..refusals import Refused
from . import comments
from .forms import CommentForm, EditCommentForm, FlagForm, ReplyForm
from .sections import diff_html, expanded_bodies, sections_of


def consultation_page(request, page_id):
    """The page and its latest consultation, if the person may read the draft."""
    page = get_object_or_404(Page, pk=page_id).specific
    consultation = rules.latest_consultation(page)
    if consultation is None:
        raise Http404(_("This page has not been put to consultation."))
    verdict = rules.can(request.user, "view_draft", page)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    return page, consultation


def signed_in(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def room_comments(page, sections, user, sees_hidden=False, may_comment=False):
    """The page's comments by section, each marked when its section changed or disappeared.
    The replies of a hidden comment are left out unless `sees_hidden` (moderators, editors)."""
    by_section = defaultdict(list)
    removed = []
    records = StakeholderComment.objects.filter(comment__page_id=page.pk).for_room()
    # Comments made on the same revision of a section share its text: one diff for them all.
    differences = {}
    for record in records:
        section = sections.get(record.section_id)
        record.section_removed = section is None
        record.section_changed = section is not None and section.text != record.section_text
        if record.section_changed:
            texts = (record.section_text, section.text)
            if texts not in differences:
                differences[texts] = diff_html(*texts)
            record.difference = differences[texts]
        (removed if section is None else by_section[record.section_id]).append(record)
    agreed = set(
        CommentAgreement.objects.filter(user=user, comment__comment__page_id=page.pk).values_list(
            "comment_id", flat=True
        )
    )
    flagged = set(
        CommentFlag.objects.filter(user=user, comment__comment__page_id=page.pk).values_list(
            "comment_id", "reply_id"
        )
    )
    # Choice labels are lazy: translated once here, not once per comment and reply.
    organisation_labels = {value: str(label) for value, label in OrganisationType.choices}
    for record in records:
        record.organisation_label = organisation_labels.get(record.organisation_type, "")
        record.is_mine = record.comment.user_id == user.pk
        # As comments.refusal_to_change decides, with the page's rule asked once.
        record.can_change = (
            record.is_mine
            and may_comment
            and not (record.withdrawn_at or record.is_hidden or record.decision)
        )
        # Earlier texts (a withdrawal keeps the last text, which is still shown to these).
        record.earlier_versions = (
            [edit for edit in record.edits.all() if edit.kind == CommentEdit.Kind.EDITED]
            if sees_hidden or record.is_mine
            else []
        )
        record.agreed_by_me = record.pk in agreed
        record.flagged_by_me = (record.pk, None) in flagged
        record.shown_replies = (
            list(record.comment.replies.all()) if sees_hidden or not record.is_hidden else []
        )
        for reply in record.shown_replies:
            reply.flagged_by_me = (record.pk, reply.pk) in flagged
            profile = getattr(reply.user, "profile", None)
            reply.organisation_label = organisation_labels.get(
                profile.organisation_type if profile else "", ""
            )
    return by_section, removed


def render_room(request, page, consultation, status=200, comment_form=None, failed_reply=None):
    revision, draft = comments.draft_under_consultation(page)
    sections = sections_of(draft)
    user = request.user
    sees_hidden = bool(rules.can(user, "see_hidden", page))
    comment_verdict = rules.can(user, "comment", page)
    by_section, removed = room_comments(
        page, sections, user, sees_hidden, may_comment=bool(comment_verdict)
    )
    bodies = expanded_bodies(list(sections.values()))
    context = {
        "page": page,
        "draft": draft,
        "revision": revision,
        "consultation": consultation,
        "is_open": consultation.is_open(),
        "comment_verdict": comment_verdict,
        "can_reply": bool(rules.can(user, "reply", page)),
        "can_flag": bool(rules.can(user, "flag", page)),
        "sees_hidden": sees_hidden,
        "sections": [
            {
                "section": section,
                "body": bodies[section.id],
                "comments": by_section.get(section.id, []),
                "form": comment_form
                if comment_form is not None and comment_form.data.get("section") == section.id
                else CommentForm(
                    sections=sections,
                    initial={"section": section.id},
                    auto_id=f"comment-%s-{section.id}",  # one form per section: ids stay unique
                ),
            }
            for section in sections.values()
        ],
        "removed_section_comments": removed,
        "reply_form": ReplyForm(),
        "failed_reply": failed_reply,
        "flag_form": FlagForm(),
        # Read by every comment: translated once.
        "reply_label": str(ReplyForm.base_fields["text"].label),
        "flag_label": str(FlagForm.base_fields["reason"].label),
    }
    return TemplateResponse(request, "co_design/consultation_room.html", context, status=status)


def read_only(request):
    """The room and the outcome page only show: other methods than GET and HEAD get a 405."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


@signed_in
def room(request, page_id):
    if refusal := read_only(request):
        return refusal
    page, consultation = consultation_page(request, page_id)
    return render_room(request, page, consultation)


@require_POST
@signed_in
def post_comment(request, page_id):
    page, consultation = consultation_page(request, page_id)
    _revision, draft = comments.draft_under_consultation(page)
    form = CommentForm(request.POST, sections=sections_of(draft))
    if not form.is_valid():
        if "section" in form.errors:
            messages.error(request, form.errors["section"][0])
        return render_room(request, page, consultation, status=400, comment_form=form)
    try:
        record, created = comments.post_comment(
            request.user,
            page,
            form.cleaned_data["section"],
            form.cleaned_data["text"],
            quote=form.cleaned_data["quote"],
            show_name=form.cleaned_data["show_name"],
            submission_key=form.cleaned_data["submission_key"],
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
        return render_room(request, page, consultation, status=refusal.status, comment_form=form)
    if created:
        messages.success(request, _("Thank you: your comment was published in the room."))
    else:
        messages.info(request, _("Your comment had already arrived; it was not posted twice."))
    return redirect(f"{reverse('consultation_room', args=[page.pk])}#comment-{record.comment_id}")


def comment_of(page, comment_id):
    record = get_object_or_404(
        StakeholderComment.objects.select_related("comment__page"),
        comment_id=comment_id,
        comment__page_id=page.pk,
    )
    record.comment.page = page  # the rules asked about it already: keep what they looked up
    return record


def act_on_comment(request, page_id, comment_id, action, anchor=None):
    """Run `action(page, consultation, record)`; refusals come back to the room as messages."""
    page, consultation = consultation_page(request, page_id)
    record = comment_of(page, comment_id)
    try:
        response = action(page, consultation, record)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return render_room(request, page, consultation, status=refusal.status)
    return response or redirect(
        f"{reverse('consultation_room', args=[page.pk])}#{anchor or f'comment-{record.comment_id}'}"
    )


@require_POST
@signed_in
def post_reply(request, page_id, comment_id):
    def reply(page, consultation, record):
        form = ReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["text"][0])
            return render_room(request, page, consultation, status=400, failed_reply=record.pk)
        comments.post_reply(request.user, record, form.cleaned_data["text"])
        messages.success(request, _("Your reply was published."))

    return act_on_comment(request, page_id, comment_id, reply)


@require_POST
@signed_in
def agree(request, page_id, comment_id):
    def toggle(page, consultation, record):
        if comments.toggle_agreement(request.user, record):
            messages.success(request, _("You agree with this comment."))
        else:
            messages.info(request, _("You no longer agree with this comment."))

    return act_on_comment(request, page_id, comment_id, toggle)


@require_POST
@signed_in
def flag(request, page_id, comment_id):
    def report(page, consultation, record):
        form = FlagForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["reason"][0])
            return render_room(request, page, consultation, status=400)
        comments.flag(request.user, record, form.cleaned_data["reason"])
        messages.success(request, _("Thank you: a moderator will look at this comment."))

    return act_on_comment(request, page_id, comment_id, report)


@require_POST
@signed_in
def flag_reply(request, page_id, comment_id, reply_id):
    def report(page, consultation, record):
        reply = get_object_or_404(CommentReply, pk=reply_id, comment_id=record.comment_id)
        form = FlagForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["reason"][0])
            return render_room(request, page, consultation, status=400)
        comments.flag(request.user, record, form.cleaned_data["reason"], reply=reply)
        messages.success(request, _("Thank you: a moderator will look at this reply."))

    return act_on_comment(request, page_id, comment_id, report, anchor=f"comment-reply-{reply_id}")


@require_POST
@signed_in
def edit_comment(request, page_id, comment_id):
    def edit(page, consultation, record):
        form = EditCommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["text"][0])
            return render_room(request, page, consultation, status=400)
        if comments.edit_comment(request.user, record, form.cleaned_data["text"]):
            messages.success(request, _("Your comment was changed; its earlier text is kept."))
        else:
            messages.info(request, _("Nothing changed in your comment."))

    return act_on_comment(request, page_id, comment_id, edit)


@require_POST
@signed_in
def withdraw_comment(request, page_id, comment_id):
    def withdraw(page, consultation, record):
        comments.withdraw_comment(request.user, record)
        messages.success(
            request,
            _(
                "You withdrew your comment: others no longer read it; the editors keep it on "
                "record."
            ),
        )

    return act_on_comment(request, page_id, comment_id, withdraw)


def outcome(request, page_id):
    """How your input was used: every decision, once the page is published and the
    consultation ended (before that, this page does not exist: 404 for everyone). Only what
    StakeholderComment.publicly_shown allows, as the GraphQL participation record counts."""
    if refusal := read_only(request):
        return refusal
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    records = list(
        StakeholderComment.objects.filter(comment__page_id=page.pk)
        .publicly_shown()
        .select_related("comment__user", "adopted_in")
        .order_by("comment__created_at")
    )
    if not records:
        raise Http404(_("No comments were collected on this page."))
    counts = {choice: 0 for choice in Decision.values}
    for record in records:
        if record.decision:
            counts[record.decision] += 1
    return TemplateResponse(
        request,
        "co_design/consultation_outcome.html",
        {
            "page": page,
            "records": records,
            "decision_counts": [(Decision(value).label, count) for value, count in counts.items()],
            "undecided": sum(1 for record in records if not record.decision),
        },
    )
