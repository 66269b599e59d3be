import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from co_design.replication import package_format
from co_design.replication.export import export_package
from tests.support.factories import TerritoryFactory, person
from tests.support.graphql_support import data_of
from tests.support.site_tree import toolkit_with_module

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def module():
    """A site with a live module, and the importing territory."""
    TerritoryFactory(slug="valdoria")
    return toolkit_with_module()[1]


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and says why."""
    return response.status_code == 302 and response.url == "/admin/"


def test_api_gives_the_package_address_and_version(client):
    data = data_of("{ toolkitPackage { url schemaVersion licence } }")["toolkitPackage"]

    assert data["schemaVersion"] == package_format.SCHEMA_VERSION
    assert data["licence"] == "CC-BY-SA-4.0"
    assert data["url"].endswith("/toolkit-package.zip")
    response = client.get("/toolkit-package.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("manifest.json"))
    assert manifest["schema_version"] == data["schemaVersion"]


def test_public_package_holds_live_content_only(client, module):
    module.title = "A draft title nobody approved"
    module.save_revision()

    content = zipfile.ZipFile(io.BytesIO(client.get("/toolkit-package.zip").content)).read(
        "toolkit.json"
    )

    assert b"A draft title nobody approved" not in content
    assert client.post("/toolkit-package.zip").status_code == 405


def test_administrator_downloads_and_imports_in_the_admin(admin_client):
    page = admin_client.get("/admin/toolkit-package/")
    assert page.status_code == 200
    assert "Download the Toolkit package" in page.content.decode()
    download = admin_client.get("/admin/toolkit-package/export/")
    assert download.status_code == 200 and download.content[:2] == b"PK"

    pages = Page.objects.count()
    refused = admin_client.post(
        "/admin/toolkit-package/",
        {
            "package": SimpleUploadedFile("toolkit.zip", export_package()),
            "territory": "valdoria",
        },
    )
    assert refused.status_code == 400
    assert "These modules exist on this site already" in refused.content.decode()
    assert Page.objects.count() == pages

    updated = admin_client.post(
        "/admin/toolkit-package/",
        {
            "package": SimpleUploadedFile("toolkit.zip", export_package()),
            "territory": "valdoria",
            "update": "on",
        },
    )
    assert updated.status_code == 200
    assert "Saved a new draft of the module" in updated.content.decode()
    assert Page.objects.count() == pages


@pytest.mark.parametrize("role", ["editor", "moderator", "partner_lead"])
def test_only_administrators_reach_the_package_screens(client, role):
    client.force_login(person(role, TerritoryFactory()))

    assert refused(client.get("/admin/toolkit-package/"))
    assert refused(client.get("/admin/toolkit-package/export/"))
