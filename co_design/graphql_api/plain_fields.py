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

The other fields (about 3,600 in the same answer) take graphql-core's path, planned once per
field of the document instead of at every value: the field's definition, its resolver wrapped
in the middleware, and a completer made for the shape of its type (`[Section!]!`: a list of
required objects), which then completes each value without asking again what kind of type it
has. Each selection's plan (which fields are plain, which are not) is made once and kept by the
completer of its objects. Arguments are read only for a field that has some.
"""

from functools import partial

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    ExecutionContext,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    located_error,
)
from graphql.execution.execute import get_field_def, invalid_return_type_error
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined, is_iterable

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
    if isinstance(field_type, GraphQLList):
        item_type = field_type.of_type
        if isinstance(item_type, GraphQLNonNull) and isinstance(item_type.of_type, LEAF_TYPES):
            return get, list_serializer(item_type.of_type.serialize), non_null
        return None
    if not isinstance(field_type, LEAF_TYPES):
        return None
    return get, field_type.serialize, non_null


def list_serializer(serialize):
    """A list of non-null scalars or enums (`[OrganisationType!]!`) read in one go; a null or a
    refused item leaves the field to graphql-core, which reports it."""

    def serialize_list(values):
        if not isinstance(values, (list, tuple)):
            return Undefined
        serialized = [serialize(value) for value in values]
        if None in serialized or Undefined in serialized:
            return Undefined
        return serialized

    return serialize_list


class PlainFieldsExecutionContext(ExecutionContext):
    is_awaitable = staticmethod(never_awaitable)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_awaitable = never_awaitable
        self._readers = {}
        self._fields = {}
        self._plans = {}
        self._completers = {}

    def reader(self, parent_type, field_node):
        key = (parent_type.name, id(field_node))
        reader = self._readers.get(key)
        if reader is None:
            field_def = parent_type.fields.get(field_node.name.value)
            reader = (field_def and plain_reader(field_def)) or NOT_PLAIN
            self._readers[key] = reader
        return reader

    def plan(self, parent_type, fields):
        """[(response name, field nodes, reader, field)] of one selection on one type: `reader`
        for a plain field, else NOT_PLAIN and `field` (see field()). `fields` comes from
        graphql-core's cache of sub-selections, so every object of a list shares one plan."""
        key = (parent_type.name, id(fields))
        plan = self._plans.get(key)
        if plan is None:
            plan = []
            for response_name, field_nodes in fields.items():
                reader = self.reader(parent_type, field_nodes[0])
                field = self.field(parent_type, field_nodes) if reader is NOT_PLAIN else None
                plan.append((response_name, field_nodes, reader, field))
            self._plans[key] = plan
        return plan

    def execute_fields(self, parent_type, source_value, path, fields):
        return self.execute_plan(self.plan(parent_type, fields), parent_type, source_value, path)

    def execute_plan(self, plan, parent_type, source_value, path):
        results = {}
        for response_name, field_nodes, reader, field in plan:
            if reader is not NOT_PLAIN:
                # read_plain, written out: this loop runs for each of the answer's fields.
                get, serialize, non_null = reader
                try:
                    value = get(source_value)
                    if value is not None:
                        value = serialize(value)
                        plain = value is not None and value is not Undefined
                    else:
                        plain = not non_null
                except Exception:
                    plain = False
                if plain:
                    results[response_name] = value
                    continue
                field = self.field(parent_type, field_nodes)
            field_path = Path(path, response_name, parent_type.name)
            result = self.run_field(parent_type, source_value, field_nodes, field_path, field)
            if result is not Undefined:
                results[response_name] = result
        return results

    def field(self, parent_type, field_nodes):
        """(field definition, resolver behind the middleware, completer) of a field of the
        document, found once; None for an unknown field."""
        key = (parent_type.name, id(field_nodes[0]))
        found = self._fields.get(key, NOT_PLAIN)
        if found is NOT_PLAIN:
            field_def = get_field_def(self.schema, parent_type, field_nodes[0])
            found = None
            if field_def:
                resolve = field_def.resolve or self.field_resolver
                if self.middleware_manager:
                    resolve = self.middleware_manager.get_field_resolver(resolve)
                found = (field_def, resolve, self.completer(field_def.type, field_nodes))
            self._fields[key] = found
        return found

    def execute_field(self, parent_type, source, field_nodes, path):
        """graphql-core's, for a schema where nothing is awaitable."""
        return self.run_field(
            parent_type, source, field_nodes, path, self.field(parent_type, field_nodes)
        )

    def run_field(self, parent_type, source, field_nodes, path, field):
        if field is None:
            return Undefined
        field_def, resolve, complete = field
        info = GraphQLResolveInfo(
            field_nodes[0].name.value,
            field_nodes,
            field_def.type,
            parent_type,
            path,
            self.schema,
            self.fragments,
            self.root_value,
            self.operation,
            self.variable_values,
            self.context_value,
            self.is_awaitable,
        )
        try:
            if field_def.args:
                result = resolve(
                    source,
                    info,
                    **get_argument_values(field_def, field_nodes[0], self.variable_values),
                )
            else:
                result = resolve(source, info)
            return complete(info, path, result)
        except Exception as raw_error:
            error = located_error(raw_error, field_nodes, path.as_list())
            self.handle_field_error(error, field_def.type, path)
            return None

    # Completers: graphql-core's complete_value, decided once per field of the document.

    def completer(self, return_type, field_nodes):
        """complete(info, path, result) for values of `return_type` at `field_nodes`: what
        graphql-core's complete_value does, with the type's shape (non-null, list, object,
        leaf) told apart once instead of at every value. Abstract types, and any value out of
        the ordinary, take graphql-core's own path, so errors read exactly as before."""
        key = (return_type, id(field_nodes[0]), len(field_nodes))
        complete = self._completers.get(key)
        if complete is None:
            kind = kind_of_type(return_type)
            build = {
                NON_NULL: self.non_null_completer,
                LIST: self.list_completer,
                OBJECT: self.object_completer,
                LEAF: self.leaf_completer,
            }.get(kind, self.general_completer)
            complete = build(return_type, field_nodes)
            self._completers[key] = complete
        return complete

    def general_completer(self, return_type, field_nodes):
        def complete(info, path, result):
            return self.complete_value(return_type, field_nodes, info, path, result)

        return complete

    def non_null_completer(self, return_type, field_nodes):
        if kind_of_type(return_type.of_type) is OBJECT:
            return self.object_completer(return_type.of_type, field_nodes, required=True)
        inner = self.completer(return_type.of_type, field_nodes)

        def complete_non_null(info, path, result):
            if isinstance(result, Exception):
                raise result
            completed = inner(info, path, result)
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type.name}.{info.field_name}."
                )
            return completed

        return complete_non_null

    def list_completer(self, return_type, field_nodes):
        item_type = return_type.of_type
        complete_item = self.completer(item_type, field_nodes)

        def complete_list(info, path, result):
            if isinstance(result, Exception):
                raise result
            if result is None or result is Undefined:
                return None
            if not is_iterable(result):
                return self.complete_value(return_type, field_nodes, info, path, result)
            completed = []
            for index, item in enumerate(result):
                item_path = path.add_key(index, None)
                try:
                    completed.append(complete_item(info, item_path, item))
                except Exception as raw_error:
                    error = located_error(raw_error, field_nodes, item_path.as_list())
                    self.handle_field_error(error, item_type, item_path)
                    completed.append(None)
            return completed

        return complete_list

    def object_completer(self, return_type, field_nodes, required=False):
        """`required`: the object of a non-null type (`Section!`), completed in one step."""
        sub_fields = self.collect_subfields(return_type, field_nodes)
        is_type_of = return_type.is_type_of
        execute_plan = self.execute_plan
        plan = None  # made at the first object: a recursive type must not plan itself forever

        def complete_object(info, path, result):
            nonlocal plan
            if isinstance(result, Exception):
                raise result
            if result is None or result is Undefined:
                if required:
                    raise TypeError(
                        "Cannot return null for non-nullable field"
                        f" {info.parent_type.name}.{info.field_name}."
                    )
                return None
            if is_type_of is not None and not is_type_of(result, info):
                raise invalid_return_type_error(return_type, result, field_nodes)
            if plan is None:
                plan = self.plan(return_type, sub_fields)
            return execute_plan(plan, return_type, result, path)

        return complete_object

    def leaf_completer(self, return_type, field_nodes):
        serialize = return_type.serialize

        def complete_leaf(info, path, result):
            if isinstance(result, Exception):
                raise result
            if result is None or result is Undefined:
                return None
            serialized = serialize(result)
            if serialized is Undefined or serialized is None:
                return self.complete_leaf_value(return_type, result)  # raises graphql-core's error
            return serialized

        return complete_leaf

    def complete_value(self, return_type, field_nodes, info, path, result):
        """graphql-core's, with the common kinds of type told apart by one look-up (graphene's
        object and enum types are subclasses of graphql-core's, so a type() test misses them)."""
        if isinstance(result, Exception):
            raise result
        kind = KINDS.get(type(return_type)) or kind_of(return_type)
        if kind is NON_NULL:
            completed = self.complete_value(return_type.of_type, field_nodes, info, path, result)
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type.name}.{info.field_name}."
                )
            return completed
        if result is None or result is Undefined:
            return None
        if kind is OBJECT:
            return self.complete_object_value(return_type, field_nodes, info, path, result)
        if kind is LIST:
            return self.complete_list_value(return_type, field_nodes, info, path, result)
        if kind is LEAF:
            return self.complete_leaf_value(return_type, result)
        return super().complete_value(return_type, field_nodes, info, path, result)


NON_NULL, OBJECT, LIST, LEAF, OTHER = "non-null", "object", "list", "leaf", "other"
KINDS = {}  # class of a GraphQL type → its kind


def kind_of_type(graphql_type):
    return KINDS.get(type(graphql_type)) or kind_of(graphql_type)


def kind_of(graphql_type):
    kind = OTHER
    if isinstance(graphql_type, GraphQLNonNull):
        kind = NON_NULL
    elif isinstance(graphql_type, GraphQLObjectType):
        kind = OBJECT
    elif isinstance(graphql_type, GraphQLList):
        kind = LIST
    elif isinstance(graphql_type, LEAF_TYPES):
        kind = LEAF
    KINDS[type(graphql_type)] = kind
    return kind
