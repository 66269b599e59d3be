"""Measuring a parsed document once: depth, width and cost of each selection set, each fragment
measured once however often it is spread (see limits.py for the limits themselves)."""

from dataclasses import dataclass

from django.conf import settings
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    get_named_type,
    is_composite_type,
)
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
)
from graphql.utilities.type_info import get_field_def

INTROSPECTION_ROOTS = {"__schema", "__type"}


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
        if len(self) > settings.ECCIPA_GRAPHQL["MAX_COST"]:
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
                    if expanded > settings.ECCIPA_GRAPHQL["MAX_COST"]:
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
            inside = children.total(max(1, settings.ECCIPA_GRAPHQL["COST_LIST_SIZE"]))
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
                    first = (
                        int(digits)
                        if len(digits) <= 12
                        else settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"]
                    )
                    # At least 1: the cost also bounds the size of the expanded document.
                    return max(1, min(first, settings.ECCIPA_GRAPHQL["MAX_PAGE_SIZE"]))
                return settings.ECCIPA_GRAPHQL[
                    "MAX_PAGE_SIZE"
                ]  # a variable: the largest page it may ask
        return settings.ECCIPA_GRAPHQL["DEFAULT_PAGE_SIZE"]

    def operation_cost(self, operation):
        root_type = self.schema.get_root_type(operation.operation)
        return self.cost(operation.selection_set, root_type).total(
            max(1, settings.ECCIPA_GRAPHQL["COST_LIST_SIZE"])
        )


def document_measure(context):
    """One measure per validation, shared by the rules that need it."""
    measure = getattr(context, "api_measure", None)
    if measure is None:
        measure = context.api_measure = DocumentMeasure(context.schema, context.document)
    return measure
