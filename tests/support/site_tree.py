"""A small multilingual site: an English home on the test client's host with the Toolkit and the
strategy index, each translated into German, Italian and Spanish (copy_for_translation keeps the
slug and translation key, as the demo's translations do)."""

from dataclasses import dataclass, field

from wagtail.models import Locale, Site

from co_design.models import StrategyIndexPage, TrainingProgrammePage

from .factories import (
    ManifestoPageFactory,
    NeedsReviewIndexPageFactory,
    NeedsReviewPageFactory,
    StrategyDraftPageFactory,
    StrategyIndexPageFactory,
    TerritoryFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    finding,
    publish,
    section,
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
    make_default(home)
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


def make_default(home):
    """The test client's site becomes the only and default site (the one imports without a site
    go to), in place of the placeholder site Wagtail's migrations create: page addresses are then
    relative, as on a one-site installation."""
    Site.objects.exclude(root_page=home).delete()
    Site.objects.filter(root_page=home).update(is_default_site=True)


def toolkit_with_module(home=None, territory=None, **module_fields):
    """A live Toolkit with one live module of `territory`, on the test client's (default) site."""
    home = home or publish(site_home())
    make_default(home)
    toolkit = publish(TrainingProgrammePageFactory(parent=home, slug="training-toolkit"))
    module = publish(
        TrainingModulePageFactory(
            parent=toolkit, territory=territory or TerritoryFactory(), **module_fields
        )
    )
    return toolkit, module


def manifesto_with_chapters(home=None, chapters=3, title="The ECCIPA Manifesto"):
    """A live Manifesto whose chapters are live strategies (several sections each, as long as a
    real strategy), beside a strategy that was never published."""
    from co_design.models import ManifestoChapter

    home = home or publish(site_home())
    index = publish(StrategyIndexPageFactory(parent=home, slug="local-strategies"))
    strategies = [
        publish(
            StrategyDraftPageFactory(
                parent=index,
                sections=[
                    section(f"Section {n}", f"<p>What the city of strategy {i} does, step {n}.</p>")
                    for n in range(1, 6)
                ],
            )
        )
        for i in range(1, chapters + 1)
    ]
    unpublished = StrategyDraftPageFactory(parent=index, live=False)
    manifesto = ManifestoPageFactory(parent=home, title=title, slug="manifesto")
    for number, strategy in enumerate(strategies, start=1):
        ManifestoChapter.objects.create(
            page=manifesto, strategy=strategy, summary=f"<p>Chapter {number}: {strategy.title}.</p>"
        )
    return publish(manifesto), strategies, unpublished


# The demo's words for a strategy in each language, enough to tell the languages apart.
STRATEGY_TITLES = {
    "de": "Lokale Strategie: Valdoria",
    "it": "Strategia locale: Valdoria",
    "es": "Estrategia local: Valdoria",
}


@dataclass
class TranslatedActivities:
    tree: SiteTree
    strategy: object
    manifesto: object
    module: object

    def translation(self, page, language):
        return page.get_translation(Locale.objects.get(language_code=language)).specific


def translated_activities(languages=TRANSLATED):
    """A multilingual site with Valdoria's strategy and the Manifesto translated into every
    language, and a Toolkit module (*Working with interpreters*) left in English."""
    from co_design.models import ManifestoChapter

    tree = multilingual_site(languages)
    valdoria = TerritoryFactory(name="Valdoria", slug="valdoria")
    strategy = publish(
        StrategyDraftPageFactory(
            parent=tree.strategies,
            title="Valdoria Local Strategy",
            slug="valdoria-local-strategy",
            territory=valdoria,
            summary="How Valdoria welcomes newcomers.",
        )
    )
    manifesto = ManifestoPageFactory(parent=tree.home, title="The ECCIPA Manifesto")
    ManifestoChapter.objects.create(page=manifesto, strategy=strategy, summary="<p>Valdoria.</p>")
    manifesto = publish(manifesto)
    module = publish(
        TrainingModulePageFactory(
            parent=tree.toolkit,
            title="Working with interpreters",
            slug="working-with-interpreters",
            territory=valdoria,
            summary="Booking, briefing and working with interpreters at the counter.",
        )
    )
    for language in languages:
        translate(strategy, language, title=STRATEGY_TITLES[language])
        translate(manifesto, language, title=f"Manifesto {language}")
    return TranslatedActivities(tree, strategy, manifesto, module)


TERRITORIES = (("Puerto Alba", "puerto-alba"), ("Rheinfeld", "rheinfeld"), ("Valdoria", "valdoria"))


@dataclass
class SmallEccipa:
    """Three territories, each with its live strategy, in the order of TERRITORIES."""

    tree: SiteTree
    territories: dict  # slug -> Territory
    strategies: dict  # territory slug -> live strategy
    manifesto: object
    module: (
        object  # *Working with interpreters*, Valdoria's (Rheinfeld's is *Plain-language letters*)
    )
    needs_review: object  # Valdoria's


def small_eccipa(languages=TRANSLATED):
    """The demo's shape in small: a multilingual site whose English side has three territories'
    strategies as the Manifesto's chapters, their needs reviews and two Toolkit modules."""
    from co_design.models import ManifestoChapter

    tree = multilingual_site(languages)
    territories = {slug: TerritoryFactory(name=name, slug=slug) for name, slug in TERRITORIES}
    strategies = {
        slug: publish(
            StrategyDraftPageFactory(
                parent=tree.strategies,
                title=f"{territory.name} Local Strategy",
                slug=f"{slug}-local-strategy",
                territory=territory,
                summary=f"How {territory.name} welcomes newcomers.",
            )
        )
        for slug, territory in territories.items()
    }
    manifesto = ManifestoPageFactory(parent=tree.home, title="The ECCIPA Manifesto")
    for strategy in strategies.values():
        ManifestoChapter.objects.create(
            page=manifesto, strategy=strategy, summary=f"<p>{strategy.territory.name}.</p>"
        )
    module = publish(
        TrainingModulePageFactory(
            parent=tree.toolkit,
            title="Working with interpreters",
            slug="working-with-interpreters",
            territory=territories["valdoria"],
            summary="Booking, briefing and working with interpreters at the counter.",
        )
    )
    publish(
        TrainingModulePageFactory(
            parent=tree.toolkit,
            title="Plain-language letters",
            slug="plain-language-letters",
            territory=territories["rheinfeld"],
        )
    )
    reviews = publish(NeedsReviewIndexPageFactory(parent=tree.home, slug="needs-review"))
    needs_reviews = {
        slug: publish(
            NeedsReviewPageFactory(
                parent=reviews,
                title=f"{territory.name} Needs Review",
                slug=f"{slug}-needs-review",
                territory=territory,
                findings=[finding("Language barriers at the front desk")],
            )
        )
        for slug, territory in territories.items()
    }
    return SmallEccipa(
        tree, territories, strategies, publish(manifesto), module, needs_reviews["valdoria"]
    )
