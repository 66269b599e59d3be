"""`toolkitPackage`: where external sites download the Toolkit's replication package."""

import graphene
from django.urls import reverse

from co_design.notifications.links import absolute_url

from . import package_format


class ToolkitPackageType(graphene.ObjectType):
    url = graphene.String(required=True, description="Address of the zip of the live Toolkit.")
    schema_version = graphene.String(
        required=True, description="major.minor of the package format (docs/toolkit-package.md)."
    )
    licence = graphene.String(required=True, description="SPDX identifier of its licence.")

    class Meta:
        name = "ToolkitPackage"

    @staticmethod
    def resolve_url(root, info):
        return absolute_url(reverse("toolkit_package"))

    @staticmethod
    def resolve_schema_version(root, info):
        return package_format.SCHEMA_VERSION

    @staticmethod
    def resolve_licence(root, info):
        return package_format.licence()["id"]


def toolkit_package_field():
    return graphene.Field(
        ToolkitPackageType,
        required=True,
        description="The Toolkit's replication package, for another city's site to import.",
    )
