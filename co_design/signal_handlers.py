from django.dispatch import receiver
from wagtail.signals import page_published

from .models import NeedsReviewPage


@receiver(page_published, sender=NeedsReviewPage)
def index_published_findings(sender, instance, **kwargs):
    instance.index_findings()
