"""The GraphQL types, one module per kind of content."""
