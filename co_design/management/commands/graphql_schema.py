"""graphene-django's graphql_schema, with a deterministic SDL for graphql/schema.graphql.

Types and fields are sorted by name (their order in Python code is not part of the contract),
and the file ends with a newline, so that the file changes only when the schema does:

    python manage.py graphql_schema --schema cms.schema.schema --out graphql/schema.graphql
"""

from graphene_django.management.commands.graphql_schema import Command as GrapheneCommand
from graphql import lexicographic_sort_schema, print_schema


def sorted_sdl(schema):
    return print_schema(lexicographic_sort_schema(schema.graphql_schema)) + "\n"


class Command(GrapheneCommand):
    def save_graphql_file(self, out, schema):
        with open(out, "w", encoding="utf-8") as outfile:
            outfile.write(sorted_sdl(schema))

    def get_schema(self, schema, out, indent):
        if out == "-.graphql":
            self.stdout.write(sorted_sdl(schema), ending="")
            return
        super().get_schema(schema, out, indent)
