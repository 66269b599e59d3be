"""What people do in the consultation room, checked against the rules, stored in Wagtail's
Comment / CommentReply rows with our side data, and told to whoever needs to know."""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Comment, CommentReply

from co_design.access import lookups, rules
from co_design.access.verdicts import Refused
from co_design.consultation.models import (
    CommentAgreement,
    CommentEdit,
    CommentFlag,
    FlagStatus,
    StakeholderComment,
    StakeholderReply,
)
from co_design.consultation.sections import sections_of
from co_design.notifications.emails import notify_comment_author, notify_reply_hidden
from co_design.review.locks import comment_lock


def require(user, action, page, now=None):
    verdict = rules.can(user, action, page, now=now)
    if not verdict:
        raise Refused(verdict.reason)


def require_on_thread(user, action, stakeholder_comment, now=None):
    verdict = rules.can_on_thread(user, action, stakeholder_comment, now=now)
    if not verdict:
        raise Refused(verdict.reason)


def draft_under_consultation(page):
    """The revision the room shows: while the consultation is open, the latest, since editors
    revise meanwhile (comments on changed sections are marked so); once it ended, the revision
    consulted, never a later one (Consultation.consulted_revision)."""
    consultation = lookups.latest_consultation(page)
    revision = consultation.consulted_revision() if consultation else None
    revision = revision or page.get_latest_revision()
    return revision, revision.as_object()


def check_rate(user):
    """At most CONSULTATION_POSTS_PER_WINDOW comments and replies per person per window,
    counted in the shared cache so every app process agrees."""
    limit, window = (
        settings.ECCIPA_CONSULTATION["POSTS_PER_WINDOW"],
        settings.ECCIPA_CONSULTATION["RATE_WINDOW"],
    )
    key = f"room-posts:{user.pk}:{int(timezone.now().timestamp()) // window}"
    cache.add(key, 0, timeout=window)
    if cache.incr(key) > limit:
        raise Refused(
            _(
                "You have posted %(limit)s messages in a short time. Please wait a few minutes "
                "before posting again."
            )
            % {"limit": limit},
            status=429,
        )


def profile_of(user):
    return getattr(user, "profile", None)


def written_in():
    """The site language the person is reading in, one of settings.LANGUAGES."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return ""


def post_comment(user, page, section_id, text, quote="", show_name=False, submission_key=None):
    """A stakeholder's comment on a section (or a passage of it). Returns (comment, created)."""
    require(user, "comment", page)
    consultation = lookups.open_consultation(page)
    existing = StakeholderComment.objects.filter(
        consultation=consultation, submission_key=submission_key, wagtail_comment__user=user
    ).first()
    if existing:
        return existing, False
    revision, draft = draft_under_consultation(page)
    section = sections_of(draft).get(section_id)
    if section is None:
        raise Refused(_("This section is not part of the draft under consultation."), 400)
    check_rate(user)
    profile = profile_of(user)
    try:
        with comment_lock(page.pk):
            comment = Comment.objects.create(
                page=page,
                user=user,
                text=text,
                contentpath=section.contentpath,
                revision_created=revision,
            )
            stakeholder_comment = StakeholderComment.objects.create(
                wagtail_comment=comment,
                consultation=consultation,
                section_id=section.id,
                section_heading=section.heading[:255],
                section_text=section.text,
                quote=quote,
                organisation=profile.organisation if profile else "",
                organisation_type=profile.organisation_type if profile else "",
                show_name=show_name,
                language=written_in(),
                submission_key=submission_key,
            )
            comment.log_create(page_revision=revision, user=user)
    except IntegrityError:
        # The same form arrived twice at once: keep the first.
        return StakeholderComment.objects.get(
            consultation=consultation, submission_key=submission_key
        ), False
    return stakeholder_comment, True


def post_reply(user, stakeholder_comment, text):
    page = stakeholder_comment.wagtail_comment.page
    require_on_thread(user, "reply", stakeholder_comment)
    check_rate(user)
    with comment_lock(page.pk):
        reply = CommentReply.objects.create(
            comment=stakeholder_comment.wagtail_comment, user=user, text=text
        )
        reply.log_create(user=user)
    # The commenter hears of it from the CommentReply signal, as for replies in the editor.
    return reply


def toggle_agreement(user, stakeholder_comment):
    """+1, or take it back. Agreeing needs the right to comment; not with oneself."""
    require_on_thread(user, "agree", stakeholder_comment)
    if stakeholder_comment.wagtail_comment.user_id == user.pk:
        raise Refused(_("You cannot agree with your own comment."), 400)
    deleted, _count = CommentAgreement.objects.filter(
        stakeholder_comment=stakeholder_comment, user=user
    ).delete()
    if not deleted:
        CommentAgreement.objects.get_or_create(stakeholder_comment=stakeholder_comment, user=user)
    return not deleted


def flag(user, stakeholder_comment, reason, reply=None):
    """Report the comment, or `reply` (a CommentReply of its thread), to the moderators."""
    require_on_thread(user, "flag", stakeholder_comment)
    if reply is not None and reply.comment_id != stakeholder_comment.wagtail_comment_id:
        raise Refused(_("This reply is not part of this comment's thread."), 400)
    if StakeholderReply.objects.filter(reply=reply, hidden_at__isnull=False).exists():
        raise Refused(_("A moderator has already hidden this reply."), 400)
    try:
        with transaction.atomic():
            _flag, created = CommentFlag.objects.get_or_create(
                stakeholder_comment=stakeholder_comment,
                reply=reply,
                user=user,
                defaults={"reason": reason},
            )
    except IntegrityError:  # the same report twice at once
        created = False
    if not created:
        if reply is not None:
            raise Refused(
                _("You have already reported this reply; a moderator will look at it."), 400
            )
        raise Refused(_("You have already flagged this comment; a moderator will look at it."), 400)
    return _flag


def record_decision(user, stakeholder_comment, decision, reason, adopted_in=None):
    require(user, "decide", stakeholder_comment.wagtail_comment.page)
    stakeholder_comment.decision = decision
    stakeholder_comment.decision_reason = reason
    stakeholder_comment.adopted_in = adopted_in
    stakeholder_comment.decided_by = user
    stakeholder_comment.decided_at = timezone.now()
    stakeholder_comment.save()
    transaction.on_commit(lambda: notify_comment_author(stakeholder_comment, "decision"))


def hide(user, stakeholder_comment, reason):
    """Hide a comment from the room; its text is kept for the record."""
    require(user, "moderate", stakeholder_comment.wagtail_comment.page)
    now = timezone.now()
    stakeholder_comment.hidden_at = now
    stakeholder_comment.hidden_by = user
    stakeholder_comment.hidden_reason = reason
    stakeholder_comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    stakeholder_comment.flags.on_comments().resolve(user, FlagStatus.UPHELD)
    transaction.on_commit(lambda: notify_comment_author(stakeholder_comment, "hidden"))


def dismiss_flags(user, stakeholder_comment):
    require(user, "moderate", stakeholder_comment.wagtail_comment.page)
    stakeholder_comment.flags.on_comments().resolve(user, FlagStatus.DISMISSED)


def hide_reply(user, reply, reason):
    """Hide a reply from the room, as a comment: its text is kept for the record, and its
    author is told why."""
    require(user, "moderate", reply.comment.page)
    moderation, _created = StakeholderReply.objects.update_or_create(
        reply=reply,
        defaults={"hidden_at": timezone.now(), "hidden_by": user, "hidden_reason": reason},
    )
    CommentFlag.objects.filter(reply=reply).resolve(user, FlagStatus.UPHELD)
    transaction.on_commit(lambda: notify_reply_hidden(moderation))


def dismiss_reply_flags(user, reply):
    require(user, "moderate", reply.comment.page)
    CommentFlag.objects.filter(reply=reply).resolve(user, FlagStatus.DISMISSED)


def refuse_unless_changeable(user, stakeholder_comment, now=None):
    """Raise Refused unless `user` may edit or withdraw `stakeholder_comment` now: only its
    author, while they may still comment, until the editors decide on it or a moderator hides
    it."""
    if stakeholder_comment.wagtail_comment.user_id != user.pk:
        raise Refused(_("Only the person who wrote a comment can change it."), 403)
    verdict = rules.can(user, "comment", stakeholder_comment.wagtail_comment.page, now=now)
    if not verdict:
        raise Refused(verdict.reason)
    if stakeholder_comment.withdrawn_at:
        raise Refused(_("You withdrew this comment; it can no longer be changed."), 400)
    if stakeholder_comment.is_hidden:
        raise Refused(_("A moderator hid this comment; it can no longer be changed."), 400)
    if stakeholder_comment.decision:
        raise Refused(
            _("The editors have already decided on this comment; it can no longer be changed."),
            400,
        )


@transaction.atomic
def edit_comment(user, stakeholder_comment, text, quote=None):
    """The author's new text: Wagtail's Comment (which editors see in the page editor) takes it,
    and the previous text and quote are kept as a CommentEdit. Returns whether anything changed."""
    stakeholder_comment = (
        StakeholderComment.objects.select_for_update()
        .select_related("wagtail_comment")
        .get(pk=stakeholder_comment.pk)
    )
    refuse_unless_changeable(user, stakeholder_comment)
    quote = stakeholder_comment.quote if quote is None else quote
    if text == stakeholder_comment.wagtail_comment.text and quote == stakeholder_comment.quote:
        return False
    CommentEdit.objects.create(
        stakeholder_comment=stakeholder_comment,
        kind=CommentEdit.Kind.EDITED,
        text=stakeholder_comment.wagtail_comment.text,
        quote=stakeholder_comment.quote,
    )
    # Wagtail's Comment.save() mishandles update_fields given as names: update the row.
    Comment.objects.filter(pk=stakeholder_comment.wagtail_comment_id).update(
        text=text, updated_at=timezone.now()
    )
    if quote != stakeholder_comment.quote:
        stakeholder_comment.quote = quote
        stakeholder_comment.save(update_fields=["quote"])
    return True


@transaction.atomic
def withdraw_comment(user, stakeholder_comment):
    """The author takes the comment back: others no longer read it, the editors still do (the
    text stays on record, and a CommentEdit says when)."""
    stakeholder_comment = (
        StakeholderComment.objects.select_for_update()
        .select_related("wagtail_comment")
        .get(pk=stakeholder_comment.pk)
    )
    refuse_unless_changeable(user, stakeholder_comment)
    now = timezone.now()
    CommentEdit.objects.create(
        stakeholder_comment=stakeholder_comment,
        kind=CommentEdit.Kind.WITHDRAWN,
        text=stakeholder_comment.wagtail_comment.text,
        quote=stakeholder_comment.quote,
    )
    stakeholder_comment.withdrawn_at = now
    stakeholder_comment.save(update_fields=["withdrawn_at"])
