"""The consultation room in the public site: read, comment, reply, agree, flag; and the public
"How your input was used" page."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import CommentReply, Page

from co_design.access import lookups, rules
from co_design.access.verdicts import Refused
from co_design.consultation import services as comments
from co_design.consultation.comment_translation import asked_translation
from co_design.consultation.forms import CommentForm, EditCommentForm, FlagForm, ReplyForm
from co_design.consultation.languages import (
    consulted_page,
    rooms_in_every_language,
    shown_sections,
)
from co_design.consultation.models import (
    StakeholderComment,
)
from co_design.consultation.room_comments import change_since_mine, room_comments
from co_design.consultation.sections import expanded_bodies, sections_of


def consultation_page(request, page_id):
    """The page the person reads (a translation, or the page consulted), the page consulted and
    its latest consultation, if the person may read the draft. A translation's room is its
    source's (consultation.languages): the same window, rules, comments and decisions."""
    reading = get_object_or_404(Page, pk=page_id).specific
    page = consulted_page(reading)
    consultation = lookups.latest_consultation(page)
    if consultation is None:
        raise Http404(_("This page has not been put to consultation."))
    verdict = rules.can(request.user, "view_draft", page)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    return reading, page, consultation


def signed_in(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def render_room(
    request,
    reading,
    page,
    consultation,
    status=200,
    comment_form=None,
    failed_reply=None,
    translated=None,
):
    revision, draft = comments.draft_under_consultation(page)
    sections = sections_of(draft)
    shown, shown_draft = shown_sections(reading, page, sections, draft)
    user = request.user
    sees_hidden = bool(rules.can(user, "see_hidden", page))
    comment_verdict = rules.can(user, "comment", page)
    by_section, removed = room_comments(
        page, sections, user, sees_hidden, may_comment=bool(comment_verdict), translated=translated
    )
    bodies = expanded_bodies(list(shown.values()))
    context = {
        "page": page,
        "room_page": reading,
        # The language switcher leads to the room of each language's translation.
        "language_addresses": rooms_in_every_language(page),
        "draft": shown_draft,
        "revision": revision,
        "consultation": consultation,
        "is_open": consultation.is_open(),
        "comment_verdict": comment_verdict,
        "can_reply": bool(rules.can(user, "reply", page)),
        "can_flag": bool(rules.can(user, "flag", page)),
        "sees_hidden": sees_hidden,
        "sections": [
            {
                "section": shown[section.id],
                "body": bodies[section.id],
                "comments": by_section.get(section.id, []),
                "change_since_mine": change_since_mine(section, by_section.get(section.id, [])),
                "form": comment_form
                if comment_form is not None and comment_form.data.get("section") == section.id
                else CommentForm(sections=sections, initial={"section": section.id}),
            }
            for section in sections.values()
        ],
        "removed_section_comments": removed,
        "edit_form": EditCommentForm(),
        "reply_form": ReplyForm(),
        "failed_reply": failed_reply,
        "flag_form": FlagForm(),
        # Read by every comment: translated once.
        "reply_label": str(ReplyForm.base_fields["text"].label),
        "flag_label": str(FlagForm.base_fields["reason"].label),
    }
    return TemplateResponse(request, "consultation/room.html", context, status=status)


def read_only(request):
    """The room and the outcome page only show: other methods than GET and HEAD get a 405."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


@signed_in
def room(request, page_id):
    if refusal := read_only(request):
        return refusal
    reading, page, consultation = consultation_page(request, page_id)
    try:
        translated = asked_translation(page, request.GET.get("translate"), get_language())
    except Refused as refusal:
        messages.error(request, refusal.message)
        return render_room(request, reading, page, consultation, status=refusal.status)
    if "translate" in request.GET and not translated:
        messages.info(request, _("No machine translation is available at the moment."))
    return render_room(request, reading, page, consultation, translated=translated)


@require_POST
@signed_in
def post_comment(request, page_id):
    reading, page, consultation = consultation_page(request, page_id)
    _revision, draft = comments.draft_under_consultation(page)
    form = CommentForm(request.POST, sections=sections_of(draft))
    if not form.is_valid():
        if "section" in form.errors:
            messages.error(request, form.errors["section"][0])
        return render_room(request, reading, page, consultation, status=400, comment_form=form)
    try:
        stakeholder_comment, created = comments.post_comment(
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
        return render_room(
            request, reading, page, consultation, status=refusal.status, comment_form=form
        )
    if created:
        messages.success(request, _("Thank you: your comment was published in the room."))
    else:
        messages.info(request, _("Your comment had already arrived; it was not posted twice."))
    return redirect(
        reverse("consultation_room", args=[reading.pk])
        + f"#comment-{stakeholder_comment.wagtail_comment_id}"
    )


def comment_of(page, comment_id):
    stakeholder_comment = get_object_or_404(
        StakeholderComment.objects.select_related("wagtail_comment__page"),
        wagtail_comment_id=comment_id,
        wagtail_comment__page_id=page.pk,
    )
    stakeholder_comment.wagtail_comment.page = (
        page  # the rules asked about it already: keep what they looked up
    )
    return stakeholder_comment


def act_on_comment(request, page_id, comment_id, action, anchor=None):
    """Run `action(room, record)`, `room` being (page read, page consulted, consultation);
    refusals come back to the room as messages."""
    room = consultation_page(request, page_id)
    stakeholder_comment = comment_of(room[1], comment_id)
    try:
        response = action(room, stakeholder_comment)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return render_room(request, *room, status=refusal.status)
    return response or redirect(
        reverse("consultation_room", args=[room[0].pk])
        + f"#{anchor or f'comment-{stakeholder_comment.wagtail_comment_id}'}"
    )


@require_POST
@signed_in
def post_reply(request, page_id, comment_id):
    def reply(room, stakeholder_comment):
        form = ReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["text"][0])
            return render_room(request, *room, status=400, failed_reply=stakeholder_comment.pk)
        comments.post_reply(request.user, stakeholder_comment, form.cleaned_data["text"])
        messages.success(request, _("Your reply was published."))

    return act_on_comment(request, page_id, comment_id, reply)


@require_POST
@signed_in
def agree(request, page_id, comment_id):
    def toggle(room, stakeholder_comment):
        if comments.toggle_agreement(request.user, stakeholder_comment):
            messages.success(request, _("You agree with this comment."))
        else:
            messages.info(request, _("You no longer agree with this comment."))

    return act_on_comment(request, page_id, comment_id, toggle)


@require_POST
@signed_in
def flag(request, page_id, comment_id):
    def report(room, stakeholder_comment):
        form = FlagForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["reason"][0])
            return render_room(request, *room, status=400)
        comments.flag(request.user, stakeholder_comment, form.cleaned_data["reason"])
        messages.success(request, _("Thank you: a moderator will look at this comment."))

    return act_on_comment(request, page_id, comment_id, report)


@require_POST
@signed_in
def flag_reply(request, page_id, comment_id, reply_id):
    def report(room, stakeholder_comment):
        reply = get_object_or_404(
            CommentReply, pk=reply_id, comment_id=stakeholder_comment.wagtail_comment_id
        )
        form = FlagForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["reason"][0])
            return render_room(request, *room, status=400)
        comments.flag(request.user, stakeholder_comment, form.cleaned_data["reason"], reply=reply)
        messages.success(request, _("Thank you: a moderator will look at this reply."))

    return act_on_comment(request, page_id, comment_id, report, anchor=f"comment-reply-{reply_id}")


@require_POST
@signed_in
def edit_comment(request, page_id, comment_id):
    def edit(room, stakeholder_comment):
        form = EditCommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["text"][0])
            return render_room(request, *room, status=400)
        if comments.edit_comment(request.user, stakeholder_comment, form.cleaned_data["text"]):
            messages.success(request, _("Your comment was changed; its earlier text is kept."))
        else:
            messages.info(request, _("Nothing changed in your comment."))

    return act_on_comment(request, page_id, comment_id, edit)


@require_POST
@signed_in
def withdraw_comment(request, page_id, comment_id):
    def withdraw(room, stakeholder_comment):
        comments.withdraw_comment(request.user, stakeholder_comment)
        messages.success(
            request,
            _(
                "You withdrew your comment: others no longer read it; the editors keep it on "
                "record."
            ),
        )

    return act_on_comment(request, page_id, comment_id, withdraw)
