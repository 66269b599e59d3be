"""A translation goes through its strategy's review without a consultation of its own: its
stakeholders comment on the source, in the room of every language. A page first written in
another language (a new territory's own draft) is consulted on as usual."""

import pytest
from django.core import mail
from wagtail.models import Locale, TaskState

from co_design.review.models import Consultation
from co_design.review.setup import setup_review

from ..support.factories import StrategyDraftPageFactory, open_consultation, person

pytestmark = pytest.mark.django_db


def translated_parents(page, locale):
    index = page.get_parent().specific
    for parent in (index.get_parent().specific, index):
        parent.copy_for_translation(locale).save_revision().publish()
    setup_review()  # the review workflows of the translated index


def test_a_translation_skips_the_consultation_and_waits_for_editorial_approval():
    source, editor = open_consultation("Welcome")
    italian_locale = Locale.objects.get(language_code="it")
    translated_parents(source, italian_locale)
    person("stakeholder", source.territory, email="nadia@example.org")
    italian = source.copy_for_translation(italian_locale)
    italian.save_revision(user=editor)
    mail.outbox.clear()

    italian.get_workflow().start(italian, editor)

    italian.refresh_from_db()
    assert italian.current_workflow_task.name == "Editorial approval"
    skipped = TaskState.objects.get(workflow_state__object_id=str(italian.pk), status="skipped")
    assert skipped.task.name == "Stakeholder consultation"
    assert not Consultation.objects.filter(page=italian).exists()
    assert mail.outbox == []  # nobody is invited twice
    assert Consultation.objects.get(page=source).is_open()


def test_a_page_first_written_in_german_is_consulted_on():
    source, editor = open_consultation("Welcome")
    german = Locale.objects.get(language_code="de")
    translated_parents(source, german)
    german_index = source.get_parent().specific.get_translation(german)
    own = StrategyDraftPageFactory(parent=german_index, locale=german, title="Lokale Strategie")
    own.save_revision(user=editor)

    own.get_workflow().start(own, editor)

    own.refresh_from_db()
    assert own.current_workflow_task.name == "Stakeholder consultation"
    assert Consultation.objects.get(page=own).is_open()
