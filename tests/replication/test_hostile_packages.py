"""Packages built to do harm: each is refused with a clear message and writes nothing."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Page

from co_design.access.verdicts import Refused
from co_design.replication.export import export_package
from co_design.replication.importer import import_package
from tests.support.factories import TerritoryFactory
from tests.support.site_tree import toolkit_with_module

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def toolkit():
    """A site with a live module to export, and the importing territory."""
    toolkit_with_module()
    TerritoryFactory(slug="rheinfeld")


def package(members, listed=None):
    """A zip whose manifest lists `listed` (default: every member, with true checksums)."""
    listed = members if listed is None else listed
    manifest = {
        "format": "eccipa-toolkit-package",
        "schema_version": "1.0",
        "created_at": "2026-11-27T15:00:00+00:00",
        "source": {"site_name": "Elsewhere", "base_url": "https://elsewhere.example.org/"},
        "licence": {"id": "CC-BY-SA-4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
        "files": [
            {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for path, data in listed.items()
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for path, data in members.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def content_of(data):
    return zipfile.ZipFile(io.BytesIO(data)).read("toolkit.json")


def state():
    return Page.objects.count(), Document.objects.count()


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda c: package({"toolkit.json": c, "../outside.txt": b"x"}), "outside itself"),
        (
            lambda c: package({"toolkit.json": c, "extra.txt": b"x"}, {"toolkit.json": c}),
            "which its manifest does not list",
        ),
        (lambda c: package({"toolkit.json": b"{not json"}), "toolkit.json is not valid JSON"),
        (
            lambda c: package({"toolkit.json": json.dumps({"modules": "all"}).encode()}),
            "toolkit.json is not valid",
        ),
        (lambda c: b"PK\x03\x04 truncated", "not a Toolkit package"),
    ],
    ids=["path-outside", "unlisted-file", "broken-json", "wrong-shape", "broken-zip"],
)
def test_hostile_package_is_refused_and_writes_nothing(build, message):
    data = build(content_of(export_package()))
    before = state()

    with pytest.raises(Refused, match=message):
        import_package(data, "rheinfeld", update=True)

    assert state() == before


def test_admin_form_answers_a_bad_package_with_400_and_the_reason(admin_client):
    before = state()

    response = admin_client.post(
        "/admin/toolkit-package/",
        {"package": SimpleUploadedFile("toolkit.zip", b"not a zip"), "territory": "rheinfeld"},
    )

    assert response.status_code == 400
    assert "This file is not a Toolkit package (it is not a zip file)." in (
        response.content.decode()
    )
    assert state() == before
