"""The stable error codes of the API: clients branch on `errors[].extensions.code`, never on the
message, which is translated into the language of the request."""

import enum

import graphene
from django.utils.translation import gettext_lazy as _
from graphql import GraphQLError


class ErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_LOCALE = "INVALID_LOCALE"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    PAGE_SIZE_TOO_LARGE = "PAGE_SIZE_TOO_LARGE"
    INVALID_CURSOR = "INVALID_CURSOR"
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    TOO_MANY_FIELDS = "TOO_MANY_FIELDS"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES"
    QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    BATCHING_NOT_ALLOWED = "BATCHING_NOT_ALLOWED"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_REQUIRED = "PERSISTED_QUERY_REQUIRED"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    BAD_REQUEST = "BAD_REQUEST"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    TIMEOUT = "TIMEOUT"
    INTERNAL_ERROR = "INTERNAL_ERROR"


MESSAGES = {
    ErrorCode.NOT_FOUND: _("No published %(kind)s matches %(lookup)s."),
    ErrorCode.INVALID_LOCALE: _("Unknown locale “%(locale)s”; use one of: %(allowed)s."),
    ErrorCode.INVALID_ARGUMENT: _("Invalid argument: %(reason)s"),
    ErrorCode.PAGE_SIZE_TOO_LARGE: _("At most %(maximum)d items per page; %(requested)d asked."),
    ErrorCode.INVALID_CURSOR: _("The cursor “%(cursor)s” is not one this API gave out."),
    ErrorCode.QUERY_TOO_DEEP: _("The query is nested %(depth)d levels deep; at most %(maximum)d."),
    ErrorCode.QUERY_TOO_COMPLEX: _(
        "The query asks for too much at once (cost %(cost)d; at most %(maximum)d): ask for fewer "
        "fields or smaller pages."
    ),
    ErrorCode.TOO_MANY_FIELDS: _(
        "One selection of the query gathers %(count)d fields; at most %(maximum)d."
    ),
    ErrorCode.TOO_MANY_ALIASES: _("The query has %(count)d aliases; at most %(maximum)d."),
    ErrorCode.TOO_MANY_DIRECTIVES: _("The query has %(count)d directives; at most %(maximum)d."),
    ErrorCode.QUERY_TOO_LARGE: _("The query is too large: %(reason)s"),
    ErrorCode.INTROSPECTION_DISABLED: _(
        "Introspection is disabled; the schema is published as graphql/schema.graphql."
    ),
    ErrorCode.BATCHING_NOT_ALLOWED: _("Send one operation per request; batches are refused."),
    ErrorCode.PERSISTED_QUERY_NOT_FOUND: _("No published query has the id “%(id)s”."),
    ErrorCode.PERSISTED_QUERY_REQUIRED: _(
        "GET runs published queries only (?id=<sha256>); send other queries by POST."
    ),
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: _("Send the request body as application/json."),
    ErrorCode.METHOD_NOT_ALLOWED: _("Use GET (published queries) or POST (application/json)."),
    ErrorCode.BAD_REQUEST: _("Bad request: %(reason)s"),
    ErrorCode.GRAPHQL_PARSE_FAILED: _("%(reason)s"),
    ErrorCode.GRAPHQL_VALIDATION_FAILED: _("%(reason)s"),
    ErrorCode.TIMEOUT: _(
        "The query took longer than the %(budget)d ms an answer may take; ask for less, or "
        "try again later."
    ),
    ErrorCode.INTERNAL_ERROR: _("Internal error."),
}

# In the schema too, so that the contract lists every code a client may meet.
ErrorCodeEnum = graphene.Enum.from_enum(
    ErrorCode, description="The code in `errors[].extensions.code` of every error answer."
)


def error_message(code, **params):
    return str(MESSAGES[code]) % params if params else str(MESSAGES[code])


class ApiError(GraphQLError):
    """An expected client error: a stable code and a translated message."""

    def __init__(self, code, nodes=None, **params):
        self.code = code
        super().__init__(error_message(code, **params), nodes, extensions={"code": code.value})
