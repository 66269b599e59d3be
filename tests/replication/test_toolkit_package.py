"""The Toolkit's replication package: exported from a small site, imported into a fresh site,
the API answers the same; damaged, future and conflicting packages are refused whole."""

import io
import json
import os
import re
import zipfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from co_design.access.verdicts import Refused
from co_design.models import (
    Competence,
    Consultation,
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    Territory,
    TrainingModulePage,
    TrainingProgrammePage,
)
from co_design.replication import package_format
from co_design.replication.export import export_package
from co_design.replication.importer import import_package
from home.models import HomePage
from tests.support.factories import CompetenceFactory
from tests.support.graphql_support import data_of, published_query
from tests.support.module_data import built_once
from tests.support.site_tree import small_eccipa

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def site_whose_modules_address_findings():
    """A small site whose Toolkit modules address needs findings and teach a competence, as a
    real Toolkit's do: the package carries both."""
    site = small_eccipa()
    competence = CompetenceFactory(
        name="Working with interpreters", slug="working-with-interpreters"
    )
    findings = list(NeedsFinding.objects.order_by("pk"))
    for number, module in enumerate(
        TrainingModulePage.objects.filter(locale__language_code="en").order_by("path")
    ):
        module.competences = [competence]
        module.needs_findings = [findings[number]]
        module.activities = [
            (
                "exercise",
                {
                    "title": "A morning at the counter",
                    "description": "<p>A case.</p>",
                    "minutes": 45,
                },
            )
        ]
        module.save()
        module.save_revision().publish()
    return site


site = built_once(site_whose_modules_address_findings)

LOCALES = ("en", "de")
# Ids, addresses and publishing times belong to the site that serves the module.
SITE_SPECIFIC = {"id", "url", "version", "lastPublishedAt", "firstPublishedAt"}


def without_site_specifics(value):
    if isinstance(value, dict):
        return {
            key: sorted_links(key, without_site_specifics(item))
            for key, item in value.items()
            if key not in SITE_SPECIFIC
        }
    if isinstance(value, list):
        return [without_site_specifics(item) for item in value]
    if isinstance(value, str):
        return re.sub(r"/documents/\d+/", "/documents/N/", re.sub(r"https?://[^/\"]+", "", value))
    return value


def sorted_links(key, value):
    """A module's findings come in the order their links were stored, which publishing a
    revision changes (to the findings' own order, on the source site too): compare them as
    a set."""
    if key == "needsFindings":
        return sorted(value, key=lambda finding: json.dumps(finding, sort_keys=True))
    return value


def api_answers():
    """Every live module, as the published module query answers it, in each locale."""
    slugs = sorted(
        TrainingModulePage.objects.live()
        .filter(locale__language_code="en")
        .values_list("slug", flat=True)
    )
    return {
        (slug, locale): without_site_specifics(
            data_of(published_query("module"), slug=slug, locale=locale)
        )
        for slug in slugs
        for locale in LOCALES
    }


def publish(page):
    page.specific.get_latest_revision().publish(skip_permission_checks=True)


def add_document_to_a_module():
    document = Document(title="Counter checklist")
    document.file.save("counter-checklist.txt", ContentFile(b"1. Greet. 2. Listen."), save=False)
    document.save()
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    module.resources = [
        *module.resources.raw_data,
        {"type": "document", "value": {"title": "Checklist", "document": document.pk}},
    ]
    activities = module.activities.raw_data
    activities[0]["value"]["description"] += (
        f'<p>See the <a linktype="document" id="{document.pk}">checklist</a>.</p>'
    )
    module.activities = activities
    publish_directly(module)
    return document


def publish_directly(page):
    page.save_revision().publish(skip_permission_checks=True)


def fresh_site():
    """A second site of this project, as `make run` builds it: a home page in every language
    and a needs review index, and an English Toolkit without modules."""
    root = Page.get_first_root_node()
    home = HomePage(title="Replica city", slug="replica", introduction="<p>Another city.</p>")
    root.add_child(instance=home)
    publish_directly(home)
    for code in ("de", "it", "es"):
        translation = home.copy_for_translation(Locale.objects.get(language_code=code))
        publish_directly(translation)
    index = NeedsReviewIndexPage(title="Needs reviews", slug="needs-reviews")
    home.add_child(instance=index)
    publish_directly(index)
    toolkit = TrainingProgrammePage(
        title="Our toolkit", slug="toolkit", introduction="<p>Ours.</p>", live=False
    )
    home.add_child(instance=toolkit)
    toolkit.save_revision()
    return Site.objects.create(hostname="replica.example.org", port=80, root_page=home)


def forget_the_originals():
    """The source site's Toolkit, the needs reviews its modules address and their files go:
    what the fresh site then answers comes from the package alone."""
    reviews = set(
        NeedsFinding.objects.filter(training_modules__isnull=False).values_list(
            "needs_review_id", flat=True
        )
    )
    toolkits = TrainingProgrammePage.objects.all()
    Consultation.objects.filter(
        page__in=[page for toolkit in toolkits for page in toolkit.get_descendants(inclusive=True)]
    ).delete()
    for toolkit in toolkits:
        toolkit.delete()
    for review in NeedsReviewPage.objects.filter(pk__in=reviews):
        review.delete()
    for document in Document.objects.all():
        document.file.delete(save=False)
        document.delete()


def test_package_imported_into_a_fresh_site_answers_the_api_like_the_original():
    add_document_to_a_module()
    before = api_answers()
    data = export_package()
    forget_the_originals()
    assert not TrainingModulePage.objects.exists()
    site = fresh_site()

    report = import_package(data, "rheinfeld", site=site)

    imported = TrainingModulePage.objects.descendant_of(site.root_page)
    assert imported.count() == len({slug for slug, _ in before})
    assert not imported.live().exists()
    toolkit_languages = set(
        TrainingProgrammePage.objects.filter(
            translation_key=site.root_page.get_children()
            .type(TrainingProgrammePage)
            .first()
            .translation_key
        ).values_list("locale__language_code", flat=True)
    )
    assert toolkit_languages == {"en", "de", "it", "es"}
    assert Document.objects.get().title == "Counter checklist"
    assert report.changes
    # The editors' and moderators' reviews publish what was imported.
    for model in (NeedsReviewPage, TrainingProgrammePage, TrainingModulePage):
        for page in model.objects.descendant_of(site.root_page, inclusive=False):
            publish(page)
    for home in site.root_page.get_translations():
        for page in TrainingProgrammePage.objects.child_of(home):
            publish(page)

    after = api_answers()
    for key in before:
        assert json.dumps(after[key], indent=1, sort_keys=True) == json.dumps(
            before[key], indent=1, sort_keys=True
        ), key


def test_package_is_described_by_its_json_schema():
    data = export_package()
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(archive.read("manifest.json"))
    content = json.loads(archive.read("toolkit.json"))

    assert list(package_format.validator("manifest").iter_errors(manifest)) == []
    assert list(package_format.validator("content").iter_errors(content)) == []
    assert manifest["schema_version"] == package_format.SCHEMA_VERSION
    assert manifest["licence"]["id"] == settings.ECCIPA_TOOLKIT_PACKAGE["LICENCE"]
    assert {entry["path"] for entry in manifest["files"]} == {"toolkit.json"}
    assert content["languages"] == ["de", "en", "es", "it"]
    finding_ids = {
        finding["block_id"] for review in content["needs_reviews"] for finding in review["findings"]
    }
    assert finding_ids == set(
        NeedsFinding.objects.filter(training_modules__isnull=False).values_list(
            "block_id", flat=True
        )
    )


def rewritten(data, member, change):
    """The package with one member changed by `change`, everything else as it was."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, change(content) if name == member else content)
    return buffer.getvalue()


def stored_state():
    return (
        Page.objects.count(),
        Document.objects.count(),
        NeedsFinding.objects.count(),
        Competence.objects.count(),
        Territory.objects.count(),
        sorted(
            os.path.join(folder, name)
            for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
            for name in names
        ),
    )


def test_tampered_package_is_refused_and_nothing_is_written():
    data = rewritten(
        export_package(),
        "toolkit.json",
        lambda content: content.replace(b"A morning at the counter", b"A morning at the bar!!!"),
    )
    forget_the_originals()
    before = stored_state()

    with pytest.raises(Refused, match="toolkit.json does not match its checksum"):
        import_package(data, "rheinfeld")

    assert stored_state() == before


def test_future_version_package_is_refused_with_a_translated_message(tmp_path):
    def future(content):
        manifest = json.loads(content)
        manifest["schema_version"] = "2.0"
        return json.dumps(manifest).encode()

    data = rewritten(export_package(), "manifest.json", future)
    before = stored_state()

    path = tmp_path / "future-toolkit.zip"
    path.write_bytes(data)

    with pytest.raises(CommandError, match="Schemaversion 2.0"), translation.override("de"):
        call_command("import_toolkit", str(path), "--territory", "rheinfeld")

    assert stored_state() == before


def test_existing_modules_are_not_overwritten_without_update():
    data = export_package()
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    revisions = module.revisions.count()
    modules = TrainingModulePage.objects.count()
    before = stored_state()

    with pytest.raises(Refused, match="These modules exist on this site already"):
        import_package(data, "rheinfeld")
    assert stored_state() == before
    assert module.revisions.count() == revisions

    module.title = "Renamed on this site"
    publish_directly(module)
    import_package(data, "rheinfeld", update=True)

    module.refresh_from_db()
    assert TrainingModulePage.objects.count() == modules
    assert module.revisions.count() == revisions + 2
    # The live page keeps this site's text; the package's waits in a draft for review.
    assert module.title == "Renamed on this site" and module.has_unpublished_changes
    assert module.get_latest_revision_as_object().title != "Renamed on this site"


def test_files_saved_before_a_refusal_are_removed():
    document = add_document_to_a_module()
    data = export_package()
    forget_the_originals()
    for index in NeedsReviewIndexPage.objects.all():
        index.delete()
    before = stored_state()

    with pytest.raises(Refused, match="no needs review index"):
        import_package(data, "rheinfeld")

    assert stored_state() == before
    assert not Document.objects.filter(title=document.title).exists()


def test_export_command_writes_a_package_the_import_command_reads(tmp_path):
    path = tmp_path / "toolkit.zip"
    call_command("export_toolkit", str(path), stdout=io.StringIO())
    assert zipfile.ZipFile(path).namelist()[0] == "manifest.json"

    with pytest.raises(CommandError, match="Unknown territory “atlantis”"):
        call_command("import_toolkit", str(path), "--territory", "atlantis")
    with pytest.raises(CommandError, match="not a Toolkit package"):
        (tmp_path / "bad.zip").write_bytes(b"not a zip")
        call_command("import_toolkit", str(tmp_path / "bad.zip"), "--territory", "rheinfeld")


def test_a_module_travels_in_every_language_it_is_published_in():
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    german = module.copy_for_translation(Locale.objects.get(language_code="de")).specific
    german.title = "Interkulturelle Kommunikation am Schalter"
    publish_directly(german)
    data = export_package()
    content = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("toolkit.json"))
    [entry] = [m for m in content["modules"] if len(m["translations"]) > 1]
    assert {t["locale"]: t["title"] for t in entry["translations"]} == {
        "en": module.title,
        "de": "Interkulturelle Kommunikation am Schalter",
    }
    forget_the_originals()
    site = fresh_site()

    import_package(data, "rheinfeld", site=site)

    imported = TrainingModulePage.objects.filter(slug=module.slug)
    assert {page.locale.language_code for page in imported} == {"en", "de"}
    assert len({page.translation_key for page in imported}) == 1
    german_toolkit = imported.get(locale__language_code="de").get_parent()
    assert german_toolkit.get_parent().pk == site.root_page.get_translation(german.locale).pk
