"""Importing a replication package into this site: drafts under the site's Toolkit, all or
nothing.

The package is checked whole before anything is written (a zip whose every file matches the
manifest's checksum, of a schema version this site reads, valid against the JSON Schema); then
one transaction creates the documents, images, competences, territories, needs findings, Toolkit
translations and modules, and files saved to storage are deleted again if it fails. Existing
pages are never changed without `update`: then they get a new draft revision, never a publish.
"""

import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from co_design.access.verdicts import Refused
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.onboarding.add_territory import ensure_workflow
from co_design.territories import Territory

from .export import MODULE_STREAMS, stream_block
from .mapping import ReferenceMapping
from .package_reader import read_package


@dataclass
class ImportReport:
    changes: list = field(default_factory=list)
    modules: list = field(default_factory=list)


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


class Importer(ReferenceMapping):
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
