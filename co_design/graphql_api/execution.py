"""One GraphQL request, from text (or a published query) to the JSON bytes of the answer."""

import hashlib
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from graphql import GraphQLError, execute, validate

from .context import ApiContext
from .errors import ErrorCode, error_message
from .limits import parse_query, validation_rules, without_suggestions

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes

    @property
    def etag(self):
        return f'"{hashlib.sha256(self.body).hexdigest()[:40]}"'


def encode(payload):
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def error_answer(status, code, **params):
    error = {"message": error_message(code, **params), "extensions": {"code": code.value}}
    return Answer(status, encode({"errors": [error]}))


def format_error(error, default_code):
    formatted = error.formatted
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        # An exception of ours, not the client's: logged, and not shown outside DEBUG.
        logger.error("GraphQL resolver failed", exc_info=original)
        if not settings.DEBUG:
            formatted["message"] = error_message(ErrorCode.INTERNAL_ERROR)
        default_code = ErrorCode.INTERNAL_ERROR
    formatted["message"] = without_suggestions(formatted["message"])
    formatted.setdefault("extensions", {})
    formatted["extensions"].setdefault("code", default_code.value)
    return formatted


def run(schema, request, *, query=None, document=None, variables=None, operation_name=None):
    """Parse (unless `document` is a published query's), validate, execute."""
    if document is None:
        try:
            document = parse_query(query)
        except GraphQLError as error:
            return Answer(400, encode({"errors": [format_error(error, ErrorCode.BAD_REQUEST)]}))
        errors = validate(schema.graphql_schema, document, validation_rules())
        if errors:
            formatted = [format_error(e, ErrorCode.GRAPHQL_VALIDATION_FAILED) for e in errors]
            return Answer(400, encode({"errors": formatted}))
    result = execute(
        schema.graphql_schema,
        document,
        context_value=ApiContext(request),
        variable_values=variables,
        operation_name=operation_name,
    )
    payload = {}
    if result.errors:
        payload["errors"] = [format_error(e, ErrorCode.BAD_REQUEST) for e in result.errors]
    payload["data"] = result.data
    # An error without a path means the operation never ran (bad variables, unknown operation
    # name): a client error. Errors of fields (not found, page size) come with data, status 200.
    ran = not any(error.path is None for error in result.errors or [])
    return Answer(200 if ran else 400, encode(payload))
