"""The commenter hears about replies, whichever screen they were written on."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import CommentReply

from co_design.consultation.models import StakeholderComment
from co_design.notifications.emails import notify_comment_author


@receiver(post_save, sender=CommentReply)
def tell_the_commenter_about_a_reply(sender, instance, created, **kwargs):
    """Replies come from the room and from the page editor's comment sidebar alike."""
    if not created or instance.comment.user_id == instance.user_id:
        return
    stakeholder_comment = StakeholderComment.objects.filter(
        wagtail_comment_id=instance.comment_id
    ).first()
    if stakeholder_comment is not None:
        transaction.on_commit(
            lambda: notify_comment_author(stakeholder_comment, "reply", reply=instance)
        )
