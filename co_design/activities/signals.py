"""What the activities' pages do on their own when they change."""

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.signals import page_published

from co_design.access.roles import grant_territory_editing


def index_published_findings(sender, instance, **kwargs):
    instance.index_findings()


def territory_pages_follow_their_territory(sender, instance, created, update_fields, **kwargs):
    """Rights follow the territory: grant them when a page is created or its territory changes."""
    if created or update_fields is None or "territory" in update_fields:
        grant_territory_editing(instance)


def connect():
    """Each page class declares what it needs: `indexes_findings_on_publish`, and
    `edited_by_its_territory` (its territory's editors get page rights on it)."""
    for model in apps.get_app_config("co_design").get_models():
        if getattr(model, "indexes_findings_on_publish", False):
            page_published.connect(index_published_findings, sender=model)
        if getattr(model, "edited_by_its_territory", False):
            post_save.connect(territory_pages_follow_their_territory, sender=model)
