"""Execution with a short path for plain fields: a scalar or enum read from an attribute (or a
dict key) by graphene's default resolver, or by a resolver marked `reads_only` (one that only
reads its source: no `info`, no query, no work worth a time check).

A large answer is mostly such fields (the 30-strategy Manifesto has about 9,000 of its 12,000),
and graphql-core spends on each the same as on a field with a resolver of its own: a resolve
info, the arguments, the middleware (the time budget), two awaitable checks and the completion
dispatch. Here a plain field is read and serialized directly. Anything unusual on the way (a
null in a non-null field, a value the type refuses, an exception) goes through graphql-core's
own path, so errors are reported exactly as before. Every resolver that does work still runs
through the middleware, so the time budget is checked as often as it matters; nothing is
awaitable in this schema, so the awaitable checks are skipped.
"""

from functools import partial

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    ExecutionContext,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from graphql.pyutils import Path, Undefined

NOT_PLAIN = object()
LEAF_TYPES = (GraphQLScalarType, GraphQLEnumType)


def never_awaitable(value):
    return False


def reads_only(resolver):
    """Marks a resolver that only reads its source (it is called with `info=None`)."""
    resolver.reads_only = True
    return resolver


def attribute_getter(attname, default):
    def get(source):
        if isinstance(source, dict):
            return source.get(attname, default)
        return getattr(source, attname, default)

    return get


def plain_reader(field_def):
    """(get, serialize, non-null) when the field is plain, else None."""
    resolve = field_def.resolve
    if getattr(resolve, "reads_only", False):
        get = partial(resolve, info=None)
    elif (
        isinstance(resolve, partial)
        and resolve.func is dict_or_attr_resolver
        and len(resolve.args) == 2
        and not resolve.keywords
    ):
        get = attribute_getter(*resolve.args)
    else:
        return None
    field_type, non_null = field_def.type, False
    if isinstance(field_type, GraphQLNonNull):
        field_type, non_null = field_type.of_type, True
    if not isinstance(field_type, LEAF_TYPES):
        return None
    return get, field_type.serialize, non_null


class PlainFieldsExecutionContext(ExecutionContext):
    is_awaitable = staticmethod(never_awaitable)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_awaitable = never_awaitable
        self._readers = {}

    def reader(self, parent_type, field_node):
        key = (parent_type.name, id(field_node))
        reader = self._readers.get(key)
        if reader is None:
            field_def = parent_type.fields.get(field_node.name.value)
            reader = (field_def and plain_reader(field_def)) or NOT_PLAIN
            self._readers[key] = reader
        return reader

    def execute_fields(self, parent_type, source_value, path, fields):
        results = {}
        for response_name, field_nodes in fields.items():
            reader = self.reader(parent_type, field_nodes[0])
            if reader is not NOT_PLAIN:
                value = read_plain(reader, source_value)
                if value is not Undefined:
                    results[response_name] = value
                    continue
            field_path = Path(path, response_name, parent_type.name)
            result = self.execute_field(parent_type, source_value, field_nodes, field_path)
            if result is not Undefined:
                results[response_name] = result
        return results

    def complete_value(self, return_type, field_nodes, info, path, result):
        """graphql-core's, with the common types told apart by one type() each."""
        if isinstance(result, Exception):
            raise result
        kind = type(return_type)
        if kind is GraphQLNonNull:
            completed = self.complete_value(return_type.of_type, field_nodes, info, path, result)
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type.name}.{info.field_name}."
                )
            return completed
        if result is None or result is Undefined:
            return None
        if kind is GraphQLObjectType:
            return self.complete_object_value(return_type, field_nodes, info, path, result)
        if kind is GraphQLList:
            return self.complete_list_value(return_type, field_nodes, info, path, result)
        if kind is GraphQLScalarType or kind is GraphQLEnumType:
            return self.complete_leaf_value(return_type, result)
        return super().complete_value(return_type, field_nodes, info, path, result)


def read_plain(reader, source):
    """The serialized value, or Undefined to let graphql-core handle the field."""
    get, serialize, non_null = reader
    try:
        value = get(source)
        if value is None:
            return Undefined if non_null else None
        serialized = serialize(value)
    except Exception:
        return Undefined
    if serialized is None or serialized is Undefined:
        return Undefined
    return serialized
