"""Importing a replication package into this site: drafts under the site's Toolkit, all or
nothing.

The package is checked whole before anything is written (a zip whose every file matches the
manifest's checksum, of a schema version this site reads, valid against the JSON Schema); then
one transaction creates the documents, images, competences, territories, needs findings, Toolkit
translations and modules, and files saved to storage are deleted again if it fails. Existing
pages are never changed without `update`: then they get a new draft revision, never a publish.
"""

import hashlib
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from posixpath import normpath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from co_design.access.verdicts import Refused
from co_design.activities.needs_review import NeedsFinding, NeedsReviewIndexPage, NeedsReviewPage
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.onboarding.add_territory import ensure_workflow
from co_design.territories import Competence, Territory

from . import package_format
from .export import MODULE_STREAMS, stream_block
from .references import Rewriter


@dataclass
class Package:
    manifest: dict
    content: dict
    files: dict


@dataclass
class ImportReport:
    changes: list = field(default_factory=list)
    modules: list = field(default_factory=list)


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


def import_package(data, territory, site=None, update=False, user=None):
    """Import the package's content as drafts; returns what was done."""
    package = read_package(data)
    target = Territory.objects.filter(slug=territory).first()
    if target is None:
        raise Refused(
            _("Unknown territory “%(slug)s”: give the slug of a territory of this site.")
            % {"slug": str(territory)[:120]},
            status=400,
        )
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Refused(_("This site has no default site to import into."), status=400)
    saved = []
    try:
        with transaction.atomic():
            return Importer(package, target, site, update, user, saved).run()
    except BaseException:
        # The rows are rolled back; the files they named must go too.
        for storage, name in saved:
            storage.delete(name)
        raise


class Importer:
    def __init__(self, package, territory, site, update, user, saved_files):
        self.content = package.content
        self.files = package.files
        self.territory = territory
        self.site = site
        self.update = update
        self.user = user
        self.saved_files = saved_files
        self.report = ImportReport()
        self.documents = {}
        self.images = {}
        self.pages = {}  # package page id → imported page id

    def run(self):
        self.locales = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in=self.content["languages"])
        }
        self.homes = self.site_homes()
        self.refuse_existing_modules()
        self.import_files()
        self.competences = self.map_competences()
        self.territories = self.map_territories()
        self.findings = self.map_findings()
        self.toolkits = self.ensure_toolkits()
        self.import_modules()
        return self.report

    # Where things go

    def site_homes(self):
        """The site's home page in each language of the package that the site has."""
        root = self.site.root_page
        homes = {}
        for code, locale in self.locales.items():
            home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
            if home is not None:
                homes[code] = home
        for code in self.content["languages"]:
            if code not in homes:
                self.report.changes.append(
                    _("Skipped the %(language)s content: this site has no home page in it.")
                    % {"language": code}
                )
        return homes

    def existing_toolkit(self, code):
        home = self.homes.get(code)
        return TrainingProgrammePage.objects.child_of(home).first() if home else None

    def refuse_existing_modules(self):
        if self.update:
            return
        existing = []
        for module in self.content["modules"]:
            for translation in module["translations"]:
                toolkit = self.existing_toolkit(translation["locale"])
                if toolkit is None:
                    continue
                page = TrainingModulePage.objects.child_of(toolkit).filter(slug=translation["slug"])
                if page.exists():
                    existing.append(f"{translation['title']} ({translation['locale']})")
        if existing:
            raise Refused(
                _(
                    "These modules exist on this site already: %(pages)s. Nothing was imported; "
                    "import with “update” to save the package's content as new drafts of them."
                )
                % {"pages": "; ".join(existing)},
                status=400,
            )

    # Files, snippets and findings

    def import_files(self):
        for entry in self.content["documents"]:
            self.documents[entry["id"]] = self.stored(get_document_model(), entry).pk
        for entry in self.content["images"]:
            self.images[entry["id"]] = self.stored(get_image_model(), entry).pk

    def stored(self, model, entry):
        """The site's copy of a file, reused when the same file is there already."""
        data = self.files.get(entry["file"])
        if data is None:
            raise Refused(
                _("The package names %(path)s but does not contain it.") % {"path": entry["file"]},
                status=400,
            )
        digest = hashlib.sha1(data).hexdigest()
        existing = model.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing
        item = model(title=entry["title"][:255])
        name = entry["file"].rsplit("/", 1)[-1].split("-", 1)[-1]
        item.file.save(name, ContentFile(data), save=False)
        self.saved_files.append((item.file.storage, item.file.name))
        item.file_hash = digest
        item.save()
        self.report.changes.append(_("Added the file “%(title)s”.") % {"title": item.title})
        return item

    def map_competences(self):
        competences = {}
        for entry in self.content["competences"]:
            competence = Competence.objects.filter(slug=entry["slug"]).first()
            if competence is None:
                competence = Competence.objects.filter(name=entry["name"]).first()
            if competence is None:
                competence = Competence.objects.create(
                    slug=entry["slug"], name=entry["name"], description=entry["description"]
                )
                self.report.changes.append(
                    _("Added the competence “%(name)s”.") % {"name": competence.name}
                )
            competences[entry["slug"]] = competence
        return competences

    def map_territories(self):
        """Territories of the findings: the site's own of the same slug (or name), else added.
        A module's lead territory is the site's own of the same slug, else the importing one."""
        territories = {}
        needed = {review["territory"] for review in self.content["needs_reviews"]}
        for entry in self.content["territories"]:
            if entry["slug"] not in needed:
                continue
            territory = Territory.objects.filter(slug=entry["slug"]).first()
            if territory is None:
                territory = Territory.objects.filter(name=entry["name"]).first()
            if territory is None:
                territory = Territory.objects.create(
                    slug=entry["slug"],
                    name=entry["name"],
                    country=entry["country"],
                    default_language=entry["default_language"],
                )
                self.report.changes.append(
                    _("Added the territory %(name)s.") % {"name": territory.name}
                )
            territories[entry["slug"]] = territory
        return territories

    def rewriter(self):
        return Rewriter(
            documents=lambda pk: self.documents.get(int(pk), pk),
            images=lambda pk: self.images.get(int(pk), pk),
            page_link=self.page_link,
        )

    def page_link(self, pk):
        new = self.pages.get(pk)
        return f'linktype="page" id="{new}"' if new else 'href="#"'

    def map_findings(self):
        """(package review id, block id) → the site's NeedsFinding: the site's own where its
        territory's needs review has the finding, else added to that review (a new draft
        revision) or to a new draft needs review."""
        findings = {}
        for review in self.content["needs_reviews"]:
            territory = self.territories[review["territory"]]
            locale = self.locales.get(review["locale"]) or Locale.get_default()
            page = NeedsReviewPage.objects.filter(territory=territory, locale=locale).first()
            known = {f.block_id: f for f in page.indexed_findings.all()} if page else {}
            missing = [entry for entry in review["findings"] if entry["block_id"] not in known]
            if missing:
                page = self.add_findings(page, review, territory, locale, missing)
                for entry in missing:
                    known[entry["block_id"]] = NeedsFinding.objects.create(
                        needs_review=page,
                        block_id=entry["block_id"],
                        kind=entry["kind"],
                        theme=entry["theme"][:120],
                        priority=entry["priority"],
                        is_current=entry["is_current"],
                    )
            for entry in review["findings"]:
                findings[(review["id"], entry["block_id"])] = known[entry["block_id"]]
        return findings

    def finding_blocks(self, entries):
        rewriter = self.rewriter()
        return [
            {
                "type": "finding",
                "id": entry["block_id"],
                "value": {
                    "kind": entry["kind"],
                    "theme": entry["theme"],
                    "priority": entry["priority"],
                    "evidence": rewriter.rich_text(entry["evidence"]),
                },
            }
            for entry in entries
        ]

    def add_findings(self, page, review, territory, locale, entries):
        if page is not None:
            draft = page.get_latest_revision_as_object()
            draft.findings = [*draft.findings.raw_data, *self.finding_blocks(entries)]
            draft.save_revision(user=self.user, log_action=True)
            self.report.changes.append(
                _("Added %(count)s findings to a new draft of “%(title)s”.")
                % {"count": len(entries), "title": page.title}
            )
            return page
        home = self.homes.get(locale.language_code) or self.site.root_page
        parent = NeedsReviewIndexPage.objects.descendant_of(home).first()
        if parent is None:
            raise Refused(
                _("This site has no needs review index in %(language)s for the findings.")
                % {"language": locale.get_display_name()},
                status=400,
            )
        page = NeedsReviewPage(
            title=review["title"],
            slug=self.free_slug(parent, review["slug"]),
            locale=locale,
            territory=territory,
            summary=self.rewriter().rich_text(review["summary"]),
            findings=self.finding_blocks(entries),
            live=False,
        )
        parent.add_child(instance=page)
        page.save_revision(user=self.user, log_action=True)
        self.report.changes.append(
            _("Created the draft needs review “%(title)s”.") % {"title": page.title}
        )
        return page

    @staticmethod
    def free_slug(parent, slug):
        candidate, number = slug, 1
        while parent.get_children().filter(slug=candidate).exists():
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    # Pages

    def ensure_toolkits(self):
        toolkits = {}
        entries = {entry["locale"]: entry for entry in self.content["toolkit"]}
        key = None
        for code in self.homes:
            toolkit = self.existing_toolkit(code)
            if toolkit is not None:
                key = key or toolkit.translation_key
        key = key or uuid.uuid4()
        for code, home in self.homes.items():
            toolkit = self.existing_toolkit(code)
            entry = entries.get(code)
            if toolkit is None:
                entry = entry or next(iter(entries.values()), None)
                if entry is None:
                    continue
                toolkit = TrainingProgrammePage(
                    translation_key=key,
                    locale=home.locale,
                    live=False,
                    **self.toolkit_fields(entry),
                )
                toolkit.slug = self.free_slug(home, entry["slug"])
                home.add_child(instance=toolkit)
                toolkit.save_revision(user=self.user, log_action=True)
                self.report.changes.append(
                    _("Created the draft Toolkit “%(title)s” (%(language)s).")
                    % {"title": toolkit.title, "language": code}
                )
            elif self.update and entry is not None:
                draft = toolkit.get_latest_revision_as_object()
                for name, value in self.toolkit_fields(entry).items():
                    setattr(draft, name, value)
                draft.save_revision(user=self.user, log_action=True)
                self.report.changes.append(
                    _("Saved a new draft of the Toolkit “%(title)s” (%(language)s).")
                    % {"title": toolkit.title, "language": code}
                )
            if toolkit.get_workflow() is None:
                ensure_workflow(toolkit)
            self.pages.update(
                {e["id"]: toolkit.pk for e in self.content["toolkit"] if e["locale"] == code}
            )
            toolkits[code] = toolkit
        return toolkits

    def toolkit_fields(self, entry):
        rewriter = self.rewriter()
        return {
            "title": entry["title"],
            "introduction": rewriter.rich_text(entry["introduction"]),
            "how_to_use": rewriter.rich_text(entry["how_to_use"]),
        }

    def import_modules(self):
        written = []
        for module in self.content["modules"]:
            translations = [t for t in module["translations"] if t["locale"] in self.toolkits]
            key = None
            for translation in translations:
                toolkit = self.toolkits[translation["locale"]]
                existing = (
                    TrainingModulePage.objects.child_of(toolkit)
                    .filter(slug=translation["slug"])
                    .first()
                )
                if existing is not None:
                    key = key or existing.translation_key
            key = key or uuid.uuid4()
            for translation in translations:
                written.append((translation, self.write_module(translation, key)))
        # Links between modules are known once every module has its page.
        for translation, page in written:
            if 'linktype="page"' in json.dumps(translation):
                draft = page.get_latest_revision_as_object()
                self.set_module_fields(draft, translation)
                draft.save_revision(user=self.user)

    def write_module(self, translation, key):
        toolkit = self.toolkits[translation["locale"]]
        page = TrainingModulePage.objects.child_of(toolkit).filter(slug=translation["slug"]).first()
        if page is not None:
            draft = page.specific.get_latest_revision_as_object()
            self.set_module_fields(draft, translation)
            draft.save_revision(user=self.user, log_action=True)
            self.report.changes.append(
                _("Saved a new draft of the module “%(title)s”.") % {"title": page.title}
            )
        else:
            page = TrainingModulePage(
                slug=translation["slug"], locale=toolkit.locale, translation_key=key, live=False
            )
            self.set_module_fields(page, translation)
            toolkit.add_child(instance=page)
            page.save_revision(user=self.user, log_action=True)
            self.report.changes.append(
                _("Created the draft module “%(title)s”.") % {"title": page.title}
            )
        self.pages[translation["id"]] = page.pk
        self.report.modules.append(page)
        return page

    def set_module_fields(self, page, translation):
        rewriter = self.rewriter()
        lead = translation["territory"]
        page.title = translation["title"]
        page.territory = (
            None if lead is None else Territory.objects.filter(slug=lead).first() or self.territory
        )
        page.summary = translation["summary"]
        page.duration_hours = Decimal(translation["duration_hours"])
        page.delivery_format = translation["delivery_format"]
        for name in MODULE_STREAMS:
            setattr(
                page,
                name,
                rewriter.stream(stream_block(TrainingModulePage, name), translation[name]),
            )
        page.competences.set([self.competences[slug] for slug in translation["competences"]])
        page.needs_findings.set(
            [
                self.findings[(link["needs_review"], link["block_id"])]
                for link in translation["needs_findings"]
            ]
        )
