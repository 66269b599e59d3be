"""Stakeholder comments: Wagtail's own Comment rows, so editors see them in the page editor's
comment sidebar on the right block, plus what co-design needs beside them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Comment, CommentReply

from co_design.choices import OrganisationType
from co_design.review.models import Consultation


class Decision(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    NOTED = "noted", _("Noted")


def replies_for_room():
    """Replies in order with their authors' profiles, each carrying `hidden_at` and
    `hidden_reason` from its StakeholderReply."""
    moderation = StakeholderReply.objects.filter(reply=models.OuterRef("pk"))
    return (
        CommentReply.objects.select_related("user__profile")
        .annotate(
            hidden_at=models.Subquery(moderation.values("hidden_at")[:1]),
            hidden_reason=models.Subquery(moderation.values("hidden_reason")[:1]),
        )
        .order_by("created_at", "pk")
    )


class StakeholderCommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)

    def publicly_shown(self, now=None):
        # Withdrawn by their authors: kept on record for the editors, never public.
        """What the public may read (the outcome page) and count (the GraphQL participation
        record): comments of consultations that have ended, neither hidden by a moderator nor
        reported and still waiting for one. The one place that decides what is public when."""
        waiting_flags = CommentFlag.objects.filter(
            stakeholder_comment=models.OuterRef("pk"), reply__isnull=True, status=FlagStatus.WAITING
        )
        ended = Consultation.objects.ended(now)
        return (
            self.visible()
            .filter(consultation__in=ended, withdrawn_at__isnull=True)
            .exclude(models.Exists(waiting_flags))
        )

    def for_room(self):
        """Everything the room shows, in a fixed number of queries whatever the count; each
        reply carries `hidden_at` and `hidden_reason` from its StakeholderReply."""
        return (
            self.select_related("wagtail_comment__user__profile", "wagtail_comment__resolved_by")
            .prefetch_related(
                models.Prefetch("wagtail_comment__replies", queryset=replies_for_room()), "edits"
            )
            .annotate(agreement_count=models.Count("agreements", distinct=True))
            .order_by("wagtail_comment__created_at")
        )

    def room_rows(self):
        """The comments as for_room() gives them, without their authors, replies and edits:
        the room fetches replies and edits for the whole page (Django's prefetching costs more
        for each of hundreds of comments than the queries themselves), and shows a comment's
        organisation as stored with it. Of the Wagtail comment, the four fields the room shows
        come with the row (`comment_text`, `comment_created_at`, …): building a Comment for each
        (a ClusterableModel) costs more than reading its row."""
        return self.annotate(
            agreement_count=models.Count("agreements", distinct=True),
            comment_text=models.F("wagtail_comment__text"),
            comment_created_at=models.F("wagtail_comment__created_at"),
            comment_resolved_at=models.F("wagtail_comment__resolved_at"),
            comment_user_id=models.F("wagtail_comment__user_id"),
        ).order_by("wagtail_comment__created_at")

    def waiting_flag_count(self):
        """How many reports on these comments (or their replies) wait for a moderator."""
        return CommentFlag.objects.filter(
            stakeholder_comment__in=self, status=FlagStatus.WAITING
        ).count()


class StakeholderComment(models.Model):
    # No reverse accessor: Wagtail saves a Comment with every name its model reports as
    # update_fields, and a reverse one-to-one among them would make that save fail.
    wagtail_comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    section_id = models.CharField(_("section"), max_length=64, db_index=True)
    # What the section said when the comment was written: the room compares it with today's text.
    section_heading = models.CharField(_("section heading"), max_length=255)
    section_text = models.TextField(_("section text when commented"))
    quote = models.TextField(_("quoted passage"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    show_name = models.BooleanField(_("name may be shown publicly"), default=False)
    # The language of the room the comment was written in: moderators and editors read it in
    # that language, whatever the author's profile says today.
    language = models.CharField(
        _("written in"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    submission_key = models.UUIDField(editable=False)

    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    adopted_in = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("adopted in revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Its author took it back before a decision: the text stays on record (CommentEdit).
    withdrawn_at = models.DateTimeField(_("withdrawn by its author"), null=True, blank=True)

    objects = StakeholderCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder comment")
        verbose_name_plural = _("stakeholder comments")
        constraints = [
            # A double click posts the same form twice: the second is not a new comment.
            models.UniqueConstraint(
                fields=["consultation", "submission_key"], name="one_comment_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.section_heading}: {self.wagtail_comment.text[:60]}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class CommentEdit(models.Model):
    """An earlier version of a comment: the text (and quote) it had before its author edited
    or withdrew it. Nothing a stakeholder wrote is ever lost."""

    class Kind(models.TextChoices):
        EDITED = "edited", _("Edited")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    stakeholder_comment = models.ForeignKey(
        StakeholderComment, on_delete=models.CASCADE, related_name="edits"
    )
    kind = models.CharField(_("change"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("text before the change"))
    quote = models.TextField(_("quoted passage before the change"), blank=True)
    created_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment edit")
        verbose_name_plural = _("comment edits")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class CommentAgreement(models.Model):
    """A +1: this stakeholder agrees with the comment."""

    stakeholder_comment = models.ForeignKey(
        StakeholderComment, on_delete=models.CASCADE, related_name="agreements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["stakeholder_comment", "user"], name="one_agreement_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} +1"


class FlagStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a moderator")
    UPHELD = "upheld", _("Comment hidden")
    DISMISSED = "dismissed", _("Dismissed")


class StakeholderReply(models.Model):
    """What moderation needs beside a reply (Wagtail's CommentReply, written in the room or in
    the page editor's comment sidebar): created when a moderator hides it."""

    # No reverse accessor, as for StakeholderComment.
    reply = models.OneToOneField(CommentReply, on_delete=models.CASCADE, related_name="+")
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    class Meta:
        verbose_name = _("stakeholder reply")
        verbose_name_plural = _("stakeholder replies")

    def __str__(self):
        return str(self.reply)

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class CommentFlagQuerySet(models.QuerySet):
    def on_comments(self):
        return self.filter(reply__isnull=True)

    def on_replies(self):
        return self.filter(reply__isnull=False)

    def waiting(self):
        return self.filter(status=FlagStatus.WAITING)

    def resolve(self, user, status):
        """A moderator's answer to the waiting flags. Saved one by one (a comment has few),
        so that whatever follows a saved flag (the GraphQL cache purge) follows this too."""
        now = timezone.now()
        for flag in self.waiting():
            flag.status, flag.handled_by, flag.handled_at = status, user, now
            flag.save(update_fields=["status", "handled_by", "handled_at"])


class CommentFlag(models.Model):
    """A report to the moderators: on a comment, or (with `reply`) on a reply in its thread."""

    stakeholder_comment = models.ForeignKey(
        StakeholderComment, on_delete=models.CASCADE, related_name="flags"
    )
    reply = models.ForeignKey(
        CommentReply, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("flagged"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FlagStatus.choices, default=FlagStatus.WAITING
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    objects = CommentFlagQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("flag")
        constraints = [
            models.UniqueConstraint(
                fields=["stakeholder_comment", "user"],
                condition=models.Q(reply__isnull=True),
                name="one_flag_per_person",
            ),
            models.UniqueConstraint(
                fields=["reply", "user"],
                condition=models.Q(reply__isnull=False),
                name="one_reply_flag_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.stakeholder_comment} ({self.get_status_display()})"
