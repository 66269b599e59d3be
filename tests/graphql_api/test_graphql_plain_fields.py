"""The short path for plain fields gives the answers and errors graphql-core gives."""

import graphene
import pytest
from graphql import ExecutionContext

from cms.schema import schema
from co_design.graphql_api.plain_fields import PlainFieldsExecutionContext, reads_only

from ..support.graphql_support import QUERIES

pytestmark = pytest.mark.django_db


def both_ways(graphene_schema, query, **variables):
    results = [
        graphene_schema.execute(
            query, variable_values=variables or None, execution_context_class=kind
        )
        for kind in (ExecutionContext, PlainFieldsExecutionContext)
    ]
    return [(result.data, [error.formatted for error in result.errors or []]) for result in results]


@pytest.mark.parametrize("name", sorted(path.stem for path in QUERIES.glob("*.graphql")))
def test_every_published_query_answers_the_same(name):
    query = (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")
    variables = {"slug": "valdoria-local-strategy"} if "$slug" in query else {}
    graphql_core, plain = both_ways(schema, query, **variables)
    assert plain == graphql_core
    assert graphql_core[0]  # data, not just errors


class Thing:
    def __init__(self, name, size):
        self.name = name
        self.size = size


class Query(graphene.ObjectType):
    things = graphene.List(
        graphene.NonNull(
            type(
                "Thing",
                (graphene.ObjectType,),
                {
                    "name": graphene.String(required=True),
                    "size": graphene.Int(),
                    "label": graphene.String(
                        required=True,
                        resolver=reads_only(lambda thing, info: thing.name.upper()),
                    ),
                },
            )
        )
    )

    def resolve_things(root, info):
        return [Thing("a", 1), Thing(None, "not a number"), Thing("c", None)]


def test_errors_of_plain_fields_are_those_of_graphql_core():
    small = graphene.Schema(query=Query)
    graphql_core, plain = both_ways(small, "{ things { size } }")
    assert plain == graphql_core
    data, errors = plain
    assert data == {"things": [{"size": 1}, {"size": None}, {"size": None}]}
    assert [error["message"] for error in errors] == [
        "Int cannot represent non-integer value: 'not a number'"
    ]
    graphql_core, plain = both_ways(small, "{ things { name } }")
    assert plain == graphql_core
    data, errors = plain
    assert data == {"things": None}
    assert [error["message"] for error in errors] == [
        "Cannot return null for non-nullable field Thing.name."
    ]


def test_a_reads_only_resolver_is_read_on_the_short_path_with_the_same_result():
    small = graphene.Schema(query=Query)
    graphql_core, plain = both_ways(small, "{ things { size label } }")
    assert plain == graphql_core
    # The second thing has no name to upper-case: an error, as before.
    assert plain[0] == {"things": None}
    assert "'NoneType' object has no attribute 'upper'" in [e["message"] for e in plain[1]][-1]


class Colour(graphene.Enum):
    RED = "red"
    BLUE = "blue"


class Painted(graphene.ObjectType):
    colours = graphene.List(graphene.NonNull(Colour), required=True)
    sizes = graphene.List(graphene.NonNull(graphene.Int))


class PaintedQuery(graphene.ObjectType):
    painted = graphene.List(graphene.NonNull(Painted), required=True)

    def resolve_painted(root, info):
        return [
            {"colours": ["red", "blue"], "sizes": (1, 2)},
            {"colours": [], "sizes": None},
            {"colours": ["red"], "sizes": [3, "three"]},
            {"colours": ["red", None], "sizes": [4]},
        ]


def test_lists_of_scalars_and_enums_read_in_one_go_give_what_graphql_core_gives():
    small = graphene.Schema(query=PaintedQuery)
    graphql_core, plain = both_ways(small, "{ painted { colours } }")
    assert plain == graphql_core
    # A null among the colours of the fourth: the error of a non-null item, up to the root.
    assert plain[0] is None
    assert [error["path"] for error in plain[1]] == [["painted", 3, "colours", 1]]
    graphql_core, plain = both_ways(small, "{ painted { sizes } }")
    assert plain == graphql_core
    assert plain[0] == {
        "painted": [{"sizes": [1, 2]}, {"sizes": None}, {"sizes": None}, {"sizes": [4]}]
    }
    assert [error["message"] for error in plain[1]] == [
        "Int cannot represent non-integer value: 'three'"
    ]


# Objects, lists and interfaces completed by the completers decided once per field


class Named(graphene.Interface):
    name = graphene.String(required=True)


class Room(graphene.ObjectType):
    class Meta:
        interfaces = (Named,)

    seats = graphene.Int(required=True)
    occupant = graphene.Field(lambda: Room)

    def resolve_seats(room, info):
        if room["seats"] == "boom":
            raise ValueError("the seats cannot be counted")
        return room["seats"]

    def resolve_occupant(room, info):
        return room.get("occupant")

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, dict) and "seats" in root


ROOMS = [
    {"name": "hall", "seats": 40, "occupant": {"name": "nested", "seats": 2}},
    {"name": "attic", "seats": "boom"},
    {"name": "cellar", "seats": 3, "occupant": "not a room"},
]


class BuildingQuery(graphene.ObjectType):
    rooms = graphene.List(graphene.NonNull(Room), required=True)
    optional_rooms = graphene.List(Room)
    first = graphene.Field(Room, required=True)
    named = graphene.List(Named)
    missing = graphene.Field(Room, required=True)

    def resolve_rooms(root, info):
        return ROOMS

    def resolve_optional_rooms(root, info):
        return [ROOMS[0], None, ROOMS[1]]

    def resolve_first(root, info):
        return ROOMS[0]

    def resolve_named(root, info):
        return [ROOMS[0], ROOMS[2]]

    def resolve_missing(root, info):
        return None


@pytest.mark.parametrize(
    "query",
    [
        "{ rooms { name seats } }",
        "{ rooms { name occupant { name seats } } }",
        "{ optionalRooms { name seats } }",
        "{ first { name occupant { name occupant { name } } } }",
        "{ named { name ... on Room { seats } } }",
        "{ missing { name } }",
        "{ first { name } missing { name } }",
    ],
)
def test_objects_lists_and_interfaces_give_the_data_and_errors_graphql_core_gives(query):
    building = graphene.Schema(query=BuildingQuery, types=[Room])
    graphql_core, plain = both_ways(building, query)
    assert plain == graphql_core


def test_an_error_deep_in_a_list_of_required_objects_nulls_the_list_at_its_path():
    building = graphene.Schema(query=BuildingQuery, types=[Room])
    data, errors = both_ways(building, "{ optionalRooms { name seats } }")[1]
    # The attic cannot count its seats (a required field): that room becomes null, and the
    # optional list keeps the others.
    assert data == {"optionalRooms": [{"name": "hall", "seats": 40}, None, None]}
    assert [(e["message"], e["path"]) for e in errors] == [
        ("the seats cannot be counted", ["optionalRooms", 2, "seats"])
    ]
    data, errors = both_ways(building, "{ rooms { name seats } }")[1]
    assert data is None  # a required room failed: the required list, then the root, are null
    assert [(e["message"], e["path"]) for e in errors] == [
        ("the seats cannot be counted", ["rooms", 1, "seats"])
    ]
    data, errors = both_ways(building, "{ rooms { name occupant { name } } }")[1]
    # An occupant is optional: the one that is not a room alone becomes null.
    assert data["rooms"][2] == {"name": "cellar", "occupant": None}
    assert [(e["message"], e["path"]) for e in errors] == [
        ("Expected value of type 'Room' but got: 'not a room'.", ["rooms", 2, "occupant"])
    ]
