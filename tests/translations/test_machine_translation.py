"""Machine translation is off unless a setting names a service; with one, the translation editor
fills the untranslated segments, marked as machine-made (wagtail-localize's DummyTranslator in
tests: no network)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from cms.settings.base import machine_translator_from

from .helpers import english_strategy, locale, translate_in_admin

pytestmark = pytest.mark.django_db

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def test_no_machine_translator_unless_the_environment_names_one():
    assert machine_translator_from({}) is None
    deepl = machine_translator_from({"ECCIPA_MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "k"})
    assert deepl["CLASS"].endswith("DeepLTranslator")
    assert deepl["OPTIONS"] == {"AUTH_KEY": "k", "FORMALITY": "prefer_more"}
    libre = machine_translator_from(
        {"ECCIPA_MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "https://lt.example/"}
    )
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://lt.example"


@pytest.mark.parametrize(
    "environ",
    [
        {"ECCIPA_MACHINE_TRANSLATOR": "deepl"},
        {"ECCIPA_MACHINE_TRANSLATOR": "libretranslate"},
        {"ECCIPA_MACHINE_TRANSLATOR": "babelfish"},
    ],
)
def test_a_machine_translator_without_its_key_or_address_refuses_to_start(environ):
    with pytest.raises(ImproperlyConfigured):
        machine_translator_from(environ)


def machine_translate(client, page):
    translation = Translation.objects.get(source__object_id=page.translation_key)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(f"{url}?next={edit}")


def test_by_default_the_editor_offers_no_machine_translation(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")

    assert machine_translate(client, german).status_code == 404
    assert not StringTranslation.objects.exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_with_a_machine_translator_the_untranslated_segments_are_filled_and_marked(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")

    response = machine_translate(client, german)

    assert response.status_code == 302
    heading = StringTranslation.objects.get(
        translation_of__data="A welcoming front desk", locale=locale("de")
    )
    # The dummy service reverses the words.
    assert heading.data == "desk front welcoming A"
    assert heading.translation_type == "machine"
    assert heading.last_translated_by == editor
