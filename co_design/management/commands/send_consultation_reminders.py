from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from co_design.notifications.emails import notify_consultation_closing
from co_design.review.models import Consultation


class Command(BaseCommand):
    help = (
        "E-mail the invited stakeholders of every consultation that closes within two days, "
        "once per consultation. Run it every hour (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        closing = Consultation.objects.open(now).filter(
            closes_at__lte=now + timedelta(days=2), reminder_sent_at__isnull=True
        )
        for consultation in closing.select_related("page"):
            # Mark first: a crash while sending must not send the reminder twice later.
            updated = Consultation.objects.filter(
                pk=consultation.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if updated:
                notify_consultation_closing(consultation)
                self.stdout.write(f"Reminded: {consultation.page.title}")
