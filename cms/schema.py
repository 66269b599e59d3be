"""The public GraphQL schema, composed from the apps' schema modules."""

import graphene

from co_design.schema import Query as CoDesignQuery


class Query(CoDesignQuery, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query)
