"""The printed guides, assembled from the live page: a cover, a table of contents, chapters,
the participation record and the sign-off. One builder per kind of page; each returns a
Document that templates/printing/document.html lays out."""

from dataclasses import dataclass, field

from django.http import Http404
from django.utils.translation import gettext as _

from . import records


@dataclass
class Chapter:
    title: str
    template: str
    data: object = None
    extra: dict = field(default_factory=dict)


@dataclass
class Document:
    page: object
    kind_label: str
    title: str
    chapters: list
    participation: records.ParticipationRecord
    sign_off: records.SignOffRecord
    subtitle: str = ""


def manifesto(page):
    chapters = [Chapter(_("Introduction"), "printing/chapters/rich_text.html", page.introduction)]
    if page.principles:
        chapters.append(
            Chapter(_("Principles"), "printing/chapters/titled_blocks.html", page.principles)
        )
    published = page.published_chapters()
    for number, chapter in enumerate(published, start=1):
        strategy = chapter.strategy
        chapters.append(
            Chapter(
                _("Chapter %(number)s: %(territory)s")
                % {"number": number, "territory": strategy.territory},
                "printing/chapters/strategy.html",
                strategy,
                {"chapter_summary": chapter.summary, **strategy_context(strategy)},
            )
        )
    if page.recommendations:
        chapters.append(
            Chapter(
                _("Recommendations for other cities"),
                "printing/chapters/titled_blocks.html",
                page.recommendations,
            )
        )
    participation = records.participation_of_pages(
        [(chapter.strategy.title, chapter.strategy) for chapter in published]
    )
    return Document(
        page,
        _("Manifesto"),
        page.title,
        chapters,
        participation,
        records.sign_off_of(page, page.sign_off_statement),
    )


def strategy_context(strategy):
    return {
        "section_findings": strategy.section_findings(),
        "modules": [
            link.module
            for link in strategy.module_links.select_related("module")
            if link.module.live
        ],
    }


def strategy(page):
    chapters = [
        Chapter(_("Summary and vision"), "printing/chapters/strategy_vision.html", page),
    ]
    context = strategy_context(page)
    for section in page.sections:
        chapters.append(
            Chapter(
                section.value["heading"],
                "printing/chapters/strategy_section.html",
                section,
                {"section_findings": context["section_findings"]},
            )
        )
    findings = list(page.needs_findings.all())
    if findings or context["modules"]:
        chapters.append(
            Chapter(
                _("What it builds on"),
                "printing/chapters/strategy_sources.html",
                page,
                {"findings": findings, "modules": context["modules"]},
            )
        )
    return Document(
        page,
        _("Local strategy"),
        page.title,
        chapters,
        records.participation_by_section(page, list(page.sections)),
        records.sign_off_of(page),
        subtitle=str(page.territory),
    )


def toolkit(page):
    from co_design.activities.training import TrainingModulePage

    modules = list(
        TrainingModulePage.objects.child_of(page)
        .live()
        .public()
        .select_related("territory")
        .prefetch_related("competences", "needs_findings")
    )
    chapters = [Chapter(_("Introduction"), "printing/chapters/rich_text.html", page.introduction)]
    if page.how_to_use:
        chapters.append(
            Chapter(
                _("How to use the Toolkit"), "printing/chapters/rich_text.html", page.how_to_use
            )
        )
    chapters.extend(
        Chapter(module.title, "printing/chapters/module.html", module) for module in modules
    )
    return Document(
        page,
        _("Training Programme Toolkit"),
        page.title,
        chapters,
        records.participation_of_pages(
            [(page.title, page)] + [(module.title, module) for module in modules]
        ),
        records.sign_off_of(page),
    )


def module(page):
    return Document(
        page,
        _("Training module"),
        page.title,
        [Chapter(page.title, "printing/chapters/module.html", page)],
        records.participation_of_pages([(page.title, page)]),
        records.sign_off_of(page),
        subtitle=str(page.territory or ""),
    )


def outcome(page, outcome_context):
    """*How your input was used* for `page`: `outcome_context` is what the outcome page shows
    (co_design.consultation.outcome.outcome_context)."""
    title = _("How your input was used: %(title)s") % {"title": page.title}
    sections = list(getattr(page, "sections", None) or [])
    participation = (
        records.participation_by_section(page, sections)
        if sections
        else records.participation_of_pages([(page.title, page)])
    )
    return Document(
        page,
        _("How your input was used"),
        title,
        [Chapter(title, "printing/chapters/outcome.html", outcome_context)],
        participation,
        records.sign_off_of(page),
    )


def guide_for(page):
    """The Document of a printable page; 404 for any other."""
    from co_design.activities.manifesto import ManifestoPage
    from co_design.activities.strategies import StrategyDraftPage
    from co_design.activities.training import TrainingModulePage, TrainingProgrammePage

    builders = {
        ManifestoPage: manifesto,
        StrategyDraftPage: strategy,
        TrainingProgrammePage: toolkit,
        TrainingModulePage: module,
    }
    builder = builders.get(type(page))
    if builder is None:
        raise Http404(_("This page has no printable version."))
    return builder(page)
