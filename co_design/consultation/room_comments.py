"""The comments of a room as it shows them to one person: by section, each marked when its section
changed or disappeared, with what that person may do to it."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from co_design.choices import OrganisationType
from co_design.consultation.comment_translation import translation_offers
from co_design.consultation.models import (
    CommentAgreement,
    CommentEdit,
    CommentFlag,
    StakeholderComment,
    replies_for_room,
)
from co_design.consultation.sections import diff_html
from co_design.view_objects import ViewObject


def room_comments(page, sections, user, sees_hidden=False, may_comment=False, translated=None):
    """The page's comments by section, as the room shows them to `user`: each marked when its
    section changed or disappeared. The replies of a hidden comment are left out unless
    `sees_hidden` (moderators, editors). `translated`: {Wagtail comment id: its machine
    translation into the reader's language}, for the comment the reader asked to translate."""
    agreed = set(
        CommentAgreement.objects.filter(
            user=user, stakeholder_comment__wagtail_comment__page_id=page.pk
        ).values_list("stakeholder_comment_id", flat=True)
    )
    flagged = set(
        CommentFlag.objects.filter(
            user=user, stakeholder_comment__wagtail_comment__page_id=page.pk
        ).values_list("stakeholder_comment_id", "reply_id")
    )
    by_section = defaultdict(list)
    removed = []
    # Work shared by every comment of the room, done once: comments made on the same text of a
    # section share one difference, and choice labels (lazy) are translated once.
    shared = RoomWork(
        differences={},
        organisation_labels={value: str(label) for value, label in OrganisationType.choices},
        language_labels=written_in_labels(),
        translation_offers=translation_offers(translation.get_language()),
        translated=translated or {},
    )
    # Replies and edits of the whole page, one query each, put with their comments here.
    replies = defaultdict(list)
    for reply in replies_for_room().filter(comment__page_id=page.pk):
        replies[reply.comment_id].append(reply)
    edits = defaultdict(list)
    for edit in CommentEdit.objects.filter(stakeholder_comment__wagtail_comment__page_id=page.pk):
        edits[edit.stakeholder_comment_id].append(edit)
    for stakeholder_comment in StakeholderComment.objects.filter(
        wagtail_comment__page_id=page.pk
    ).room_rows():
        shown = shown_in_room(
            stakeholder_comment,
            sections,
            user,
            (sees_hidden, may_comment, agreed, flagged, shared),
            replies.get(stakeholder_comment.wagtail_comment_id, []),
            edits.get(stakeholder_comment.pk, []),
        )
        if shown.section_removed:
            removed.append(shown)
        else:
            by_section[stakeholder_comment.section_id].append(shown)
    return by_section, removed


def written_in_labels():
    """ "Written in …" for each language other than the one the room is read in: a comment in
    the reader's own language needs no label (its text still carries its `lang`)."""
    reading_in = translation.get_language()
    return {
        code: _("Written in %(language)s") % {"language": str(name)}
        for code, name in settings.LANGUAGES
        if code != reading_in
    }


@dataclass(frozen=True)
class RoomWork:
    differences: dict  # (text commented on, text now) -> difference
    organisation_labels: dict
    language_labels: dict  # language code -> "Written in …", for languages other than the room's
    translation_offers: dict  # language code -> "Show a machine translation …", where possible
    translated: dict  # Wagtail comment id -> machine translation asked for by the reader

    def difference(self, old, new):
        if (old, new) not in self.differences:
            self.differences[old, new] = diff_html(old, new)
        return self.differences[old, new]

    def organisation_label(self, profile):
        return self.organisation_labels.get(profile.organisation_type if profile else "", "")


def shown_in_room(stakeholder_comment, sections, user, reader, replies, edits):
    """`reader`: (sees_hidden, may_comment, agreed, flagged, shared) as room_comments has them;
    `replies` and `edits`: the comment's own, in order."""
    sees_hidden, may_comment, agreed, flagged, shared = reader
    section = sections.get(stakeholder_comment.section_id)
    section_changed = section is not None and section.text != stakeholder_comment.section_text
    comment = CommentShown(
        pk=stakeholder_comment.wagtail_comment_id,
        text=stakeholder_comment.comment_text,
        created_at=stakeholder_comment.comment_created_at,
        resolved_at=stakeholder_comment.comment_resolved_at,
        user_id=stakeholder_comment.comment_user_id,
    )
    is_mine = comment.user_id == user.pk
    if stakeholder_comment.is_hidden and not sees_hidden:
        replies = []
    return ViewObject(
        stakeholder_comment,
        wagtail_comment=comment,
        section_removed=section is None,
        section_changed=section_changed,
        difference=(
            shared.difference(stakeholder_comment.section_text, section.text)
            if section_changed
            else None
        ),
        organisation_label=shared.organisation_labels.get(
            stakeholder_comment.organisation_type, ""
        ),
        written_in=shared.language_labels.get(stakeholder_comment.language, ""),
        translation_offer=(
            shared.translation_offers.get(stakeholder_comment.language, "")
            if shared.language_labels.get(stakeholder_comment.language)
            else ""
        ),
        machine_translation=shared.translated.get(comment.pk),
        is_mine=is_mine,
        # As services.refuse_unless_changeable decides, with the page's rule asked once.
        can_change=(
            is_mine
            and may_comment
            and not (
                stakeholder_comment.withdrawn_at
                or stakeholder_comment.is_hidden
                or stakeholder_comment.decision
            )
        ),
        was_edited=bool(edits),
        # Earlier texts (a withdrawal keeps the last text, which is still shown to these).
        earlier_versions=(
            [edit for edit in edits if edit.kind == CommentEdit.Kind.EDITED]
            if sees_hidden or is_mine
            else []
        ),
        agreed_by_me=stakeholder_comment.pk in agreed,
        flagged_by_me=(stakeholder_comment.pk, None) in flagged,
        shown_replies=[
            ViewObject(
                reply,
                flagged_by_me=(stakeholder_comment.pk, reply.pk) in flagged,
                organisation_label=shared.organisation_label(getattr(reply.user, "profile", None)),
            )
            for reply in replies
        ],
    )


@dataclass(frozen=True)
class CommentShown:
    """What the room shows of a comment's Wagtail Comment (StakeholderCommentQuerySet.room_rows)."""

    pk: int
    text: str
    created_at: object
    resolved_at: object
    user_id: int


@dataclass(frozen=True)
class ChangeSinceMine:
    """How a section changed since the person last commented on it."""

    since: object  # the date of their latest comment on the section
    difference: str


def change_since_mine(section, shown_comments):
    """What changed in `section` since the person's latest comment on it, or None."""
    mine = [shown for shown in shown_comments if shown.is_mine]
    if not mine:
        return None
    latest = max(mine, key=lambda shown: shown.wagtail_comment.created_at)
    if latest.section_text == section.text:
        return None
    return ChangeSinceMine(
        latest.wagtail_comment.created_at, diff_html(latest.section_text, section.text)
    )
