"""Factories: each test builds the people, territories and pages it needs (the demo content is
the fixture of the journeys, the API contract, the concurrency checks and the benchmarks only).

Pages go under a home page of their own, the root of a site for the test client's host
("testserver"), so their addresses are the ones a visitor of that site sees."""

import datetime
import uuid

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from co_design.access.roles import ROLE_GROUPS, ensure_role_groups, territory_editors
from co_design.choices import Country, DeliveryFormat, FindingKind, Priority
from co_design.models import (
    Competence,
    ManifestoPage,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    Profile,
    RoundTablePage,
    StrategyDraftPage,
    StrategyIndexPage,
    Territory,
    TrainingModulePage,
    TrainingProgrammePage,
)
from home.models import HomePage


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    name = factory.Sequence(lambda n: f"Test territory {n}")
    slug = factory.Sequence(lambda n: f"test-territory-{n}")
    country = Country.OTHER


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence

    name = factory.Sequence(lambda n: f"Competence {n}")
    slug = factory.Sequence(lambda n: f"competence-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")


def person(role, territory=None, organisation_type="", **fields):
    """A user in one of the site's roles (a key of ROLE_GROUPS: editor, moderator, partner_lead,
    stakeholder) with a profile in `territory`; an editor also edits that territory's pages."""
    ensure_role_groups()
    user = UserFactory(is_staff=role != "stakeholder", **fields)
    Profile.objects.create(user=user, territory=territory, organisation_type=organisation_type)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    if role == "editor":
        user.groups.add(territory_editors(territory))
    return user


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"Test home {n}")
    slug = factory.Sequence(lambda n: f"test-home-{n}")
    introduction = "<p>A site built for one test.</p>"
    parent = factory.LazyFunction(Page.get_first_root_node)


def site_home():
    """A new home page, the root of the site the test client (host "testserver") visits."""
    home = HomePageFactory()
    Site.objects.create(hostname="testserver", port=80, root_page=home, site_name="Test")
    return home


class NeedsReviewIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NeedsReviewIndexPage

    title = "Needs Review"
    slug = factory.Sequence(lambda n: f"needs-review-{n}")
    parent = factory.SubFactory(HomePageFactory)


def finding(theme, kind=FindingKind.WEAKNESS, priority=Priority.HIGH, evidence="Seen."):
    """A finding block of a needs review's stream."""
    return (
        "finding",
        {"kind": kind, "theme": theme, "evidence": f"<p>{evidence}</p>", "priority": priority},
    )


class NeedsReviewPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NeedsReviewPage

    title = factory.Sequence(lambda n: f"Needs review {n}")
    territory = factory.SubFactory(TerritoryFactory)
    summary = "<p>Summary.</p>"
    parent = factory.SubFactory(NeedsReviewIndexPageFactory)


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StrategyIndexPage

    title = "Local Strategies"
    slug = factory.Sequence(lambda n: f"strategies-{n}")
    parent = factory.SubFactory(HomePageFactory)


def section(heading, body="<p>What the city will do.</p>", findings=(), block_id=None):
    """A section block of a strategy's stream, with the ids of the findings it builds on."""
    return {
        "type": "section",
        "id": block_id or str(uuid.uuid4()),
        "value": {"heading": heading, "body": body, "actions": [], "findings": list(findings)},
    }


class StrategyDraftPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StrategyDraftPage

    title = factory.Sequence(lambda n: f"Local strategy {n}")
    territory = factory.SubFactory(TerritoryFactory)
    summary = "A strategy of a test territory."
    vision = "<p>A welcoming city.</p>"
    sections = factory.LazyFunction(lambda: [section("A welcoming front desk")])
    parent = factory.SubFactory(StrategyIndexPageFactory)


class TrainingProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingProgrammePage

    title = "Training Programme Toolkit"
    slug = factory.Sequence(lambda n: f"toolkit-{n}")
    introduction = "<p>Training modules for city staff.</p>"
    parent = factory.SubFactory(HomePageFactory)


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingModulePage

    title = factory.Sequence(lambda n: f"Training module {n}")
    territory = factory.SubFactory(TerritoryFactory)
    summary = "A module for front-desk staff."
    duration_hours = 3
    delivery_format = DeliveryFormat.IN_PERSON
    parent = factory.SubFactory(TrainingProgrammePageFactory)


def publish(page, user=None):
    """Publish the page's latest content as its first (imported) edition, as the demo does for
    pages that later go live only through their review."""
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def open_consultation(*headings, territory=None):
    """A published strategy (on the test client's site) whose newer revision is open for its
    territory's stakeholders to comment on, and the territory's editor who opened it."""
    from co_design.review.setup import setup_review

    territory = territory or TerritoryFactory()
    strategy = publish(
        StrategyDraftPageFactory(
            parent__parent=site_home(),
            territory=territory,
            sections=[section(heading) for heading in headings or ("A welcoming front desk",)],
        )
    )
    setup_review()  # the review workflow for the new strategy index, editing rights
    editor = person("editor", territory, first_name="Edda", last_name="Editor")
    strategy.save_revision(user=editor, log_action=True)
    strategy.get_workflow().start(strategy, editor)
    return StrategyDraftPage.objects.get(pk=strategy.pk), editor


class RoundTablePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RoundTablePage

    title = factory.Sequence(lambda n: f"Round table {n}")
    date = datetime.date(2022, 3, 15)
    theme = "Welcoming newcomers at the counter"
    outcomes = "<p>Two modules for the Toolkit.</p>"
    parent = factory.SubFactory(HomePageFactory)


class ManifestoPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ManifestoPage

    title = factory.Sequence(lambda n: f"Manifesto {n}")
    introduction = "<p>What three cities learnt.</p>"
    sign_off_statement = "<p>Signed by the partner leads.</p>"
    parent = factory.SubFactory(HomePageFactory)


def superuser(**fields):
    return UserFactory(is_staff=True, is_superuser=True, **fields)
