"""What editors and moderators see at a glance, the reminders, and the demo consultation."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import CommentReply

from co_design.models import CommentFlag, Consultation, FlagStatus, StakeholderComment

from ..support.review_helpers import client_for
from ..support.room_helpers import valdoria

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def test_the_demo_consultation_has_comments_replies_decisions_and_a_flag():
    page = valdoria()
    records = StakeholderComment.objects.filter(wagtail_comment__page=page)
    assert records.values("organisation_type").distinct().count() >= 3
    assert CommentReply.objects.filter(comment__page=page).count() >= 2
    assert records.exclude(decision="").count() >= 2
    assert CommentFlag.objects.filter(
        stakeholder_comment__in=records, status=FlagStatus.WAITING
    ).exists()
    assert records.filter(agreements__isnull=False).distinct().count() >= 2


def test_the_dashboard_shows_open_consultations_days_left_and_who_commented():
    html = client_for("editor-it").get("/admin/").content.decode()
    panel = html.split('id="eccipa-consultations-heading"')[1].split("</section>")[0]
    assert "Valdoria Local Strategy for Integration" in panel
    assert "14 days left" in panel or "13 days left" in panel
    assert "Comments per section" in panel and "Knowledge that stays" in panel
    assert "Migrant association" in panel and "NGO" in panel


def test_moderators_see_the_flags_waiting_on_the_dashboard():
    html = client_for("moderator").get("/admin/").content.decode()
    assert "1 flagged comment waiting" in html


def test_the_dashboard_shows_editors_only_their_territory():
    html = client_for("editor-de").get("/admin/").content.decode()
    panel = html.split('id="eccipa-consultations-heading"')[1].split("</section>")[0]
    assert "Valdoria" not in panel
    assert "No consultation is open." in panel


def test_stakeholders_are_reminded_once_two_days_before_closing():
    consultation = Consultation.objects.for_page(valdoria()).get()
    consultation.closes_at = timezone.now() + timedelta(days=1, hours=12)
    consultation.save()

    call_command("send_consultation_reminders", stdout=StringIO())
    call_command("send_consultation_reminders", stdout=StringIO())

    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == [
        "stakeholder-association@example.org",
        "stakeholder-ngo-it@example.org",
        "stakeholder-school-it@example.org",
    ]
    assert mail.outbox[0].subject.startswith("Mancano due giorni per commentare")  # Italian
    consultation.refresh_from_db()
    assert consultation.reminder_sent_at is not None


def test_no_reminder_while_the_closing_date_is_far():
    call_command("send_consultation_reminders", stdout=StringIO())
    assert mail.outbox == []
