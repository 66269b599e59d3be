"""The public GraphQL API: types, loaders, limits and the HTTP view (root query in schema.py).

Not called `graphql`: a package of that name would shadow graphql-core.
"""
