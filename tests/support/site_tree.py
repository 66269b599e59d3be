"""Small sites in the demo's shape, for tests that need a site rather than a page or two: an
English home on the test client's host (its only site) with the Toolkit and the strategy index,
each translated into German, Italian and Spanish (copy_for_translation keeps the slug and
translation key, as the demo's translations do); on it, three territories' strategies and the
Manifesto (small_eccipa), or a live page of every public type (every_page_type). Build them once
per module with tests/support/module_data.built_once: they take seconds."""

import functools
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Locale, Site

from co_design.models import StrategyIndexPage, TrainingProgrammePage

from .factories import (
    ManifestoPageFactory,
    NeedsReviewIndexPageFactory,
    NeedsReviewPageFactory,
    RoundTablePageFactory,
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
        toolkit=publish(
            TrainingProgrammePageFactory(parent=home, slug="toolkit", show_in_menus=True)
        ),
        strategies=publish(
            StrategyIndexPageFactory(parent=home, slug="strategies", show_in_menus=True)
        ),
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
    reviews = publish(
        NeedsReviewIndexPageFactory(parent=tree.home, slug="needs-review", show_in_menus=True)
    )
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


ACTIVITY_TITLES = {
    "needs": "Needs Review",
    "toolkit": "Co-design of the Training Programme",
    "strategies": "Integration Strategies",
}


@dataclass
class EveryPageType:
    eccipa: SmallEccipa
    round_tables: object
    round_table: object
    take_part: object
    information: dict  # footer role -> English page


def public_pages(home):
    """*Take part* and the footer's information pages, in every language of the site, with the
    texts the demo gives them (titles translated by the demo's catalogues, its own slug in each
    language)."""
    from co_design.demo.data import public_pages as texts
    from co_design.demo.languages import link_addresses
    from co_design.public.pages import InformationPage, TakePartPage

    english = texts.TAKE_PART
    take_part = TakePartPage(
        title=english["title"],
        slug=english["slug"],
        show_in_menus=True,
        introduction=english["introduction"],
        how_to_take_part=english["how_to_take_part"],
        invitation_email=texts.INVITATION_EMAIL,
    )
    home.add_child(instance=take_part)
    publish(take_part)
    pages = [(take_part, english["title"])]
    information = {}
    for role, title, slug, body in texts.INFORMATION:
        page = InformationPage(title=title, slug=slug, body=link_addresses(body), footer_role=role)
        home.add_child(instance=page)
        information[role] = publish(page)
        pages.append((page, title))
    for page, title in pages:
        for language, slug in texts.SLUGS[page.slug].items():
            if home.get_translation_or_none(_locale(language)):
                translate(
                    page, language, title=demo_catalogue(language).get(title, title), slug=slug
                )
    return take_part, information


@functools.cache
def demo_catalogue(language):
    """{English text: translation} of the demo's catalogue co_design/demo/data/translations/."""
    import polib

    from co_design.demo.data import __file__ as data_module

    path = Path(data_module).parent / "translations" / f"{language}.po"
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def _locale(language):
    return Locale.objects.get(language_code=language)


def every_page_type(languages=TRANSLATED):
    """A live page of every public page type on a small multilingual site (small_eccipa), with
    the home page's three activity cards, round tables and the public pages; Rheinfeld's
    strategy builds on its needs review's finding and lists an action."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from co_design.models import RoundTableIndexPage
    from co_design.models import StrategyDraftPage as Strategy

    site = small_eccipa(languages)
    home = site.tree.home
    reviews = site.needs_review.get_parent().specific
    home.activities = [
        ("activity", {"title": title, "text": f"<p>{title}.</p>", "page": page})
        for title, page in [
            (ACTIVITY_TITLES["needs"], reviews),
            (ACTIVITY_TITLES["toolkit"], site.tree.toolkit),
            (ACTIVITY_TITLES["strategies"], site.tree.strategies),
        ]
    ]
    home.save()
    publish(home)
    for pages in site.tree.translations.values():  # as copy_for_translation would copy them
        translated = type(home).objects.get(pk=pages["home"].pk)  # numchild has changed since
        translated.activities = home.activities
        translated.save()
        pages["home"] = publish(translated)

    review = site.needs_review
    review.interviews, review.focus_groups = 19, 3
    review.participants.create(organisation_type="migrant_association", count=4)
    review.report = get_document_model().objects.create(
        title="Valdoria needs review report", file=ContentFile(b"%PDF-1.4\n", name="report.pdf")
    )
    review.save()
    publish(review)

    rheinfeld_review = review.get_siblings().type(type(review)).get(slug="rheinfeld-needs-review")
    finding_id = rheinfeld_review.specific.indexed_findings.get().pk
    rheinfeld = Strategy.objects.get(pk=site.strategies["rheinfeld"].pk)
    body = section("Interpreters at the counter", findings=[finding_id])
    body["value"]["actions"] = [
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": {
                "action": "Book interpreters through one city contract",
                "responsible_body": "Citizens' office",
                "timeline": "2025",
                "indicator": "Bookings per month",
            },
        }
    ]
    rheinfeld.sections = [body]
    rheinfeld.save()
    site.strategies["rheinfeld"] = publish(rheinfeld)

    round_tables = RoundTableIndexPage(
        title="Round tables", slug="round-tables", show_in_menus=True
    )
    home.add_child(instance=round_tables)
    publish(round_tables)
    round_table = publish(RoundTablePageFactory(parent=round_tables, slug="first-round-table"))
    take_part, information = public_pages(home)
    return EveryPageType(site, round_tables, round_table, take_part, information)
