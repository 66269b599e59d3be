"""The pages of the three activities: needs reviews, the Toolkit and its modules, the local
strategies, the round tables and the Manifesto."""

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from co_design.activities.manifesto import ManifestoChapter, ManifestoPage
from co_design.activities.needs_review import (
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    NeedsReviewParticipants,
)
from co_design.activities.round_tables import (
    RoundTableDraft,
    RoundTableIndexPage,
    RoundTablePage,
    RoundTableParticipants,
)
from co_design.activities.strategies import StrategyDraftPage, StrategyIndexPage, StrategyModuleLink
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage

from .data import content
from .pages import block_id, publish, save_draft


class ActivitiesMixin:
    def add_index(self, model, slug):
        return self.add(self.home, model, slug, show_in_menus=True, **content.INDEX_PAGES[slug])

    def build_needs_reviews(self):
        index = self.add_index(NeedsReviewIndexPage, "needs-review")
        for slug, data in content.NEEDS_REVIEWS.items():
            territory = self.territories[slug]
            findings = [
                {
                    "type": "finding",
                    "id": block_id(slug, "finding", number),
                    "value": {
                        "kind": kind,
                        "theme": theme,
                        "evidence": f"<p>{evidence}</p>",
                        "priority": priority,
                    },
                }
                for number, (kind, theme, priority, evidence) in enumerate(data["findings"])
            ]
            self.add(
                index,
                NeedsReviewPage,
                f"{slug}-needs-review",
                title=f"Needs Review Report: {territory.name}",
                territory=territory,
                summary=data["summary"],
                interviews=data["interviews"],
                focus_groups=data["focus_groups"],
                findings=findings,
                report=self.report_document(territory),
                participants=[
                    NeedsReviewParticipants(organisation_type=kind, count=count)
                    for kind, count in data["participants"].items()
                ],
            )

    @staticmethod
    def report_document(territory):
        title = content.REPORT_DOCUMENT["title"].format(territory=territory.name)
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            text = content.REPORT_DOCUMENT["text"].format(title=title)
            document.file.save(f"needs-review-{territory.slug}.txt", ContentFile(text.encode()))
            document.save()
        return document

    @staticmethod
    def finding(territory_slug, number):
        return NeedsFinding.objects.get(
            needs_review__territory__slug=territory_slug,
            block_id=block_id(territory_slug, "finding", number),
        )

    def build_toolkit(self):
        self.toolkit = toolkit = self.add_index(TrainingProgrammePage, "toolkit")
        modules = {}
        for number in range(self.module_count):
            spec = content.MODULES[number % len(content.MODULES)]
            slug, title, summary, audience, competences, hours, delivery, objectives, needs = spec
            if number >= len(content.MODULES):
                slug, title = f"{slug}-{number + 1}", f"{title} ({number + 1})"
            modules[slug] = self.add(
                toolkit,
                TrainingModulePage,
                slug,
                title=title,
                territory=self.territories[needs[0][0]],
                summary=summary,
                target_audience=[("role", role) for role in audience],
                competences=[self.competences[name] for name in competences],
                learning_objectives=[("objective", objective) for objective in objectives],
                duration_hours=hours,
                delivery_format=delivery,
                activities=self.module_activities(slug, title),
                resources=[
                    ("link", {"title": title, "url": url})
                    for title, url in content.MODULE_RESOURCES
                ],
                needs_findings=[self.finding(*need) for need in needs],
            )
        return modules

    @staticmethod
    def module_activities(slug, title):
        return [
            {
                "type": kind,
                "id": block_id(slug, "activity", number),
                "value": {
                    "title": heading,
                    "description": description.format(title=title),
                    "minutes": minutes,
                },
            }
            for number, (kind, heading, description, minutes) in enumerate(
                content.MODULE_ACTIVITIES
            )
        ]

    def build_strategies(self):
        index = self.add_index(StrategyIndexPage, "strategies")
        strategies = []
        modules = list(self.modules.values())
        for slug in list(self.territories)[: self.strategy_count]:
            territory = self.territories[slug]
            spec = content.STRATEGIES.get(slug) or self.generated_strategy(territory, self.toolkit)
            sections = [
                self.section_block(
                    slug,
                    number,
                    *spec["sections"][number % len(spec["sections"])],
                    module=modules[(len(strategies) * self.section_count + number) % len(modules)],
                )
                for number in range(self.section_count)
            ]
            strategy = self.add(
                index,
                StrategyDraftPage,
                spec["slug"],
                title=spec["title"],
                territory=territory,
                summary=spec["summary"],
                vision=spec["vision"],
                sections=sections,
                needs_findings=list(
                    NeedsFinding.objects.filter(needs_review__territory=territory, is_current=True)
                ),
            )
            if not strategy.module_links.exists():
                for module in list(self.modules.values())[:2]:
                    StrategyModuleLink.objects.create(page=strategy, module=module)
            strategies.append(strategy)
        return strategies

    @staticmethod
    def section_block(territory_slug, number, heading, body, actions, needs, module):
        if number >= len(content.STRATEGIES.get(territory_slug, {}).get("sections", [])):
            # A section beyond the written ones (benchmark sizes): a text of its own, linking
            # to a module of its own, as the sections of a real strategy would.
            heading = f"{heading} ({number + 1})"
            body += content.FURTHER_READING.format(
                number=number + 1, territory_slug=territory_slug, module=module.pk
            )
        findings = [
            finding.pk
            for finding in NeedsFinding.objects.filter(
                needs_review__territory__slug__in=[slug for slug, _ in needs],
                block_id__in=[block_id(slug, "finding", index) for slug, index in needs],
            )
        ]
        return {
            "type": "section",
            "id": block_id(territory_slug, "section", number),
            "value": {
                "heading": heading,
                "body": body,
                "actions": [
                    {
                        "type": "item",
                        "id": block_id(territory_slug, "section", number, "action", position),
                        "value": dict(
                            zip(
                                ("action", "responsible_body", "timeline", "indicator"),
                                action,
                                strict=True,
                            )
                        ),
                    }
                    for position, action in enumerate(actions)
                ],
                "findings": findings,
            },
        }

    @staticmethod
    def generated_strategy(territory, toolkit):
        names = {"territory": territory.name, "territory_slug": territory.slug}
        spec = content.GENERATED_STRATEGY
        return {
            **{key: spec[key].format(**names) for key in ("slug", "title", "summary", "vision")},
            "sections": [
                (heading, body.format(toolkit=toolkit.pk), actions, needs)
                for heading, body, actions, needs in spec["sections"]
            ],
        }

    def build_round_tables(self):
        index = self.add_index(RoundTableIndexPage, "round-tables")
        drafts = {page.slug: page for page in [*self.modules.values(), *self.strategies]}
        for spec in content.ROUND_TABLES:
            self.add(
                index,
                RoundTablePage,
                spec["slug"],
                title=spec["title"],
                date=spec["date"],
                theme=spec["theme"],
                territories=[self.territories[slug] for slug in spec["territories"]],
                outcomes=spec["outcomes"],
                participants=[
                    RoundTableParticipants(organisation_type=kind, count=count)
                    for kind, count in spec["participants"].items()
                ],
                discussed_drafts=[
                    RoundTableDraft(draft=drafts[slug]) for slug in spec["drafts"] if slug in drafts
                ],
            )

    def build_manifesto(self):
        spec = content.MANIFESTO
        manifesto = self.add(
            self.home,
            ManifestoPage,
            spec["slug"],
            through_review=True,
            title=spec["title"],
            show_in_menus=True,
            introduction=spec["introduction"],
            principles=[
                ("principle", {"title": title, "text": text}) for title, text in spec["principles"]
            ],
            recommendations=[
                ("recommendation", {"title": title, "text": text.format(toolkit=self.toolkit.pk)})
                for title, text in spec["recommendations"]
            ],
            sign_off_statement=spec["sign_off"],
            chapters=[self.chapter(strategy) for strategy in self.strategies],
        )
        # A later run with more strategies adds their chapters to the latest revision, which
        # the partner leads then sign off (as an edit in the admin would, it restarts a
        # sign-off already running).
        draft = manifesto.get_latest_revision_as_object()
        chaptered = {chapter.strategy_id for chapter in draft.chapters.all()}
        missing = [strategy for strategy in self.strategies if strategy.pk not in chaptered]
        if missing:
            draft.chapters.add(*[self.chapter(strategy) for strategy in missing])
            save_draft(draft, self.admin)
            running = manifesto.current_workflow_state
            if running is not None:
                running.cancel(user=self.admin)
            if manifesto not in self.awaiting_review:
                self.awaiting_review.append(manifesto)
        return manifesto

    @staticmethod
    def chapter(strategy):
        return ManifestoChapter(
            strategy=strategy,
            summary=f"<p>{strategy.territory.name}: {strategy.summary}</p>",
        )

    def link_home_to_the_activities(self):
        if len(self.home.activities):
            return
        pages = {
            "needs": NeedsReviewIndexPage.objects.child_of(self.home).first(),
            "toolkit": TrainingProgrammePage.objects.child_of(self.home).first(),
            "strategies": StrategyIndexPage.objects.child_of(self.home).first(),
        }
        self.home.activities = [
            ("activity", {"title": title, "text": text, "page": pages[key]})
            for title, text, key in content.ACTIVITIES
        ]
        publish(self.home, self.admin)
