"""What editors and moderators see at a glance, and the reminders."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from co_design.models import Consultation

from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_open_consultations_days_left_and_who_commented(room):
    html = signed_in(room.editor).get("/admin/").content.decode()
    panel = html.split('id="eccipa-consultations-heading"')[1].split("</section>")[0]
    assert "Valdoria Local Strategy for Integration" in panel
    assert "14 days left" in panel or "13 days left" in panel
    assert "Comments per section" in panel and "Knowledge that stays" in panel
    assert "Migrant association" in panel and "NGO" in panel


def test_moderators_see_the_flags_waiting_on_the_dashboard(room):
    html = signed_in(room.moderator).get("/admin/").content.decode()
    assert "1 flagged comment waiting" in html


def test_the_dashboard_shows_editors_only_their_territory(room):
    html = signed_in(room.other_editor).get("/admin/").content.decode()
    panel = html.split('id="eccipa-consultations-heading"')[1].split("</section>")[0]
    assert "Valdoria" not in panel
    assert "No consultation is open." in panel


def test_stakeholders_are_reminded_once_two_days_before_closing(room):
    consultation = Consultation.objects.for_page(room.page).get()
    consultation.closes_at = timezone.now() + timedelta(days=1, hours=12)
    consultation.save()

    call_command("send_consultation_reminders", stdout=StringIO())
    call_command("send_consultation_reminders", stdout=StringIO())

    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == sorted(user.email for user in (room.association, room.ngo, room.school))
    assert mail.outbox[0].subject.startswith("Mancano due giorni per commentare")  # Italian
    consultation.refresh_from_db()
    assert consultation.reminder_sent_at is not None


def test_no_reminder_while_the_closing_date_is_far(room):
    call_command("send_consultation_reminders", stdout=StringIO())
    assert mail.outbox == []
