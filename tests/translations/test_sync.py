"""A translation is out of date once its source is published again, says so to its translator,
and is up to date again after *Sync translated pages*."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from co_design.models import StrategyDraftPage
from co_design.translations.freshness import freshness_of

from ..support.factories import publish
from .helpers import english_strategy, locale, translate_in_admin

pytestmark = pytest.mark.django_db


def test_source_edit_marks_the_translation_out_of_date_until_it_is_synced(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")
    first_edition = strategy.live_revision
    assert freshness_of(german).up_to_date
    assert freshness_of(german).source_revision == first_edition
    assert freshness_of(strategy) is None  # the source is no translation

    strategy.sections[0].value["heading"] = "A welcoming front desk, open on Saturdays"
    publish(strategy)

    stale = freshness_of(german)
    assert not stale.up_to_date
    assert stale.source_revision == first_edition
    notice = client.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))
    assert "This translation is out of date" in notice.content.decode()

    source = Translation.objects.get(target_locale=locale("de")).source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 302

    synced = freshness_of(german)
    assert synced.up_to_date
    assert synced.source_revision == StrategyDraftPage.objects.get(pk=strategy.pk).live_revision
    quiet = client.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))
    assert "This translation is out of date" not in quiet.content.decode()
    # The new heading is a segment to translate; nothing was translated for the translator.
    strings = source.stringsegment_set.values_list("string__data", flat=True)
    assert "A welcoming front desk, open on Saturdays" in strings
    assert not StringTranslation.objects.exists()
