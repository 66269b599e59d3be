"""How the root fields find their pages: live and public, in the best locale of the chain.

Every page queryset starts from `.live().public()`: a page's row holds its published content
(drafts, including the newer draft of a page in a workflow, live in revisions, which the API
never reads), and view restrictions exclude private pages and their descendants.
"""

from django.db.models import F
from django.utils.translation import gettext as _

from co_design.activities.manifesto import ManifestoPage
from co_design.activities.needs_review import NeedsReviewPage
from co_design.activities.strategies import StrategyDraftPage
from co_design.activities.training import TrainingModulePage
from co_design.graphql_api.errors import ApiError, ErrorCode
from co_design.graphql_api.loaders import public
from co_design.graphql_api.locales import best_translations, by_chain_position, in_tree_order
from co_design.territories import Territory


def live(model, loaders=None):
    """`loaders`: those of the answer, which read the private sections once (see public())."""
    return public(model.objects.live(), loaders).select_related("locale")


def with_chain(objects, chain):
    for obj in objects:
        obj.api_chain = chain
    return objects


def not_found(kind, lookup):
    return ApiError(ErrorCode.NOT_FOUND, kind=kind, lookup=lookup)


def find_page(pages, chain, **lookup):
    """The best translation of the live, public page the lookup finds (in any content locale):
    a lookup by the slug or id of a draft, unpublished or private page finds nothing."""
    anchors = pages.filter(**lookup).values("translation_key")
    candidates = best_translations(pages, chain).filter(translation_key__in=anchors)
    page = by_chain_position(candidates, chain).first()
    if page is not None:
        page.api_chain = chain
    return page


def list_pages(pages, chain):
    return with_chain(list(in_tree_order(best_translations(pages, chain))), chain)


# What the answer will need, announced to the loaders as pages are loaded (see loaders.py).


def linked_texts(value):
    """The strings with links in stored JSON (walked without recursion: this runs over every
    block of the answer). Only containers are stacked, and JSON's own types are told apart by
    `type`: most items are short strings, tested where they are met."""
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is dict:
            item = item.values()
        elif kind is not list:
            if isinstance(item, str):
                if "linktype=" in item:
                    yield item
                continue
            if isinstance(item, dict):
                item = item.values()
            elif not isinstance(item, list):
                continue
        for child in item:
            kind = type(child)
            if kind is str:
                if "linktype=" in child:
                    yield child
            elif kind is dict or kind is list or not (kind is int or child is None):
                pending.append(child)


def announce_rich_text(context, chain, *sources):
    for source in sources:
        for text in linked_texts(source):
            context.rich_text.want(text, chain)


def announce_strategies(context, strategies):
    loaders = context.loaders
    context.pages.update(strategy.pk for strategy in strategies)
    for strategy in strategies:
        chain = strategy.api_chain
        sections = list(strategy.sections.raw_data)
        announce_rich_text(context, chain, strategy.vision, sections)
        loaders.findings.want(
            (chain, int(pk))
            for raw in sections
            for pk in (raw.get("value") or {}).get("findings", [])
        )
        loaders.strategy_findings.want([strategy.pk])
        loaders.comments.want([strategy.translation_key])


def announce_modules(context, modules):
    context.pages.update(module.pk for module in modules)
    for module in modules:
        announce_rich_text(context, module.api_chain, list(module.activities.raw_data))
        context.loaders.module_findings.want([module.pk])
        context.loaders.documents.want(
            raw["value"].get("document")
            for raw in module.resources.raw_data
            if raw.get("type") == "document" and raw.get("value")
        )


def announce_reviews(context, reviews):
    context.pages.update(review.pk for review in reviews)
    for review in reviews:
        announce_rich_text(
            context, review.api_chain, review.summary, list(review.findings.raw_data)
        )


# The root fields


def strategies_queryset(loaders=None):
    return live(StrategyDraftPage, loaders).select_related("territory")


def modules_queryset():
    return live(TrainingModulePage).prefetch_related("competences")


def reviews_queryset():
    return (
        live(NeedsReviewPage).select_related("territory", "report").prefetch_related("participants")
    )


def manifesto(context, chain):
    page = find_page(live(ManifestoPage, context.loaders), chain)
    if page is None:
        raise not_found(_("manifesto"), _("this locale"))
    page.api_chapters = manifesto_chapters(page, chain, context.loaders)
    context.pages.add(page.pk)
    announce_rich_text(
        context,
        chain,
        page.introduction,
        page.sign_off_statement,
        list(page.principles.raw_data),
        list(page.recommendations.raw_data),
        [chapter.summary for chapter in page.api_chapters],
    )
    context.loaders.signatures.want([page.live_revision_id])
    announce_strategies(context, [chapter.live_strategy for chapter in page.api_chapters])
    return page


def manifesto_chapters(page, chain, loaders=None):
    """Chapters in order, each with the best live, public translation of its strategy: in two
    queries whatever the number of chapters. A translated manifesto's chapters still point at
    the strategies of the original, hence the match on translation keys."""
    chapters = list(
        page.chapters.annotate(strategy_key=F("strategy__translation_key")).order_by("sort_order")
    )
    strategies = best_translations(strategies_queryset(loaders), chain).filter(
        translation_key__in=[chapter.strategy_key for chapter in chapters if chapter.strategy_key]
    )
    by_key = {strategy.translation_key: strategy for strategy in strategies}
    published = []
    for chapter in chapters:
        strategy = by_key.get(chapter.strategy_key)
        if strategy is None:
            continue
        chapter.api_chain = strategy.api_chain = chain
        chapter.live_strategy = strategy
        chapter.number = len(published) + 1
        published.append(chapter)
    return published


def strategy(context, chain, slug=None, pk=None):
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    page = find_page(strategies_queryset(context.loaders), chain, **lookup)
    if page is None:
        raise not_found(_("strategy"), ", ".join(f"{k}={v}" for k, v in lookup.items()))
    announce_strategies(context, [page])
    return page


def strategies(context, chain):
    pages = list_pages(strategies_queryset(context.loaders), chain)
    announce_strategies(context, pages)
    return pages


def training_module(context, chain, slug):
    page = find_page(modules_queryset(), chain, slug=slug)
    if page is None:
        raise not_found(_("training module"), f"slug={slug}")
    announce_modules(context, [page])
    return page


def needs_reviews(context, chain):
    pages = list_pages(reviews_queryset(), chain)
    announce_reviews(context, pages)
    return pages


def territories(chain):
    return with_chain(list(Territory.objects.all()), chain)
