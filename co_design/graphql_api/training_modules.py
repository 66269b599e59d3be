"""`trainingModules`: the Toolkit's modules as a Relay connection, filtered and sorted.

Cursors are opaque to clients (base64 of a position in the filtered, sorted list). Sorting is
only by the fields of TrainingModuleSortField, each with the page id as tie-breaker so that
pages never repeat or go missing between two pages of results.
"""

import base64
import binascii

import graphene
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from co_design.activities.training import TrainingModulePage
from co_design.graphql_api.enums import DeliveryFormat
from co_design.graphql_api.errors import ApiError, ErrorCode
from co_design.graphql_api.limits import MAX_ID, parse_id
from co_design.graphql_api.locales import best_translations
from co_design.graphql_api.lookups import announce_modules, modules_queryset, with_chain
from co_design.graphql_api.types.training import TrainingModuleType

CURSOR_PREFIX = "module:"
MAX_SEARCH_LENGTH = 200


class TrainingModuleSortField(graphene.Enum):
    """The fields modules can be sorted by (an allow-list)."""

    TITLE = "title"
    DURATION = "duration_hours"
    LAST_PUBLISHED = "last_published_at"


class SortDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"


class TrainingModuleSort(graphene.InputObjectType):
    field = TrainingModuleSortField(required=True)
    direction = SortDirection(default_value=SortDirection.ASC)


class TrainingModuleFilter(graphene.InputObjectType):
    territory = graphene.String(
        description="Slug of a territory: modules addressing a finding of its needs review."
    )
    competence = graphene.String(description="Slug of a competence the module trains.")
    delivery_format = DeliveryFormat()
    search = graphene.String(description="Words to find in the title, summary and activities.")


class TrainingModuleConnection(graphene.relay.Connection):
    total_count = graphene.Int(required=True, description="Modules matching the filter.")

    class Meta:
        node = TrainingModuleType
        strict_types = True

    def resolve_total_count(connection, info):
        return connection.queryset.count()


def encode_cursor(position):
    return base64.b64encode(f"{CURSOR_PREFIX}{position}".encode()).decode()


def decode_cursor(cursor):
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    position = parse_id(text.removeprefix(CURSOR_PREFIX))
    if not text.startswith(CURSOR_PREFIX) or position is None or position >= MAX_ID:
        raise ApiError(ErrorCode.INVALID_CURSOR, cursor=cursor[:100])
    return position


def page_size(first):
    if first is None:
        return settings.ECCIPA_GRAPHQL["DEFAULT_PAGE_SIZE"]
    if first < 0:
        raise ApiError(ErrorCode.INVALID_ARGUMENT, reason=_("first must not be negative"))
    if first > settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"]:
        raise ApiError(
            ErrorCode.PAGE_SIZE_TOO_LARGE,
            maximum=settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"],
            requested=first,
        )
    return first


def filtered(modules, filter, language):
    if not filter:
        return modules
    if filter.get("territory"):
        addressing = TrainingModulePage.needs_findings.through.objects.filter(
            needsfinding__needs_review__territory__slug=filter["territory"]
        )
        modules = modules.filter(pk__in=addressing.values("trainingmodulepage_id"))
    if filter.get("competence"):
        modules = modules.filter(competences__slug=filter["competence"])
    if filter.get("delivery_format"):
        modules = modules.filter(delivery_format=filter["delivery_format"].value)
    if filter.get("search"):
        text = filter["search"][:MAX_SEARCH_LENGTH]
        # Wagtail search over every module, its words stemmed as the requested locale's (on
        # PostgreSQL), not the request's interface language; the live, public, best-locale
        # filter stays in SQL.
        with translation.override(language):
            matches = [page.pk for page in TrainingModulePage.objects.search(text)]
        modules = modules.filter(pk__in=matches)
    return modules


def sorted_by(modules, sort):
    field, direction = ("title", "asc") if not sort else (sort["field"], sort["direction"])
    field = getattr(field, "value", field)
    direction = getattr(direction, "value", direction)
    prefix = "-" if direction == "desc" else ""
    return modules.order_by(f"{prefix}{field}", f"{prefix}pk")


def training_modules(context, chain, first=None, after=None, filter=None, sort=None):
    size = page_size(first)
    start = decode_cursor(after) + 1 if after else 0
    modules = sorted_by(
        filtered(best_translations(modules_queryset(), chain), filter, chain[0]), sort
    )
    window = with_chain(list(modules[start : start + size + 1]), chain)
    nodes = window[:size]
    announce_modules(context, nodes)
    edges = [
        TrainingModuleConnection.Edge(node=node, cursor=encode_cursor(start + offset))
        for offset, node in enumerate(nodes)
    ]
    connection = TrainingModuleConnection(
        edges=edges,
        page_info=graphene.relay.PageInfo(
            has_next_page=len(window) > size,
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
    connection.queryset = modules
    return connection
