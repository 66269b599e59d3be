"""Limits on what a query may ask, each with a setting and an error code (README: "Limits").

Size is checked on the text, tokens and nesting while parsing; depth, width, cost, aliases and
directives on the parsed document, before graphql-core's own rules and before anything runs.
Each limit costs time linear in the document: a fragment is measured once, however often it is
spread (walking every spread again is exponential in a document of nested spreads). Cycles of
fragments are cut here and reported by graphql-core's NoFragmentCyclesRule. Introspection fields
are left out of depth and cost: whether they are allowed at all is
settings.ECCIPA_GRAPHQL["INTROSPECTION"].

Values from the client (string arguments and variables, ids, cursors) are checked here too.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from graphql import (
    GraphQLError,
    parse,
    specified_rules,
)
from graphql.language import (
    Visitor,
    visit,
)
from graphql.validation import ValidationRule

from co_design.graphql_api.errors import ApiError, ErrorCode
from co_design.graphql_api.measure import INTROSPECTION_ROOTS, ExpansionTooLarge, document_measure

SUGGESTION = re.compile(r"\s*Did you mean .*\?$")

# Characters no name, slug or search text contains: C0 controls but tab and line breaks, DEL,
# and lone surrogates (which cannot even be encoded). PostgreSQL refuses NUL in text outright.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Ids and cursor positions: ASCII digits only ("²".isdigit() is true), within a signed 64-bit
# integer (the widest id column; SQLite and PostgreSQL both fail beyond it).
ID_DIGITS = re.compile(r"[0-9]{1,19}")
MAX_ID = 2**63 - 1


def parse_query(query):
    size = len(query.encode(errors="surrogatepass"))
    if size > settings.ECCIPA_GRAPHQL["MAX_QUERY_BYTES"]:
        raise ApiError(
            ErrorCode.QUERY_TOO_LARGE,
            reason=_("%(size)d bytes, at most %(maximum)d")
            % {"size": size, "maximum": settings.ECCIPA_GRAPHQL["MAX_QUERY_BYTES"]},
        )
    try:
        return parse(
            query, max_lexical_tokens=settings.ECCIPA_GRAPHQL["MAX_TOKENS"], max_comments=100
        )
    except GraphQLError as error:
        if "nested too deeply" in error.message:
            raise ApiError(
                ErrorCode.QUERY_TOO_DEEP,
                depth=query.count("{"),
                maximum=settings.ECCIPA_GRAPHQL["MAX_DEPTH"],
            ) from error
        if "Parsing aborted" in error.message:
            raise ApiError(
                ErrorCode.QUERY_TOO_LARGE,
                reason=_("more than %(maximum)d tokens")
                % {"maximum": settings.ECCIPA_GRAPHQL["MAX_TOKENS"]},
            ) from error
        error.extensions = {"code": ErrorCode.GRAPHQL_PARSE_FAILED.value}
        raise


# Client values


def has_control_characters(value):
    """Whether a string, or any string in a JSON value (keys included), has a control character."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.search(value) is not None
    if isinstance(value, dict):
        return any(has_control_characters(k) or has_control_characters(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_control_characters(item) for item in value)
    return False


def control_characters_error(nodes=None):
    return ApiError(
        ErrorCode.INVALID_ARGUMENT,
        nodes,
        reason=_("text must not contain control characters (such as NUL)"),
    )


def parse_id(text):
    """The integer an id or a cursor position stands for, or None if it cannot be one."""
    text = str(text)
    if not ID_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


# The rules


class DepthLimitRule(ValidationRule):
    def enter_operation_definition(self, node, *_args):
        depth = document_measure(self.context).depth(node.selection_set)
        if depth > settings.ECCIPA_GRAPHQL["MAX_DEPTH"]:
            self.report_error(
                ApiError(
                    ErrorCode.QUERY_TOO_DEEP,
                    [node],
                    depth=depth,
                    maximum=settings.ECCIPA_GRAPHQL["MAX_DEPTH"],
                )
            )


class CostLimitRule(ValidationRule):
    def enter_operation_definition(self, node, *_args):
        cost = document_measure(self.context).operation_cost(node)
        if cost > settings.ECCIPA_GRAPHQL["MAX_COST"]:
            self.report_error(
                ApiError(
                    ErrorCode.QUERY_TOO_COMPLEX,
                    [node],
                    cost=cost,
                    maximum=settings.ECCIPA_GRAPHQL["MAX_COST"],
                )
            )


class WidthLimitRule(ValidationRule):
    """A wide selection (`name name name …`, many fragments side by side, or the same field asked
    again and again with its own selection) costs graphql-core time quadratic in its width."""

    def enter_operation_definition(self, node, *_args):
        measure = document_measure(self.context)
        if measure.operation_cost(node) > settings.ECCIPA_GRAPHQL["MAX_COST"]:
            return  # CostLimitRule reports it; expanding the document could take long
        try:
            width = measure.widest_selection(node)
        except ExpansionTooLarge as too_large:
            cost, maximum = too_large.size, settings.ECCIPA_GRAPHQL["MAX_COST"]
            self.report_error(
                ApiError(ErrorCode.QUERY_TOO_COMPLEX, [node], cost=cost, maximum=maximum)
            )
            return
        if width > settings.ECCIPA_GRAPHQL["MAX_SELECTION_WIDTH"]:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_FIELDS,
                    [node],
                    count=width,
                    maximum=settings.ECCIPA_GRAPHQL["MAX_SELECTION_WIDTH"],
                )
            )


class NodeCounter(Visitor):
    def __init__(self):
        super().__init__()
        self.aliases = 0
        self.directives = 0

    def enter_field(self, node, *_args):
        if node.alias is not None:
            self.aliases += 1

    def enter_directive(self, node, *_args):
        self.directives += 1


class AliasAndDirectiveLimitRule(ValidationRule):
    def enter_document(self, node, *_args):
        counter = NodeCounter()
        visit(node, counter)
        if counter.aliases > settings.ECCIPA_GRAPHQL["MAX_ALIASES"]:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_ALIASES,
                    count=counter.aliases,
                    maximum=settings.ECCIPA_GRAPHQL["MAX_ALIASES"],
                )
            )
        if counter.directives > settings.ECCIPA_GRAPHQL["MAX_DIRECTIVES"]:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_DIRECTIVES,
                    count=counter.directives,
                    maximum=settings.ECCIPA_GRAPHQL["MAX_DIRECTIVES"],
                )
            )


class ArgumentValuesRule(ValidationRule):
    """Values written in the query: strings are held to the same check as variables, and an
    integer longer than any id (int() refuses 4,300 digits or more) is no value of this API."""

    def enter_string_value(self, node, *_args):
        if has_control_characters(node.value):
            self.report_error(control_characters_error([node]))

    def enter_int_value(self, node, *_args):
        if len(node.value.lstrip("-")) > len(str(MAX_ID)):
            reason = _("integers have at most %(digits)d digits") % {"digits": len(str(MAX_ID))}
            self.report_error(ApiError(ErrorCode.INVALID_ARGUMENT, [node], reason=reason))


class NoIntrospectionRule(ValidationRule):
    def enter_field(self, node, *_args):
        if node.name.value in INTROSPECTION_ROOTS:
            self.report_error(ApiError(ErrorCode.INTROSPECTION_DISABLED, [node]))


class QueriesOnlyRule(ValidationRule):
    """The API is read-only (the schema has no Mutation type): say so before anything runs."""

    def enter_operation_definition(self, node, *_args):
        if node.operation.value != "query":
            reason = _("Only queries are supported: this API is read-only.")
            self.report_error(ApiError(ErrorCode.GRAPHQL_VALIDATION_FAILED, [node], reason=reason))


def limit_rules():
    """Checked first, each in linear time: a document beyond a limit is refused with its code
    alone, before graphql-core's rules (some of which cost more than linear time) see it."""
    return [
        AliasAndDirectiveLimitRule,
        DepthLimitRule,
        WidthLimitRule,
        CostLimitRule,
        ArgumentValuesRule,
    ]


def validation_rules():
    rules = [*specified_rules, QueriesOnlyRule]
    if not settings.ECCIPA_GRAPHQL["INTROSPECTION"]:
        rules.append(NoIntrospectionRule)
    return rules


def without_suggestions(message):
    """graphql-core suggests field names ("Did you mean …?"): a map of the schema for anyone
    probing it, so the suggestions are dropped unless DEBUG."""
    return message if settings.DEBUG else SUGGESTION.sub("", message)
