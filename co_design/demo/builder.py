"""Builds the demo site. Every step looks for what exists first, so a second run adds nothing."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from co_design.access import lookups, rules
from co_design.access.roles import ROLE_GROUPS, ensure_role_groups, territory_editors
from co_design.accounts.models import Profile
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
from co_design.consultation.models import StakeholderComment
from co_design.demo import content, public_pages, translations
from co_design.demo.territories import COMPETENCES, DEMO_PASSWORD, PEOPLE, TERRITORIES
from co_design.public.pages import InformationPage, TakePartPage
from co_design.review.consultation_task import ConsultationTask
from co_design.review.setup import setup_review
from co_design.review.sign_off import PartnerSignOffTask
from co_design.territories import Competence, PartnerOrganisation, Territory
from home.models import HomePage

# Block ids derive from names, so the same content keeps the same ids on every machine.
BLOCK_NAMESPACE = uuid.UUID("6f1c1d52-8a47-4f3e-9d0c-2b8f5e0a7c11")


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(str(part) for part in parts)))


def publish(page, user):
    """Publish as `user` may. The demo's English strategies, Toolkit and modules (pages that
    otherwise go live only through their review) are seeded as already published first
    editions, the content the network brings in; their later revisions, the Manifesto and every
    translation go through review (DemoBuilder.publish_through_review)."""
    imported = rules.publishes_only_through_review(page)
    page.save_revision(user=user, log_action=True).publish(
        user=user, skip_permission_checks=imported
    )
    return page


def save_draft(page, user):
    page.save_revision(user=user, log_action=True)
    return page


def get_or_add_child(parent, model, slug, **fields):
    """The child page with this slug, or a new one, published once."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return page, True


class DemoBuilder:
    def __init__(self, strategies=3, sections=4, modules=6, log=print):
        self.strategy_count = strategies
        self.section_count = sections
        self.module_count = modules
        self.log = log
        self.created = 0
        # Pages created as drafts that go live through their review workflow, in this order.
        self.awaiting_review = []

    @transaction.atomic
    def build(self):
        ensure_role_groups()
        self.territories = self.build_territories()
        self.competences = self.build_competences()
        self.users = self.build_people()
        self.admin = self.users["admin"]
        self.home = self.build_home()
        self.build_needs_reviews()
        self.modules = self.build_toolkit()
        self.strategies = self.build_strategies()
        self.build_round_tables()
        self.manifesto = self.build_manifesto()
        self.link_home_to_the_activities()
        self.build_translations()
        self.build_public_pages()
        setup_review()
        self.publish_through_review()
        self.build_review_states()
        self.build_consultation_comments()
        return self.created

    # Snippets and people

    def build_territories(self):
        territories = {}
        for data in TERRITORIES:
            territory, created = Territory.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    key: data[key] for key in ("name", "country", "default_language", "description")
                },
            )
            if created:
                for name, website in data["partners"]:
                    PartnerOrganisation.objects.create(
                        territory=territory, name=name, website=website
                    )
                self.created += 1
            territories[territory.slug] = territory
        # Larger sizes (for benchmarks) need more territories: one strategy each.
        for number in range(len(TERRITORIES) + 1, self.strategy_count + 1):
            territory, _ = Territory.objects.get_or_create(
                slug=f"benchmark-city-{number:02d}",
                defaults={
                    "name": f"Benchmark city {number:02d}",
                    "country": "EU",
                    "description": "Generated for benchmarks; fictional.",
                },
            )
            territories[territory.slug] = territory
        return territories

    def build_competences(self):
        competences = {}
        for name, description in COMPETENCES:
            competence, _ = Competence.objects.get_or_create(
                name=name,
                defaults={"slug": name.lower().replace(" ", "-"), "description": description},
            )
            competences[name] = competence
        return competences

    def build_people(self):
        User = get_user_model()
        users = {}
        for username, first, last, role, territory, organisation, org_type, language in PEOPLE:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@example.org",
                    is_staff=role != "stakeholder",
                    is_superuser=role == "admin",
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
                self.created += 1
            Profile.objects.get_or_create(
                user=user,
                defaults={
                    "territory": self.territories.get(territory),
                    "organisation": organisation,
                    "organisation_type": org_type,
                    "language": language,
                },
            )
            if role in ROLE_GROUPS:
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
            if role == "editor":
                user.groups.add(territory_editors(self.territories[territory]))
            users[username] = user
        return users

    # Pages

    def build_home(self):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            root = Page.get_first_root_node()
            # Replace the placeholder page Wagtail's migrations create.
            for placeholder in root.get_children().exact_type(Page):
                placeholder.delete()
            home = HomePage(
                title="ECCIPA: intercultural competences in public administration",
                slug="home",
                introduction=content.HOME_INTRODUCTION,
            )
            root.add_child(instance=home)
            publish(home, self.admin)
            self.created += 1
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "site_name": "ECCIPA", "hostname": "localhost"},
        )
        return home

    def add(self, parent, model, slug, through_review=False, **fields):
        """The child page, created and published once; `through_review`: created as a draft
        that publish_through_review() takes through its workflow."""
        if through_review:
            fields.update(live=False, has_unpublished_changes=True)
        page, created = get_or_add_child(parent, model, slug, **fields)
        if created:
            self.created += 1
            if through_review:
                save_draft(page, self.admin)
                self.awaiting_review.append(page)
            else:
                publish(page, self.admin)
        return page

    def build_needs_reviews(self):
        index = self.add(
            self.home,
            NeedsReviewIndexPage,
            "needs-review",
            title="Needs Review",
            show_in_menus=True,
            introduction="<p>What civil servants, NGOs, migrant associations and role models told "
            "us about integration services in each territory.</p>",
        )
        for slug, data in content.NEEDS_REVIEWS.items():
            territory = self.territories[slug]
            report = self.report_document(territory)
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
                report=report,
                participants=[
                    NeedsReviewParticipants(organisation_type=kind, count=count)
                    for kind, count in data["participants"].items()
                ],
            )

    def report_document(self, territory):
        title = f"Needs Review Report {territory.name} (demo)"
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            text = f"{title}\n\nA placeholder for the full report of the demo site.\n"
            document.file.save(f"needs-review-{territory.slug}.txt", ContentFile(text.encode()))
            document.save()
        return document

    def finding(self, territory_slug, number):
        return NeedsFinding.objects.get(
            needs_review__territory__slug=territory_slug,
            block_id=block_id(territory_slug, "finding", number),
        )

    def build_toolkit(self):
        self.toolkit = toolkit = self.add(
            self.home,
            TrainingProgrammePage,
            "toolkit",
            title="Training Programme Toolkit",
            show_in_menus=True,
            introduction="<p>Training modules for city staff who welcome and support migrants, "
            "co-designed in three round tables. Other European cities can use them to replicate "
            "the ECCIPA training.</p>",
            how_to_use="<p>Pick the modules that answer the needs your own review found.</p>",
        )
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
                    (
                        "link",
                        {"title": "ECCIPA project leaflet", "url": "https://example.org/eccipa"},
                    )
                ],
                needs_findings=[self.finding(*need) for need in needs],
            )
        return modules

    @staticmethod
    def module_activities(slug, title):
        return [
            {
                "type": "case_study",
                "id": block_id(slug, "activity", 0),
                "value": {
                    "title": "A morning at the counter",
                    "description": f"<p>A real case from a partner city, discussed in the light of "
                    f"“{title}”.</p>",
                    "minutes": 45,
                },
            },
            {
                "type": "role_play",
                "id": block_id(slug, "activity", 1),
                "value": {
                    "title": "Try it out",
                    "description": "<p>In pairs, one plays the visitor, one the officer.</p>",
                    "minutes": 30,
                },
            },
        ]

    def build_strategies(self):
        index = self.add(
            self.home,
            StrategyIndexPage,
            "strategies",
            title="Local Strategies",
            show_in_menus=True,
            introduction="<p>Each partner territory drafts a Local Strategy for the integration "
            "of third-country nationals, in consultation with its stakeholders.</p>",
        )
        strategies = []
        territory_slugs = list(self.territories)[: self.strategy_count]
        for slug in territory_slugs:
            territory = self.territories[slug]
            spec = content.STRATEGIES.get(slug) or self.generated_strategy(territory, self.toolkit)
            sections = [
                self.section_block(slug, number, *spec["sections"][number % len(spec["sections"])])
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

    def section_block(self, territory_slug, number, heading, body, actions, needs):
        if number >= len(content.STRATEGIES.get(territory_slug, {}).get("sections", [])):
            heading = f"{heading} ({number + 1})"
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
        return {
            "slug": f"{territory.slug}-local-strategy",
            "title": f"{territory.name} Local Strategy (generated)",
            "summary": f"A generated strategy for {territory.name}, for benchmarks.",
            "vision": "<p>A generated vision.</p>",
            "sections": [
                (
                    "Generated section",
                    "<p>Generated text of a strategy section, long enough to look like one. "
                    "It names a <b>responsible body</b>, a timeline and a module of the "
                    f'<a linktype="page" id="{toolkit.pk}">Toolkit</a>.</p>',
                    [("Generated action", "City department", "2024", "Generated indicator")],
                    [],
                )
            ],
        }

    def build_round_tables(self):
        index = self.add(
            self.home,
            RoundTableIndexPage,
            "round-tables",
            title="Round Tables",
            show_in_menus=True,
            introduction="<p>The three Thematic Core City Groups where partners and stakeholders "
            "co-designed the training programme.</p>",
        )
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

    def build_translations(self):
        """The home page, the Toolkit index, one strategy and the Manifesto in de, it and es."""
        by_slug = {strategy.slug: strategy for strategy in self.strategies}
        strategy = by_slug.get("valdoria-local-strategy", self.strategies[0])
        index = strategy.get_parent().specific
        for locale in Locale.objects.exclude(pk=self.home.locale_id):
            code = locale.language_code
            if code not in translations.DEMO_NOTE:
                continue
            steps = [
                (self.home, translations.HOME[code], "introduction"),
                (self.toolkit, translations.TOOLKIT[code], "introduction"),
                (index, translations.STRATEGY_INDEX[code], "introduction"),
                (self.manifesto, translations.MANIFESTO[code], "introduction"),
            ]
            for page, (title, text), field in steps:
                self.translate(page, locale, title=title, **{field: translations.note(code, text)})
            title, summary, vision = translations.STRATEGY[code]
            self.translate(
                strategy,
                locale,
                title=f"{title}: {strategy.territory.name}",
                summary=f"{translations.DEMO_NOTE[code]} {summary}",
                vision=translations.note(code, vision),
            )

    def translate(self, page, locale, **fields):
        """A translation is published like its source: the Manifesto, strategies and the
        Toolkit only through their review (each translation has its own), the rest at once."""
        through_review = rules.publishes_only_through_review(page)
        translated, created = translations.translate(
            page, locale, save_draft if through_review else publish, self.admin, **fields
        )
        if created:
            self.created += 1
            if through_review:
                self.awaiting_review.append(translated)
        return translated

    def publish_through_review(self):
        """Take each page created as a draft for its review through the whole workflow, as the
        people of the demo would in the admin: the Manifesto in every locale is signed off by
        every partner lead; a translated strategy or Toolkit is consulted on (the consultation
        closed at once by its territory's editor) and approved by the moderator. The last step
        publishes it, the only way these pages go live."""
        for draft in self.awaiting_review:
            page = Page.objects.get(pk=draft.pk).specific
            page.get_workflow().start(page, self.admin)
            while page.workflow_in_progress:
                task_state = page.current_workflow_task_state
                task = task_state.task.specific
                for user, action in self.workflow_steps(page, task, task_state):
                    task.on_action(task_state, user, action)
                page = Page.objects.get(pk=page.pk).specific
            if not page.live:
                raise RuntimeError(f"{page} did not go live through its review")
        self.awaiting_review = []

    def workflow_steps(self, page, task, task_state):
        if isinstance(task, PartnerSignOffTask):
            signed = set(task_state.signatures.values_list("user_id", flat=True))
            return [(lead, "approve") for lead in task.leads() if lead.pk not in signed]
        if isinstance(task, ConsultationTask):
            territory = getattr(page, "territory", None)
            editor = next(
                (
                    user
                    for username, user in self.users.items()
                    if username.startswith("editor-")
                    and territory is not None
                    and lookups.territory_of(user) == territory
                ),
                self.admin,
            )
            return [(editor, "close")]
        return [(self.users["moderator"], "approve")]

    def build_review_states(self):
        """Every state of the review workflow, once: a strategy in consultation, one in
        editorial review, and a Manifesto revision signed by two of the three partner leads."""
        strategies = {strategy.territory.slug: strategy for strategy in self.strategies}
        in_consultation = strategies.get("valdoria")
        if in_consultation and not in_consultation.workflow_states.exists():
            editor = self.users["editor-it"]
            self.revise(in_consultation, editor, summary_note="revised after round table 3")
            in_consultation.get_workflow().start(in_consultation, editor)

        in_editorial_review = strategies.get("puerto-alba")
        if in_editorial_review and not in_editorial_review.workflow_states.exists():
            editor = self.users["editor-es"]
            self.revise(in_editorial_review, editor, summary_note="with the housing department")
            in_editorial_review.get_workflow().start(in_editorial_review, editor)
            self.comment_and_decide(in_editorial_review, editor, public_pages.PUERTO_ALBA_COMMENTS)
            task_state = in_editorial_review.current_workflow_task_state
            task_state.task.specific.on_action(task_state, editor, "close")

        manifesto = self.manifesto
        # The first edition's sign-off is the only one so far: start the next edition's.
        if manifesto.workflow_states.count() == 1 and not manifesto.workflow_in_progress:
            moderator = self.users["moderator"]
            self.revise(manifesto, moderator, title="The ECCIPA Manifesto (2023 edition)")
            manifesto.get_workflow().start(manifesto, moderator)
            for lead in ("lead-de", "lead-it"):
                task_state = manifesto.current_workflow_task_state
                task_state.task.specific.on_action(task_state, self.users[lead], "approve")

    def build_consultation_comments(self):
        """Valdoria's open consultation: comments from three kinds of organisation, replies,
        agreements, decisions and a flag waiting for a moderator."""
        from co_design.consultation import services as comments

        page = next((s for s in self.strategies if s.territory.slug == "valdoria"), None)
        if page is None or StakeholderComment.objects.filter(wagtail_comment__page=page).exists():
            return
        sections = [section.id for section in page.get_latest_revision_as_object().sections]
        users = self.users
        for spec in content.VALDORIA_COMMENTS:
            record, _ = comments.post_comment(
                users[spec["by"]],
                page,
                sections[spec["section"]],
                spec["text"],
                quote=spec.get("quote", ""),
                show_name=spec.get("show_name", False),
                submission_key=uuid.uuid5(BLOCK_NAMESPACE, spec["text"]),
            )
            for username, text in spec.get("replies", []):
                comments.post_reply(users[username], record, text)
            for username in spec.get("agreed_by", []):
                comments.toggle_agreement(users[username], record)
            if "decision" in spec:
                decision, reason = spec["decision"]
                comments.record_decision(
                    users["editor-it"], record, decision, reason, page.get_latest_revision()
                )
            if "flag" in spec:
                username, reason = spec["flag"]
                comments.flag(users[username], record, reason)

    def comment_and_decide(self, page, editor, specs):
        """Stakeholders' comments on the open consultation, each with the editor's decision: once
        the consultation ends, the page's *How your input was used* is public."""
        from co_design.consultation import services as comments

        page = StrategyDraftPage.objects.get(pk=page.pk)
        sections = [section.id for section in page.get_latest_revision_as_object().sections]
        for spec in specs:
            record, _ = comments.post_comment(
                self.users[spec["by"]],
                page,
                sections[spec["section"] % len(sections)],
                spec["text"],
                show_name=spec.get("show_name", False),
                submission_key=uuid.uuid5(BLOCK_NAMESPACE, spec["text"]),
            )
            decision, reason = spec["decision"]
            comments.record_decision(editor, record, decision, reason, page.get_latest_revision())

    def build_public_pages(self):
        """*Take part* and the information pages of the footer, in every language."""
        english = public_pages.TAKE_PART["en"]
        take_part = self.add(
            self.home,
            TakePartPage,
            english["slug"],
            title=english["title"],
            show_in_menus=True,
            introduction=english["introduction"],
            how_to_take_part=english["how_to_take_part"],
            invitation_email=public_pages.INVITATION_EMAIL,
        )
        self.translate_public_page(take_part, public_pages.TAKE_PART)
        for role, texts in public_pages.INFORMATION:
            texts = {
                code: (t, s, public_pages.link_addresses(b)) for code, (t, s, b) in texts.items()
            }
            title, slug, body = texts["en"]
            page = self.add(
                self.home, InformationPage, slug, title=title, body=body, footer_role=role
            )
            self.translate_public_page(
                page,
                {
                    code: {"title": title, "slug": slug, "body": body}
                    for code, (title, slug, body) in texts.items()
                },
            )

    def translate_public_page(self, page, texts):
        for locale in Locale.objects.exclude(pk=self.home.locale_id):
            fields = texts.get(locale.language_code)
            if fields and page.get_translation_or_none(locale) is None:
                self.translate(page, locale, **fields)

    @staticmethod
    def revise(page, user, summary_note=None, **fields):
        """Save a newer draft revision on top of the published page."""
        draft = page.get_latest_revision_as_object()
        if summary_note:
            draft.summary = f"{draft.summary} ({summary_note})"
        for name, value in fields.items():
            setattr(draft, name, value)
        draft.save_revision(user=user, log_action=True)

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

    @staticmethod
    def chapter(strategy):
        return ManifestoChapter(
            strategy=strategy,
            summary=f"<p>{strategy.territory.name}: {strategy.summary}</p>",
        )

    def logins(self):
        return [
            (username, role, territory or "", organisation)
            for username, _, _, role, territory, organisation, _, _ in PEOPLE
        ]
