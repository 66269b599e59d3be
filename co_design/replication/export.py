"""Writing the replication package: the live Toolkit and modules in every language, the needs
findings they address, the documents and images they use, and a manifest with checksums."""

import hashlib
import io
import json
import zipfile
from collections import defaultdict

from django.conf import settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.notifications.links import absolute_url

from . import package_format
from .references import Rewriter

MODULE_STREAMS = ("target_audience", "learning_objectives", "activities", "resources")


def stream_block(model, name):
    return model._meta.get_field(name).stream_block


class Collector:
    """Records every document, image and page a piece of content refers to. Page links to pages
    outside the package become plain links to their public address."""

    def __init__(self, exported_page_ids):
        self.documents = set()
        self.images = set()
        self.exported = exported_page_ids
        self.rewriter = Rewriter(
            documents=self.document, images=self.image, page_link=self.page_link
        )

    def document(self, pk):
        self.documents.add(int(pk))
        return pk

    def image(self, pk):
        self.images.add(int(pk))
        return pk

    def page_link(self, pk):
        if pk in self.exported:
            return f'linktype="page" id="{pk}"'
        page = Page.objects.filter(pk=pk).first()
        url = page.full_url if page else None
        return f'href="{url}"' if url else 'href="#"'


def live_pages(model):
    return model.objects.live().public().select_related("locale").order_by("path")


def export_package(site=None):
    """The package as bytes (a zip)."""
    toolkits = list(live_pages(TrainingProgrammePage))
    modules = list(
        live_pages(TrainingModulePage)
        .select_related("territory")
        .prefetch_related("competences", "needs_findings__needs_review__territory")
    )
    collector = Collector({page.pk for page in (*toolkits, *modules)})
    findings = {}
    territories = {}
    competences = {}

    def territory(value):
        if value is not None:
            territories[value.slug] = value
            return value.slug
        return None

    groups = defaultdict(list)
    for module in modules:
        translation = {
            "id": module.pk,
            "locale": module.locale.language_code,
            "title": module.title,
            "slug": module.slug,
            "territory": territory(module.territory),
            "summary": module.summary,
            "duration_hours": str(module.duration_hours),
            "delivery_format": module.delivery_format,
            "competences": [],
            "needs_findings": [],
        }
        for competence in module.competences.all():
            competences[competence.slug] = competence
            translation["competences"].append(competence.slug)
        for finding in linked_findings(module):
            findings[finding.pk] = finding
            territory(finding.needs_review.territory)
            translation["needs_findings"].append(finding_key(finding))
        for name in MODULE_STREAMS:
            translation[name] = collector.rewriter.stream(
                stream_block(TrainingModulePage, name), getattr(module, name).raw_data
            )
        groups[str(module.translation_key)].append(translation)

    content = {
        "languages": sorted({page.locale.language_code for page in (*toolkits, *modules)}),
        "territories": [
            {
                "slug": value.slug,
                "name": value.name,
                "country": value.country,
                "default_language": value.default_language,
            }
            for value in sorted(territories.values(), key=lambda t: t.slug)
        ],
        "competences": [
            {"slug": value.slug, "name": value.name, "description": value.description}
            for value in sorted(competences.values(), key=lambda c: c.slug)
        ],
        "toolkit": [
            {
                "id": page.pk,
                "locale": page.locale.language_code,
                "title": page.title,
                "slug": page.slug,
                "introduction": collector.rewriter.rich_text(page.introduction),
                "how_to_use": collector.rewriter.rich_text(page.how_to_use),
            }
            for page in toolkits
        ],
        "modules": [{"translations": translations} for translations in groups.values()],
        "needs_reviews": needs_reviews(findings.values(), collector),
    }
    files = {}
    content["documents"] = [
        packed_file(files, "documents", document)
        for document in get_document_model().objects.filter(pk__in=collector.documents)
    ]
    content["images"] = [
        packed_file(files, "images", image)
        for image in get_image_model().objects.filter(pk__in=collector.images)
    ]
    return zipped(content, files, site or Site.objects.filter(is_default_site=True).first())


def linked_findings(module):
    """The module's findings in the order they were linked (the order the API gives them)."""
    by_pk = {finding.pk: finding for finding in module.needs_findings.all()}
    through = TrainingModulePage.needs_findings.through.objects.filter(trainingmodulepage=module)
    return [by_pk[pk] for pk in through.order_by("id").values_list("needsfinding_id", flat=True)]


def finding_key(finding):
    return {"needs_review": finding.needs_review_id, "block_id": finding.block_id}


def needs_reviews(findings, collector):
    """The needs reviews of the findings, each with those findings as they stand in its live
    report (evidence included)."""
    by_review = defaultdict(list)
    for finding in findings:
        by_review[finding.needs_review_id].append(finding)
    reviews = []
    for review_findings in by_review.values():
        review = review_findings[0].needs_review
        blocks = {block.id: block for block in review.findings}
        reviews.append(
            {
                "id": review.pk,
                "territory": review.territory.slug,
                "locale": review.locale.language_code,
                "title": review.title,
                "slug": review.slug,
                "summary": collector.rewriter.rich_text(review.summary),
                "findings": [
                    finding_entry(finding, blocks.get(finding.block_id), collector)
                    for finding in sorted(review_findings, key=lambda f: f.block_id)
                ],
            }
        )
    return sorted(reviews, key=lambda review: review["id"])


def finding_entry(finding, block, collector):
    evidence = block.value["evidence"].source if block is not None else ""
    return {
        "block_id": finding.block_id,
        "kind": finding.kind,
        "theme": finding.theme,
        "priority": finding.priority,
        "is_current": finding.is_current,
        "evidence": collector.rewriter.rich_text(evidence),
    }


def packed_file(files, folder, item):
    with item.file.open("rb") as handle:
        data = handle.read()
    name = item.file.name.rsplit("/", 1)[-1]
    path = f"{folder}/{item.pk}-{name}"
    files[path] = data
    return {"id": item.pk, "title": item.title, "file": path}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def zipped(content, files, site):
    body = json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True).encode()
    members = {package_format.CONTENT: body, **files}
    manifest = {
        "format": package_format.FORMAT,
        "schema_version": package_format.SCHEMA_VERSION,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "source": {
            "site_name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
            "base_url": absolute_url("/"),
        },
        "licence": package_format.licence(),
        "files": [
            {"path": path, "sha256": sha256(data), "bytes": len(data)}
            for path, data in sorted(members.items())
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            package_format.MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1)
        )
        for path, data in sorted(members.items()):
            archive.writestr(path, data)
    return buffer.getvalue()
