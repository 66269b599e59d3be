from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import NeedsReviewPage, StrategyDraftPage, TrainingModulePage
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
