"""The HTTP endpoint, /graphql/.

- POST, application/json only: {"query", "variables", "operationName"} or {"id", …} for a
  published query. One operation per request (a JSON list, a batch, is refused).
- GET runs published queries only (?id=<sha256>&variables=<json>), with Cache-Control for
  browsers and shared caches, a strong ETag, and a Surrogate-Key header naming the pages the
  answer contains; If-None-Match answers 304.
- Answers of 200 are cached ready to send (ready_answers.py): gzip or brotli when the client
  accepts it, with Vary: Accept-Encoding.
- CSRF: exempt, because nothing here can change anything: the schema has no Mutation type and no
  resolver reads the user or the session. Cross-site readers are what the endpoint is for; which
  origins browsers let read the answers is CORS_ALLOWED_ORIGINS (django-cors-headers).
- GraphiQL only when DEBUG.
- Cached answers are keyed on the printed parsed document, so spaces, line breaks and comments
  do not matter; the parsed document is the one executed.
"""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import GraphQLError, print_ast

from co_design.graphql_api import local_answers, response_cache
from co_design.graphql_api.errors import ErrorCode
from co_design.graphql_api.execution import Answer, encode, error_answer, format_error, run
from co_design.graphql_api.limits import (
    control_characters_error,
    has_control_characters,
    parse_query,
)
from co_design.graphql_api.persisted import find_published_query
from co_design.graphql_api.ready_answers import IDENTITY, ReadyAnswer, accepted_coding, make_ready

# Answers differ by the language of their error messages and by their content coding.
VARY = "Accept-Language, Accept-Encoding"


def error_answer_of(error, status=400):
    return Answer(status, encode({"errors": [format_error(error, ErrorCode.BAD_REQUEST)]}))


class RequestError(Exception):
    def __init__(self, answer):
        self.answer = answer


def bad_request(code, status=400, **params):
    return RequestError(error_answer(status, code, **params))


class PublicGraphQLView(View):
    http_method_names = ["get", "post", "options"]
    schema = None

    @classmethod
    def as_view(cls, **initkwargs):
        # Exempt the view function itself: method_decorator on dispatch would build a bound
        # wrapper on every request.
        return csrf_exempt(super().as_view(**initkwargs))

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = self.respond(request, error_answer(405, ErrorCode.METHOD_NOT_ALLOWED))
        response["Allow"] = "GET, POST, OPTIONS"
        return response

    def get(self, request):
        if settings.DEBUG and "id" not in request.GET and GraphQLView.request_wants_html(request):
            return GraphQLView.as_view(schema=self.get_schema(), graphiql=True)(request)
        try:
            if "id" not in request.GET:
                raise bad_request(ErrorCode.PERSISTED_QUERY_REQUIRED)
            published = self.published(request.GET["id"])
            variables = self.variables(request.GET.get("variables"))
            operation_name = request.GET.get("operationName") or None
        except RequestError as error:
            return self.respond(request, error.answer)
        answer = self.answer(
            request,
            query_key=published.sha256,
            document=published.document,
            trusted=True,
            variables=variables,
            operation_name=operation_name,
        )
        if answer.status != 200:
            return self.respond(request, answer)
        if answer.matches(request.META.get("HTTP_IF_NONE_MATCH")):
            response = HttpResponseNotModified()
            response["Vary"] = VARY
            response["ETag"] = answer.etags[self.coding(request, answer)]
        else:
            response = self.respond(request, answer)
        limits = settings.ECCIPA_GRAPHQL
        response["Cache-Control"] = (
            f"public, max-age={limits['CACHE_MAX_AGE']}, s-maxage={limits['SHARED_CACHE_MAX_AGE']}"
        )
        response["Surrogate-Key"] = answer.surrogate_keys
        return response

    def post(self, request):
        try:
            body = self.json_body(request)
            variables = self.variables(body.get("variables"))
            operation_name = body.get("operationName") or None
            if body.get("query") is None and body.get("id") is not None:
                published = self.published(body["id"])
                arguments = {
                    "query_key": published.sha256,
                    "document": published.document,
                    "trusted": True,
                }
            elif isinstance(body.get("query"), str):
                document = self.parsed(body["query"])
                arguments = {"query_key": print_ast(document), "document": document}
            else:
                raise bad_request(ErrorCode.BAD_REQUEST, reason=_("no query"))
        except RequestError as error:
            return self.respond(request, error.answer)
        answer = self.answer(
            request, variables=variables, operation_name=operation_name, **arguments
        )
        response = self.respond(request, answer)
        response["Cache-Control"] = "no-store"
        return response

    # Parts of a request

    def json_body(self, request):
        content_type = request.content_type.split(";")[0].strip().lower()
        if content_type != "application/json":
            raise bad_request(ErrorCode.UNSUPPORTED_MEDIA_TYPE, status=415)
        try:
            body = json.loads(request.body or b"null")
        except RequestDataTooBig:
            raise bad_request(
                ErrorCode.QUERY_TOO_LARGE, status=413, reason=_("the body is too large")
            ) from None
        except RecursionError:
            raise bad_request(
                ErrorCode.BAD_REQUEST, reason=_("the JSON is nested too deeply")
            ) from None
        except (UnicodeDecodeError, ValueError):
            raise bad_request(ErrorCode.BAD_REQUEST, reason=_("the body is not JSON")) from None
        if isinstance(body, list):
            raise bad_request(ErrorCode.BATCHING_NOT_ALLOWED)
        if not isinstance(body, dict):
            raise bad_request(ErrorCode.BAD_REQUEST, reason=_("the body is not a JSON object"))
        return body

    def published(self, query_id):
        published = find_published_query(str(query_id))
        if published is None:
            raise bad_request(
                ErrorCode.PERSISTED_QUERY_NOT_FOUND, status=404, id=str(query_id)[:80]
            )
        return published

    def variables(self, raw):
        if isinstance(raw, str):
            try:
                raw = json.loads(raw)
            except RecursionError:
                raise bad_request(
                    ErrorCode.BAD_REQUEST, reason=_("the JSON is nested too deeply")
                ) from None
            except ValueError:
                raise bad_request(
                    ErrorCode.BAD_REQUEST, reason=_("variables are not JSON")
                ) from None
        if raw is not None and not isinstance(raw, dict):
            raise bad_request(ErrorCode.BAD_REQUEST, reason=_("variables are not a JSON object"))
        if has_control_characters(raw):
            raise RequestError(error_answer_of(control_characters_error()))
        return raw or None

    def parsed(self, query):
        try:
            return parse_query(query)
        except GraphQLError as error:
            raise RequestError(error_answer_of(error)) from None

    # Answers

    def get_schema(self):
        if self.schema is None:
            from cms.schema import schema

            return schema
        return self.schema

    def answer(self, request, *, query_key, variables, operation_name, **query):
        """From the cache, or run and cached ready to send (error messages are translated: the
        language is part of the key). A 200 comes back as a ReadyAnswer, other statuses as they
        ran."""
        generation = response_cache.current_generation()
        key = response_cache.answer_key(
            generation, get_language(), query_key, variables, operation_name
        )
        answer = local_answers.get(key)
        if answer is not None:
            return answer
        answer = response_cache.get_answer(key)
        if answer is None:
            answer = run(
                self.get_schema(),
                request,
                variables=variables,
                operation_name=operation_name,
                **query,
            )
            if answer.status != 200:
                return answer
            answer = make_ready(answer, lifetime=response_cache.answer_lifetime())
            response_cache.store_answer(key, answer)
        local_answers.put(key, answer)
        return answer

    def coding(self, request, answer):
        return accepted_coding(request.META.get("HTTP_ACCEPT_ENCODING"), answer.bodies)

    def respond(self, request, answer):
        if isinstance(answer, ReadyAnswer):
            coding = self.coding(request, answer)
            response = HttpResponse(
                answer.bodies[coding], status=answer.status, content_type="application/json"
            )
            if coding != IDENTITY:
                response["Content-Encoding"] = coding
            response["ETag"] = answer.etags[coding]
        else:
            response = HttpResponse(
                answer.body, status=answer.status, content_type="application/json"
            )
        response["Vary"] = VARY
        return response
