"""Which translation of a page the API serves: the first locale of the requested locale's
fallback chain (settings.ECCIPA_GRAPHQL["LOCALE_FALLBACKS"]) that has the page live and public."""

from django.conf import settings
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import Page

from co_design.graphql_api.errors import ApiError, ErrorCode


def fallback_chain(language_code):
    chains = settings.ECCIPA_GRAPHQL["LOCALE_FALLBACKS"]
    if language_code not in chains:
        raise ApiError(ErrorCode.INVALID_LOCALE, locale=language_code, allowed=", ".join(chains))
    return tuple(chains[language_code])


def best_translations(pages, chain):
    """Of each page in `pages` (a live, public queryset), only its translation in the earliest
    locale of `chain`: pages whose translation key has a better candidate are left out."""
    condition = Q(pk__in=[])
    for position, language_code in enumerate(chain):
        here = Q(locale__language_code=language_code)
        if position:
            better = pages.filter(locale__language_code__in=chain[:position])
            here &= ~Q(translation_key__in=better.values("translation_key"))
        condition |= here
    return pages.filter(condition)


def by_chain_position(pages, chain):
    """Order candidates so that the earliest locale of the chain comes first."""
    rank = Case(
        *[When(locale__language_code=code, then=Value(i)) for i, code in enumerate(chain)],
        default=Value(len(chain)),
        output_field=IntegerField(),
    )
    return pages.annotate(locale_rank=rank).order_by("locale_rank", "path")


def in_tree_order(pages):
    """In the order editors gave the pages in the default locale's tree (translations live in
    trees of their own, whose order would otherwise differ from one locale to the next)."""
    original = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    ).values("path")[:1]
    return pages.annotate(tree_position=Coalesce(Subquery(original), F("path"))).order_by(
        "tree_position", "pk"
    )
