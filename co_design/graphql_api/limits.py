"""Limits on what a query may ask, each with a setting and an error code (README: "Limits").

Size is checked on the text, tokens while parsing, depth, aliases and directives on the parsed
document before anything runs. Introspection fields are left out of the depth count: whether
they are allowed at all is settings.GRAPHQL_INTROSPECTION.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from graphql import GraphQLError, parse, specified_rules
from graphql.language import FieldNode, FragmentSpreadNode, InlineFragmentNode, Visitor, visit
from graphql.validation import ValidationRule

from .errors import ApiError, ErrorCode

INTROSPECTION_ROOTS = {"__schema", "__type"}
SUGGESTION = re.compile(r"\s*Did you mean .*\?$")


def parse_query(query):
    size = len(query.encode())
    if size > settings.GRAPHQL_MAX_QUERY_BYTES:
        raise ApiError(
            ErrorCode.QUERY_TOO_LARGE,
            reason=_("%(size)d bytes, at most %(maximum)d")
            % {"size": size, "maximum": settings.GRAPHQL_MAX_QUERY_BYTES},
        )
    try:
        return parse(query, max_lexical_tokens=settings.GRAPHQL_MAX_TOKENS, max_comments=100)
    except GraphQLError as error:
        if "Parsing aborted" in error.message:
            raise ApiError(
                ErrorCode.QUERY_TOO_LARGE,
                reason=_("more than %(maximum)d tokens") % {"maximum": settings.GRAPHQL_MAX_TOKENS},
            ) from error
        error.extensions = {"code": ErrorCode.GRAPHQL_PARSE_FAILED.value}
        raise


def selection_depth(selection_set, fragments, seen=frozenset()):
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in INTROSPECTION_ROOTS:
                continue
            depth = 1 + selection_depth(selection.selection_set, fragments, seen)
        elif isinstance(selection, InlineFragmentNode):
            depth = selection_depth(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in seen or name not in fragments:
                continue  # a cycle or an unknown fragment: other rules report it
            depth = selection_depth(fragments[name].selection_set, fragments, seen | {name})
        else:
            continue
        deepest = max(deepest, depth)
    return deepest


class DepthLimitRule(ValidationRule):
    def enter_operation_definition(self, node, *_args):
        fragments = {
            definition.name.value: definition
            for definition in self.context.document.definitions
            if definition.kind == "fragment_definition"
        }
        depth = selection_depth(node.selection_set, fragments)
        if depth > settings.GRAPHQL_MAX_DEPTH:
            self.report_error(
                ApiError(
                    ErrorCode.QUERY_TOO_DEEP,
                    [node],
                    depth=depth,
                    maximum=settings.GRAPHQL_MAX_DEPTH,
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


def validation_rules():
    rules = [*specified_rules, QueriesOnlyRule, DepthLimitRule, AliasAndDirectiveLimitRule]
    if not settings.GRAPHQL_INTROSPECTION:
        rules.append(NoIntrospectionRule)
    return rules


def without_suggestions(message):
    """graphql-core suggests field names ("Did you mean …?"): a map of the schema for anyone
    probing it, so the suggestions are dropped unless DEBUG."""
    return message if settings.DEBUG else SUGGESTION.sub("", message)
