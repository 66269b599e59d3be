from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import CommentReply
from wagtail.signals import page_published

from .models import NeedsReviewPage, StakeholderComment, StrategyDraftPage, TrainingModulePage
from .notifications import notify_comment_author
from .roles import grant_territory_editing


@receiver(page_published, sender=NeedsReviewPage)
def index_published_findings(sender, instance, **kwargs):
    instance.index_findings()


def territory_pages_follow_their_territory(sender, instance, created, update_fields, **kwargs):
    """Rights follow the territory: grant them when a page is created or its territory changes."""
    if created or update_fields is None or "territory" in update_fields:
        grant_territory_editing(instance)


for model in (NeedsReviewPage, StrategyDraftPage, TrainingModulePage):
    post_save.connect(territory_pages_follow_their_territory, sender=model)


@receiver(post_save, sender=CommentReply)
def tell_the_commenter_about_a_reply(sender, instance, created, **kwargs):
    """Replies come from the room and from the page editor's comment sidebar alike."""
    if not created or instance.comment.user_id == instance.user_id:
        return
    record = StakeholderComment.objects.filter(comment_id=instance.comment_id).first()
    if record is not None:
        transaction.on_commit(lambda: notify_comment_author(record, "reply", reply=instance))
