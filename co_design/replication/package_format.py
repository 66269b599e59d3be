"""The package format: its version, its JSON Schema (docs/toolkit-package.schema.json, also
for cities on another CMS) and the limits an import holds a zip to."""

import json
from functools import cache

from django.conf import settings
from jsonschema import Draft202012Validator

FORMAT = "eccipa-toolkit-package"
# Major.minor: an import reads every minor version of its major version, never another major.
SCHEMA_VERSION = "1.0"
SCHEMA_PATH = settings.BASE_DIR / "docs" / "toolkit-package.schema.json"
MANIFEST = "manifest.json"
CONTENT = "toolkit.json"

MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 2000


@cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def validator(definition):
    """A validator of one part of the package: "manifest" or "content"."""
    return Draft202012Validator({**schema(), "$ref": f"#/$defs/{definition}"})


def major(version):
    return str(version).split(".", 1)[0]


def readable(version):
    return major(version) == major(SCHEMA_VERSION)


def licence():
    return {
        "id": settings.ECCIPA_TOOLKIT_PACKAGE["LICENCE"],
        "url": settings.ECCIPA_TOOLKIT_PACKAGE["LICENCE_URL"],
    }
