"""Reading a replication package: the whole zip checked before anything is written (every file
matches the manifest's checksum, a schema version this site reads, valid against the JSON
Schema), or a Refused saying what is wrong with it."""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from posixpath import normpath

from django.utils.translation import gettext as _

from co_design.access.verdicts import Refused

from . import package_format


@dataclass
class Package:
    manifest: dict
    content: dict
    files: dict


def refuse_damaged(path):
    raise Refused(
        _(
            "The package is damaged or was changed after it was exported: %(path)s does not "
            "match its checksum in the manifest. Nothing was imported."
        )
        % {"path": path},
        status=400,
    )


def read_json(archive, name):
    try:
        return json.loads(archive.read(name).decode("utf-8"))
    except (KeyError, UnicodeError, ValueError):
        return None


def first_error(validator, document):
    error = next(iter(sorted(validator.iter_errors(document), key=lambda e: e.path)), None)
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path) or "—"
    return f"{where}: {error.message[:200]}"


def read_package(data):
    """The checked package, or Refused saying what is wrong with it."""
    if len(data) > package_format.MAX_PACKAGE_BYTES:
        raise Refused(_("The package is larger than 100 MB."), status=400)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        raise Refused(
            _("This file is not a Toolkit package (it is not a zip file)."),
            status=400,
        ) from None
    if len(names) > package_format.MAX_MEMBERS:
        raise Refused(_("The package has too many files."), status=400)
    manifest = read_json(archive, package_format.MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != package_format.FORMAT:
        raise Refused(
            _("This file is not a Toolkit package: it has no readable manifest.json."),
            status=400,
        )
    version = str(manifest.get("schema_version", ""))[:20]
    if not package_format.readable(version):
        raise Refused(
            _(
                "This package uses schema version %(version)s; this site reads version "
                "%(supported)s and its minor versions only. Nothing was imported."
            )
            % {"version": version or "?", "supported": package_format.SCHEMA_VERSION},
            status=400,
        )
    error = first_error(package_format.validator("manifest"), manifest)
    if error:
        raise Refused(
            _("The manifest is not valid: %(error)s") % {"error": error},
            status=400,
        )
    listed = {entry["path"]: entry for entry in manifest["files"]}
    for name in names:
        if name != package_format.MANIFEST and name not in listed:
            raise Refused(
                _("The package contains %(path)s, which its manifest does not list.")
                % {"path": name[:200]},
                status=400,
            )
    if sum(entry["bytes"] for entry in listed.values()) > package_format.MAX_PACKAGE_BYTES:
        raise Refused(_("The package is larger than 100 MB."), status=400)
    files = {}
    for path, entry in listed.items():
        if normpath(path) != path or path.startswith(("/", "..")):
            raise Refused(
                _("The package names a file outside itself: %(path)s") % {"path": path},
                status=400,
            )
        try:
            info = archive.getinfo(path)
        except KeyError:
            refuse_damaged(path)
        if info.file_size != entry["bytes"]:
            refuse_damaged(path)
        content = archive.read(path)
        if hashlib.sha256(content).hexdigest() != entry["sha256"]:
            refuse_damaged(path)
        files[path] = content
    if package_format.CONTENT not in files:
        raise Refused(
            _("The package has no %(path)s.") % {"path": package_format.CONTENT}, status=400
        )
    try:
        content = json.loads(files.pop(package_format.CONTENT).decode("utf-8"))
    except (UnicodeError, ValueError):
        raise Refused(_("toolkit.json is not valid JSON."), status=400) from None
    error = first_error(package_format.validator("content"), content)
    if error:
        raise Refused(
            _("toolkit.json is not valid: %(error)s") % {"error": error},
            status=400,
        )
    return Package(manifest, content, files)
