"""Stakeholder comments: Wagtail's own Comment rows, so editors see them in the page editor's
comment sidebar on the right block, plus what co-design needs beside them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Comment

from ..choices import OrganisationType
from .review import Consultation


class Decision(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    NOTED = "noted", _("Noted")


class StakeholderCommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)

    def for_room(self):
        """Everything the room shows, in a fixed number of queries whatever the count."""
        return (
            self.select_related("comment__user__profile", "comment__resolved_by")
            .prefetch_related("comment__replies__user__profile")
            .annotate(agreement_count=models.Count("agreements", distinct=True))
            .order_by("comment__created_at")
        )


class StakeholderComment(models.Model):
    # No reverse accessor: Wagtail saves a Comment with every name its model reports as
    # update_fields, and a reverse one-to-one among them would make that save fail.
    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="+")
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
        return f"{self.section_heading}: {self.comment.text[:60]}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class CommentAgreement(models.Model):
    """A +1: this stakeholder agrees with the comment."""

    comment = models.ForeignKey(
        StakeholderComment, on_delete=models.CASCADE, related_name="agreements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_agreement_per_person")
        ]

    def __str__(self):
        return f"{self.user} +1"


class FlagStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a moderator")
    UPHELD = "upheld", _("Comment hidden")
    DISMISSED = "dismissed", _("Dismissed")


class CommentFlag(models.Model):
    comment = models.ForeignKey(StakeholderComment, on_delete=models.CASCADE, related_name="flags")
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

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("flag")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_person")
        ]

    def __str__(self):
        return f"{self.comment} ({self.get_status_display()})"
