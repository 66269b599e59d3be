"""A small multilingual site: an English home on the test client's host with the Toolkit and the
strategy index, each translated into German, Italian and Spanish (copy_for_translation keeps the
slug and translation key, as the demo's translations do)."""

from dataclasses import dataclass, field

from wagtail.models import Locale

from co_design.models import StrategyIndexPage, TrainingProgrammePage

from .factories import (
    StrategyIndexPageFactory,
    TrainingProgrammePageFactory,
    publish,
    site_home,
)

TRANSLATED = ("de", "it", "es")


@dataclass
class SiteTree:
    home: object
    toolkit: TrainingProgrammePage
    strategies: StrategyIndexPage
    translations: dict = field(default_factory=dict)  # language -> {"home": …, …}

    def page(self, name, language="en"):
        return getattr(self, name) if language == "en" else self.translations[language][name]


def translate(page, language, **fields):
    """The page's translation into `language`, published, with `fields` in that language."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=language)).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


def multilingual_site(languages=TRANSLATED):
    """The English home, the Toolkit and the strategy index, translated into `languages`."""
    home = publish(site_home())
    tree = SiteTree(
        home=home,
        toolkit=publish(TrainingProgrammePageFactory(parent=home, slug="training-toolkit")),
        strategies=publish(StrategyIndexPageFactory(parent=home, slug="local-strategies")),
    )
    for language in languages:
        tree.translations[language] = {
            name: translate(
                tree.page(name), language, title=f"{tree.page(name).title} ({language})"
            )
            for name in ("home", "toolkit", "strategies")
        }
    return tree
