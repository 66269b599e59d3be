"""An English strategy of one territory, its editor, and its translations made as an editor
makes them in the admin (wagtail-localize's *Translate this page*)."""

from django.urls import reverse
from wagtail.models import Locale

from co_design.models import StrategyDraftPage
from co_design.review.setup import setup_review

from ..support.factories import (
    StrategyDraftPageFactory,
    TerritoryFactory,
    person,
    publish,
    section,
    site_home,
)


def locale(language):
    return Locale.objects.get(language_code=language)


def english_strategy(*headings):
    """A published English strategy and its territory's editor."""
    territory = TerritoryFactory()
    strategy = publish(
        StrategyDraftPageFactory(
            parent__parent=site_home(),
            territory=territory,
            title="Welcoming city strategy",
            sections=[section(heading) for heading in headings or ("A welcoming front desk",)],
        )
    )
    setup_review()  # editing rights of the territory's editors, the review workflow
    return StrategyDraftPage.objects.get(pk=strategy.pk), person("editor", territory)


def translate_in_admin(client, page, *languages):
    """*Translate this page* into `languages`, as the signed-in user of `client`; the
    translations of `page`."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(language).pk for language in languages]},
    )
    assert response.status_code == 302, response.content[:2000]
    return [page.get_translation(locale(language)).specific for language in languages]
