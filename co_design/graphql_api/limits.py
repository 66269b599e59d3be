"""Limits on what a query may ask, each with a setting and an error code (README: "Limits").

Size is checked on the text, tokens and nesting while parsing; depth, width, cost, aliases and
directives on the parsed document, before graphql-core's own rules and before anything runs.
Each limit costs time linear in the document: a fragment is measured once, however often it is
spread (walking every spread again is exponential in a document of nested spreads). Cycles of
fragments are cut here and reported by graphql-core's NoFragmentCyclesRule. Introspection fields
are left out of depth and cost: whether they are allowed at all is settings.GRAPHQL_INTROSPECTION.

Values from the client (string arguments and variables, ids, cursors) are checked here too.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from graphql import (
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    get_named_type,
    is_composite_type,
    parse,
    specified_rules,
)
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    Visitor,
    visit,
)
from graphql.utilities.type_info import get_field_def
from graphql.validation import ValidationRule

from .errors import ApiError, ErrorCode

INTROSPECTION_ROOTS = {"__schema", "__type"}
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
    if size > settings.GRAPHQL_MAX_QUERY_BYTES:
        raise ApiError(
            ErrorCode.QUERY_TOO_LARGE,
            reason=_("%(size)d bytes, at most %(maximum)d")
            % {"size": size, "maximum": settings.GRAPHQL_MAX_QUERY_BYTES},
        )
    try:
        return parse(query, max_lexical_tokens=settings.GRAPHQL_MAX_TOKENS, max_comments=100)
    except GraphQLError as error:
        if "nested too deeply" in error.message:
            raise ApiError(
                ErrorCode.QUERY_TOO_DEEP, depth=query.count("{"), maximum=settings.GRAPHQL_MAX_DEPTH
            ) from error
        if "Parsing aborted" in error.message:
            raise ApiError(
                ErrorCode.QUERY_TOO_LARGE,
                reason=_("more than %(maximum)d tokens") % {"maximum": settings.GRAPHQL_MAX_TOKENS},
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


# Measuring a document


@dataclass(frozen=True)
class Cost:
    """Cost of a selection set: `once` for its fields, `per_item` for what each item of its list
    fields costs (multiplied by the page size, or by the estimate of an unbounded list)."""

    once: int = 0
    per_item: int = 0

    def __add__(self, other):
        return Cost(self.once + other.once, self.per_item + other.per_item)

    def total(self, list_size):
        return self.once + list_size * self.per_item


def is_list(field_type):
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


class ExpansionTooLarge(Exception):
    """The expanded document is larger than its cost said: only a document that is invalid
    anyway (fields or types the schema lacks, which the cost cannot follow) gets here."""

    def __init__(self, size):
        super().__init__(size)
        self.size = size


class GatheredFields(list):
    """A list of fields that refuses to grow beyond what the cost limit allows."""

    def _check(self):
        if len(self) > settings.GRAPHQL_MAX_COST:
            raise ExpansionTooLarge(len(self))

    def append(self, field):
        super().append(field)
        self._check()

    def extend(self, fields):
        super().extend(fields)
        self._check()


class DocumentMeasure:
    """Depth and cost of the operations of one document, each fragment measured once."""

    def __init__(self, schema, document):
        self.schema = schema
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self.measured = {"depth": {}, "cost": {}, "fields": {}}
        self.open = set()  # fragments being measured: spreading one again is a cycle

    def fragment(self, kind, name, measure, nothing):
        memo = self.measured[kind]
        if name in memo:
            return memo[name]
        fragment = self.fragments.get(name)
        key = (kind, name)
        if fragment is None or key in self.open:
            return nothing  # unknown, or a cycle: graphql-core's rules report both
        self.open.add(key)
        try:
            memo[name] = measure(fragment)
        finally:
            self.open.discard(key)
        return memo[name]

    def depth(self, selection_set):
        if selection_set is None:
            return 0
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in INTROSPECTION_ROOTS:
                    continue
                depth = 1 + self.depth(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                depth = self.depth(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                depth = self.fragment(
                    "depth",
                    selection.name.value,
                    lambda fragment: self.depth(fragment.selection_set),
                    0,
                )
            else:
                continue
            deepest = max(deepest, depth)
        return deepest

    def gathered(self, selection_set):
        """The fields of a selection set, through its inline fragments and fragment spreads."""
        fields = GatheredFields()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value not in INTROSPECTION_ROOTS:
                    fields.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                fields.extend(self.gathered(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                fields.extend(
                    self.fragment(
                        "fields",
                        selection.name.value,
                        lambda fragment: self.gathered(fragment.selection_set),
                        [],
                    )
                )
        return fields

    def widest_selection(self, operation):
        """The most fields merged into one selection: fields of the same response name merge
        their selections, as in the answer. graphql-core compares a merged selection's fields
        pair by pair (OverlappingFieldsCanBeMergedRule), in time quadratic in its width. Only
        for an operation within the cost limit: the work is that of the expanded document."""
        widest = expanded = 0
        merged = [[operation.selection_set]]
        while merged:
            selection_sets = merged.pop()
            width = 0
            children = {}
            for selection_set in selection_sets:
                for field in self.gathered(selection_set):
                    width += 1
                    expanded += 1
                    if expanded > settings.GRAPHQL_MAX_COST:
                        raise ExpansionTooLarge(expanded)
                    if field.selection_set is not None:
                        name = (field.alias or field.name).value
                        children.setdefault(name, []).append(field.selection_set)
            widest = max(widest, width)
            merged.extend(children.values())
        return widest

    def type_named(self, type_condition, default):
        if type_condition is None:
            return default
        return self.schema.get_type(type_condition.name.value)

    def cost(self, selection_set, parent_type):
        """Every field costs 1 × the product of the sizes of the lists above it."""
        cost = Cost()
        if selection_set is None or not is_composite_type(parent_type):
            return cost
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value not in INTROSPECTION_ROOTS:
                    cost += self.field_cost(selection, parent_type)
            elif isinstance(selection, InlineFragmentNode):
                fragment_type = self.type_named(selection.type_condition, parent_type)
                cost += self.cost(selection.selection_set, fragment_type)
            elif isinstance(selection, FragmentSpreadNode):
                cost += self.fragment(
                    "cost",
                    selection.name.value,
                    lambda fragment: self.cost(
                        fragment.selection_set, self.type_named(fragment.type_condition, None)
                    ),
                    Cost(),
                )
        return cost

    def field_cost(self, node, parent_type):
        definition = get_field_def(self.schema, parent_type, node)
        if definition is None:
            return Cost(once=1)  # an unknown field: graphql-core's rules report it
        children = self.cost(node.selection_set, get_named_type(definition.type))
        if "first" in definition.args:
            # A connection: its list fields (edges) hold a page of `first` items.
            inside = children.total(self.page_size(node))
        else:
            inside = children.total(max(1, settings.GRAPHQL_COST_LIST_SIZE))
        if is_list(definition.type):
            return Cost(once=1, per_item=inside)
        return Cost(once=1 + inside)

    def page_size(self, node):
        for argument in node.arguments or ():
            if argument.name.value == "first":
                if isinstance(argument.value, IntValueNode):
                    # Larger pages are refused when the field runs (PAGE_SIZE_TOO_LARGE), and
                    # GraphQL's Int has 32 bits; int() of 4,300 digits would raise.
                    digits = argument.value.value
                    first = int(digits) if len(digits) <= 12 else settings.GRAPHQL_MAX_PAGE_SIZE
                    # At least 1: the cost also bounds the size of the expanded document.
                    return max(1, min(first, settings.GRAPHQL_MAX_PAGE_SIZE))
                return settings.GRAPHQL_MAX_PAGE_SIZE  # a variable: the largest page it may ask
        return settings.GRAPHQL_DEFAULT_PAGE_SIZE

    def operation_cost(self, operation):
        root_type = self.schema.get_root_type(operation.operation)
        return self.cost(operation.selection_set, root_type).total(
            max(1, settings.GRAPHQL_COST_LIST_SIZE)
        )


def document_measure(context):
    """One measure per validation, shared by the rules that need it."""
    measure = getattr(context, "api_measure", None)
    if measure is None:
        measure = context.api_measure = DocumentMeasure(context.schema, context.document)
    return measure


# The rules


class DepthLimitRule(ValidationRule):
    def enter_operation_definition(self, node, *_args):
        depth = document_measure(self.context).depth(node.selection_set)
        if depth > settings.GRAPHQL_MAX_DEPTH:
            self.report_error(
                ApiError(
                    ErrorCode.QUERY_TOO_DEEP,
                    [node],
                    depth=depth,
                    maximum=settings.GRAPHQL_MAX_DEPTH,
                )
            )


class CostLimitRule(ValidationRule):
    def enter_operation_definition(self, node, *_args):
        cost = document_measure(self.context).operation_cost(node)
        if cost > settings.GRAPHQL_MAX_COST:
            self.report_error(
                ApiError(
                    ErrorCode.QUERY_TOO_COMPLEX,
                    [node],
                    cost=cost,
                    maximum=settings.GRAPHQL_MAX_COST,
                )
            )


class WidthLimitRule(ValidationRule):
    """A wide selection (`name name name …`, many fragments side by side, or the same field asked
    again and again with its own selection) costs graphql-core time quadratic in its width."""

    def enter_operation_definition(self, node, *_args):
        measure = document_measure(self.context)
        if measure.operation_cost(node) > settings.GRAPHQL_MAX_COST:
            return  # CostLimitRule reports it; expanding the document could take long
        try:
            width = measure.widest_selection(node)
        except ExpansionTooLarge as too_large:
            cost, maximum = too_large.size, settings.GRAPHQL_MAX_COST
            self.report_error(
                ApiError(ErrorCode.QUERY_TOO_COMPLEX, [node], cost=cost, maximum=maximum)
            )
            return
        if width > settings.GRAPHQL_MAX_SELECTION_WIDTH:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_FIELDS,
                    [node],
                    count=width,
                    maximum=settings.GRAPHQL_MAX_SELECTION_WIDTH,
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
        if counter.aliases > settings.GRAPHQL_MAX_ALIASES:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_ALIASES,
                    count=counter.aliases,
                    maximum=settings.GRAPHQL_MAX_ALIASES,
                )
            )
        if counter.directives > settings.GRAPHQL_MAX_DIRECTIVES:
            self.report_error(
                ApiError(
                    ErrorCode.TOO_MANY_DIRECTIVES,
                    count=counter.directives,
                    maximum=settings.GRAPHQL_MAX_DIRECTIVES,
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
    if not settings.GRAPHQL_INTROSPECTION:
        rules.append(NoIntrospectionRule)
    return rules


def without_suggestions(message):
    """graphql-core suggests field names ("Did you mean …?"): a map of the schema for anyone
    probing it, so the suggestions are dropped unless DEBUG."""
    return message if settings.DEBUG else SUGGESTION.sub("", message)
