"""Editors translate in wagtail-localize's editor: *Translate this page*, the segment editor,
the PO file of a translation downloaded and uploaded again, the source's block ids kept."""

import json

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from ..support.factories import TerritoryFactory, person
from .helpers import english_strategy, locale, translate_in_admin

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def editor_props(response):
    editor = BeautifulSoup(response.content, "html.parser").find(class_="js-translation-editor")
    return json.loads(editor["data-props"])


def test_an_editor_translates_a_strategy_of_their_territory_in_the_segment_editor(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)

    (german,) = translate_in_admin(client, strategy, "de")

    assert german.locale.language_code == "de" and not german.live
    response = client.get(edit_url(german))
    assert response.status_code == 200
    # wagtail-localize's translation editor, with the source's segments to translate
    props = editor_props(response)
    sources = [segment["source"] for segment in props["segments"] if segment["type"] == "string"]
    assert "A welcoming front desk" in sources
    assert props["object"]["isLive"] is False


def test_an_editor_of_another_territory_cannot_open_the_translation(client):
    strategy, editor = english_strategy()
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")
    client.force_login(person("editor", TerritoryFactory()))

    assert client.get(edit_url(german)).status_code in (302, 403)
    translation = Translation.objects.get(target_locale=locale("de"))
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = client.get(download)
    assert response.status_code in (302, 403) and b"msgid" not in response.content


def test_a_stakeholder_cannot_submit_a_page_for_translation(client):
    strategy, _editor = english_strategy()
    client.force_login(person("stakeholder", strategy.territory))

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[strategy.pk]),
        {"locales": [locale("de").pk]},
    )

    assert response.status_code in (302, 403)
    assert strategy.get_translation_or_none(locale("de")) is None


def test_a_po_file_downloaded_translated_and_uploaded_fills_the_translation(client):
    strategy, editor = english_strategy("A welcoming front desk", "Interpreters on call")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")
    translation = Translation.objects.get(target_locale=locale("de"))

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert {"Welcoming city strategy", "A welcoming front desk"} <= {e.msgid for e in po}
    german_texts = {
        "Welcoming city strategy": "Strategie der einladenden Stadt",
        "A welcoming front desk": "Ein einladender Empfang",
    }
    for entry in po:
        entry.msgstr = german_texts.get(entry.msgid, "")
    upload_url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    upload = client.post(
        f"{upload_url}?next={edit_url(german)}",
        {"file": SimpleUploadedFile("de.po", str(po).encode(), "text/x-gettext-translation")},
    )
    assert upload.status_code == 302

    stored = StringTranslation.objects.filter(locale=locale("de"))
    assert {row.data for row in stored} == set(german_texts.values())
    assert {row.last_translated_by for row in stored} == {editor}
    translation.save_target(user=editor, publish=False)
    german.refresh_from_db()
    draft = german.get_latest_revision_as_object()
    assert draft.title == "Strategie der einladenden Stadt"
    headings = [block.value["heading"] for block in draft.sections]
    # the segment without a translation shows the source text
    assert headings == ["Ein einladender Empfang", "Interpreters on call"]


def test_a_translation_keeps_the_block_ids_of_its_source(client):
    strategy, editor = english_strategy("A welcoming front desk", "Interpreters on call")
    client.force_login(editor)

    translations = translate_in_admin(client, strategy, "de", "it", "es")

    ids = [block.id for block in strategy.sections]
    for translated in translations:
        assert [block.id for block in translated.sections] == ids
        Translation.objects.get(target_locale=translated.locale).save_target(publish=False)
        translated.refresh_from_db()
        latest = translated.get_latest_revision_as_object()
        assert [block.id for block in latest.sections] == ids


def test_the_translation_editor_cannot_publish_a_strategy_outside_its_review(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")

    for user in (editor, person("moderator")):
        client.force_login(user)
        client.post(edit_url(german), {"action": "publish"})
        german.refresh_from_db()
        assert not german.live, user
