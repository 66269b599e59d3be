"""The public GraphQL schema, composed from the apps' schema modules.

Read-only by construction: there is no Mutation type (which is what lets the endpoint accept
cross-site POSTs without a CSRF token, see co_design/graphql_api/view.py).
"""

import graphene

from co_design.graphql_api.context import ApiContext
from co_design.graphql_api.errors import ErrorCodeEnum
from co_design.graphql_api.plain_fields import PlainFieldsExecutionContext
from co_design.schema import Query as CoDesignQuery


class Query(CoDesignQuery, graphene.ObjectType):
    pass


class PublicSchema(graphene.Schema):
    def execute(self, *args, context_value=None, **kwargs):
        """Every execution gets its own context (loaders), also outside the HTTP view, and
        the short path for plain fields (co_design/graphql_api/plain_fields.py)."""
        kwargs.setdefault("execution_context_class", PlainFieldsExecutionContext)
        return super().execute(*args, context_value=context_value or ApiContext(), **kwargs)


schema = PublicSchema(query=Query, types=[ErrorCodeEnum])
