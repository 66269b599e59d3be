"""How a package's references land on this site: its documents and images stored, its
competences and territories matched by slug, its needs findings found by block id or added to a
draft needs review."""

import hashlib

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from co_design.access.verdicts import Refused
from co_design.activities.needs_review import NeedsFinding, NeedsReviewIndexPage, NeedsReviewPage
from co_design.territories import Competence, Territory

from .references import Rewriter


class ReferenceMapping:
    """The Importer's part that maps what the package's pages refer to."""

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
