"""An e-mail about a draft names it and links to its room in the recipient's language: the
Italian translation's title and room for a stakeholder who reads Italian, the source's for one who
reads English (and for every language the draft has no translation in)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from co_design.notifications.emails import notify_consultation_opened
from co_design.review.models import Consultation

from ..support.factories import open_consultation, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy():
    page, _ = open_consultation("Welcome")
    italian = Locale.objects.get(language_code="it")
    index = page.get_parent().specific
    for parent in (index.get_parent().specific, index):
        parent.copy_for_translation(italian).save_revision().publish()
    translated = page.copy_for_translation(italian)
    translated.title = "Strategia locale di accoglienza"
    translated.save()
    translated.save_revision()
    return page, translated


def reader(page, language, name):
    user = person("stakeholder", page.territory, first_name=name, email=f"{name}@example.org")
    user.profile.language = language
    user.profile.save()
    return user


def room(language, page):
    with translation.override(language):
        return "http://testserver" + reverse("consultation_room", args=[page.pk])


def test_the_opening_e_mail_names_and_links_the_draft_in_each_readers_language(strategy, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    source, italian = strategy
    for language, name in [("it", "giulia"), ("en", "emma"), ("de", "dora")]:
        reader(source, language, name)
    mail.outbox.clear()

    notify_consultation_opened(Consultation.objects.get(page=source))

    sent = {message.to[0]: message for message in mail.outbox}
    giulia, emma, dora = (sent[f"{n}@example.org"] for n in ("giulia", "emma", "dora"))
    assert "Strategia locale di accoglienza" in giulia.subject
    assert room("it", italian) in giulia.body
    assert source.title in emma.subject
    assert room("en", source) in emma.body
    # No German translation: the source's title, its room in German.
    assert source.title in dora.subject
    assert room("de", source) in dora.body
