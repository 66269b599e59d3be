"""A strategy's public page costs the same SQL queries however many sections link to pages, in
any language, and its links go where Wagtail's `|richtext` would send them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..support.factories import (
    StrategyDraftPageFactory,
    TrainingModulePageFactory,
    publish,
    section,
)
from ..support.site_tree import multilingual_site, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    tree = multilingual_site(("de",))
    modules = [
        publish(TrainingModulePageFactory(parent=tree.toolkit, slug=f"module-{n}"))
        for n in range(12)
    ]
    translate(modules[0], "de", title="Modul 0")
    for count in (2, 12):
        strategy_linking(tree, modules, count)
    return tree, modules


def strategy_linking(tree, modules, count):
    """A live strategy, in English and German, of `count` sections each linking its own module."""
    strategy = publish(
        StrategyDraftPageFactory(
            parent=tree.strategies,
            slug=f"strategy-of-{count}",
            vision=f'<p>See <a linktype="page" id="{modules[0].pk}">the first module</a>.</p>',
            sections=[
                section(f"Section {n}", f'<p><a linktype="page" id="{module.pk}">M{n}</a></p>')
                for n, module in enumerate(modules[:count])
            ],
        )
    )
    translate(strategy, "de", title=f"Strategie {count}")
    return strategy


def queries_to_show(client, url):
    client.get(url)  # the site's root paths, cached from here on
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("language", ["en", "de"])
def test_twelve_linking_sections_cost_what_two_do(client, site, language):
    two = queries_to_show(client, f"/{language}/strategies/strategy-of-2/")
    twelve = queries_to_show(client, f"/{language}/strategies/strategy-of-12/")
    assert two[1].count('<section class="strategy-section"') == 2
    assert twelve[1].count('<section class="strategy-section"') == 12
    assert twelve[0] == two[0]


def test_links_lead_to_the_live_translation_in_the_reader_language(client, site):
    tree, modules = site
    strategy_linking(tree, modules, 3)
    _, english = queries_to_show(client, "/en/strategies/strategy-of-3/")
    _, german = queries_to_show(client, "/de/strategies/strategy-of-3/")
    assert '<a href="/en/toolkit/module-0/">the first module</a>' in english
    assert '<a href="/en/toolkit/module-0/">M0</a>' in english
    assert '<a href="/de/toolkit/module-0/">the first module</a>' in german
    assert '<a href="/de/toolkit/module-0/">M0</a>' in german
    # Not translated: the English module.
    assert '<a href="/en/toolkit/module-2/">M2</a>' in german
