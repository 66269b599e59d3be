"""The API says, for a translated page, whether it is up to date with its source and which
source revision it was last synced from."""

import pytest
from wagtail_localize.models import Translation

from co_design.models import StrategyDraftPage

from ..support.factories import publish
from ..support.graphql_support import data_of
from .helpers import english_strategy, locale, translate_in_admin

pytestmark = pytest.mark.django_db

QUERY = """query ($slug: String!, $locale: String!) { strategy(slug: $slug, locale: $locale) {
  locale translationUpToDate translatedFromRevision { id pageId createdAt } } }"""


def strategy_in(slug, language):
    return data_of(QUERY, slug=slug, locale=language)["strategy"]


def test_a_translation_says_whether_it_is_up_to_date_with_its_source(client):
    strategy, editor = english_strategy("A welcoming front desk")
    client.force_login(editor)
    (german,) = translate_in_admin(client, strategy, "de")
    translation = Translation.objects.get(target_locale=locale("de"))
    translation.save_target(user=editor, publish=False)
    publish(german)
    first_edition = strategy.live_revision

    assert strategy_in(strategy.slug, "en")["translationUpToDate"] is None
    assert strategy_in(strategy.slug, "en")["translatedFromRevision"] is None
    answer = strategy_in(strategy.slug, "de")
    assert answer["locale"] == "de" and answer["translationUpToDate"] is True
    assert answer["translatedFromRevision"]["id"] == str(first_edition.pk)
    assert answer["translatedFromRevision"]["pageId"] == str(strategy.pk)

    strategy.sections[0].value["heading"] = "A welcoming front desk, open on Saturdays"
    publish(strategy)
    stale = strategy_in(strategy.slug, "de")
    assert stale["translationUpToDate"] is False
    assert stale["translatedFromRevision"]["id"] == str(first_edition.pk)

    translation.source.update_from_db()  # the translator's *Sync translated pages*
    synced = strategy_in(strategy.slug, "de")
    assert synced["translationUpToDate"] is True
    second_edition = StrategyDraftPage.objects.get(pk=strategy.pk).live_revision
    assert synced["translatedFromRevision"]["id"] == str(second_edition.pk)
