"""`manage.py adopt_translations`: a translation made before wagtail-localize (copied from its
source and written by hand) is taken into it with its own text, so that *Sync* rebuilds it in
German rather than in English; a second run adopts nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail_localize.models import Translation

from co_design.models import StrategyDraftPage

from .helpers import english_strategy, locale

pytestmark = pytest.mark.django_db


def hand_made_german(strategy):
    """The German translation as copy_for_translation made them, written by hand."""
    german_locale = locale("de")
    for parent in strategy.get_ancestors().filter(depth__gt=1).specific():
        if parent.get_translation_or_none(german_locale) is None:
            parent.copy_for_translation(german_locale).save_revision().publish()
    german = strategy.copy_for_translation(german_locale)
    german.title = "Strategie der einladenden Stadt"
    german.sections[0].value["heading"] = "Ein einladender Empfang"
    german.save()
    german.save_revision()
    return german


def run():
    out = io.StringIO()
    call_command("adopt_translations", stdout=out)
    return out.getvalue()


def test_a_hand_made_translation_keeps_its_text_through_a_sync():
    strategy, _editor = english_strategy("A welcoming front desk")
    german = hand_made_german(strategy)

    output = run()

    assert f"de {german.url_path}:" in output
    translation = Translation.objects.get(
        source__object_id=strategy.translation_key, target_locale=locale("de")
    )
    # What a sync does: rebuild the page from the source's segments and their translations.
    translation.save_target(publish=False)
    synced = StrategyDraftPage.objects.get(pk=german.pk).get_latest_revision_as_object()
    assert synced.title == "Strategie der einladenden Stadt"
    assert synced.sections[0].value["heading"] == "Ein einladender Empfang"
    assert synced.sections[0].id == strategy.sections[0].id

    assert run().strip().endswith("0 translations adopted.")
