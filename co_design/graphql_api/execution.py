"""One GraphQL request, from its parsed document (or a published query's) to the JSON bytes of
the answer, within a time budget (settings.ECCIPA_GRAPHQL["TIME_BUDGET_MS"])."""

import hashlib
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass

import orjson
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from graphql import GraphQLError, execute, validate

from co_design.graphql_api.context import ApiContext
from co_design.graphql_api.errors import ErrorCode, error_message
from co_design.graphql_api.limits import limit_rules, validation_rules, without_suggestions
from co_design.graphql_api.plain_fields import PlainFieldsExecutionContext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    pages: frozenset = frozenset()  # ids of the pages the answer contains

    @property
    def etag(self):
        return f'"{hashlib.sha256(self.body).hexdigest()[:40]}"'


def encode(payload):
    """Compact UTF-8 JSON, the same bytes as json.dumps gives, about 8 times faster (orjson:
    3 ms less for the 405 KB Manifesto). `str` for anything else, e.g. a lazily translated
    message."""
    return orjson.dumps(payload, default=str)


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


def validation_answer(errors):
    """400 with one error per distinct problem: the same message at several places (a directive
    repeated ten times) is one error listing every place."""
    merged = {}
    for error in errors:
        formatted = format_error(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)
        key = (formatted["message"], formatted["extensions"]["code"])
        if key in merged:
            merged[key].setdefault("locations", []).extend(formatted.get("locations") or [])
        else:
            merged[key] = formatted
    return Answer(400, encode({"errors": list(merged.values())}))


# The time budget


class OutOfTime(BaseException):
    """Stops an execution at once. graphql-core turns every Exception of a resolver into an
    error of its field and goes on with the next field; a BaseException ends the execution."""


def is_statement_timeout(error):
    """A query the database stopped: PostgreSQL's statement_timeout (SQLSTATE 57014) or the
    progress handler of SQLite."""
    while error is not None:
        if getattr(error, "sqlstate", None) == "57014" or str(error) == "interrupted":
            return True
        error = error.__cause__
    return False


class Deadline:
    def __init__(self, milliseconds):
        self.milliseconds = milliseconds
        self.ends = time.monotonic() + milliseconds / 1000

    def passed(self):
        return time.monotonic() >= self.ends

    def remaining_ms(self):
        return max(1, int((self.ends - time.monotonic()) * 1000))

    def resolve(self, next_, root, info, **arguments):
        """graphql-core middleware: every resolver first checks the clock (plain attribute
        reads excepted, see plain_fields.py)."""
        if self.passed():
            raise OutOfTime
        try:
            return next_(root, info, **arguments)
        except DatabaseError as error:
            if is_statement_timeout(error):
                raise OutOfTime from error
            raise

    @contextmanager
    def for_the_database(self):
        """The SQL of the answer stops at the deadline too: statement_timeout for the
        transaction on PostgreSQL, a progress handler on SQLite."""
        if connection.vendor == "postgresql":
            outer = connection.in_atomic_block
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT current_setting('statement_timeout'), "
                        "set_config('statement_timeout', %s, true)",
                        [f"{self.remaining_ms()}ms"],
                    )
                    before = cursor.fetchone()[0]
                yield
                if outer:
                    # Inside a transaction of the caller (tests), SET LOCAL would outlive ours.
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            raw = connection.connection
            raw.set_progress_handler(self.passed, 10_000)
            try:
                yield
            finally:
                raw.set_progress_handler(None, 0)
        else:
            yield


def timeout_answer(deadline):
    return error_answer(503, ErrorCode.TIMEOUT, budget=deadline.milliseconds)


def validation_errors(schema, document):
    """The limits first (each linear in the document), graphql-core's rules only on a document
    within them; at most GRAPHQL_MAX_ERRORS errors."""
    for rules in (limit_rules(), validation_rules()):
        errors = validate(
            schema.graphql_schema, document, rules, max_errors=settings.ECCIPA_GRAPHQL["MAX_ERRORS"]
        )
        if errors:
            return errors
    return []


def run(schema, request, *, document, trusted=False, variables=None, operation_name=None):
    """Validate (unless `document` is a published query's) and execute, within the budget."""
    deadline = Deadline(settings.ECCIPA_GRAPHQL["TIME_BUDGET_MS"])
    if not trusted:
        try:
            errors = validation_errors(schema, document)
        except RecursionError:
            # A chain of fragments deeper than Python's stack: each one nests a level.
            depth = len(document.definitions)
            return error_answer(
                400,
                ErrorCode.QUERY_TOO_DEEP,
                depth=depth,
                maximum=settings.ECCIPA_GRAPHQL["MAX_DEPTH"],
            )
        if errors:
            return validation_answer(errors)
        if deadline.passed():
            return timeout_answer(deadline)
    context = ApiContext(request)
    try:
        with deadline.for_the_database():
            result = execute(
                schema.graphql_schema,
                document,
                context_value=context,
                variable_values=variables,
                operation_name=operation_name,
                middleware=[deadline],
                execution_context_class=PlainFieldsExecutionContext,
            )
            if any(is_statement_timeout(error.original_error) for error in result.errors or []):
                raise OutOfTime
    except OutOfTime:
        logger.warning(
            "GraphQL answer stopped after its time budget of %d ms", deadline.milliseconds
        )
        return timeout_answer(deadline)
    payload = {}
    if result.errors:
        payload["errors"] = [format_error(e, ErrorCode.BAD_REQUEST) for e in result.errors]
    payload["data"] = result.data
    # An error without a path means the operation never ran (bad variables, unknown operation
    # name): a client error. Errors of fields (not found, page size) come with data, status 200.
    ran = not any(error.path is None for error in result.errors or [])
    return Answer(200 if ran else 400, encode(payload), frozenset(context.shown_pages()))
