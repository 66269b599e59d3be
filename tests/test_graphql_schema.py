"""The GraphQL schema is composed from the apps (the endpoint itself comes with the API work)."""

import pytest

from cms.schema import schema

pytestmark = pytest.mark.django_db


def test_territories_query_lists_the_partner_territories(django_assert_num_queries):
    with django_assert_num_queries(2):
        result = schema.execute("{ territories { name countryName partnerOrganisations } }")
    assert result.errors is None
    territories = {item["name"]: item for item in result.data["territories"]}
    assert territories["Valdoria"]["countryName"] == "Italy"
    assert "Cooperativa Ponti" in territories["Valdoria"]["partnerOrganisations"]
