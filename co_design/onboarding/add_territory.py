"""A new partner territory joins: everything its people need, in one idempotent step.

The territory, its editors' and partner leads' groups, its needs review, strategy and training
module as drafts in its language (under that language's indexes, translated from the default
language where they are missing), the review workflows on them, and invitations to its first
editor and partner lead. The Manifesto sign-off needs every member of *Partner leads*: once the
lead accepts, no Manifesto revision goes live without their signature.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Workflow, WorkflowPage

from co_design.access.roles import (
    ensure_role_groups,
    grant_territory_editing,
    territory_editors,
    territory_leads,
)
from co_design.access.verdicts import Refused
from co_design.activities.needs_review import NeedsReviewIndexPage, NeedsReviewPage
from co_design.activities.pages import LOCAL_STRATEGY_REVIEW, MANIFESTO_SIGN_OFF
from co_design.activities.strategies import StrategyDraftPage, StrategyIndexPage
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.choices import Country, DeliveryFormat, Language
from co_design.review.setup import setup_review
from co_design.review.sign_off import PartnerSignOffTask
from co_design.territories import Territory
from co_design.text import has_control_characters
from home.models import HomePage

from .invitations import invite_partner


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass
class Onboarding:
    """What adding the territory did: one sentence per change, none when all was in place."""

    territory: Territory = None
    changes: list = field(default_factory=list)
    # Sentences about pages written in the territory's language, said in the operator's.
    later: list = field(default_factory=list)


def choice(value, choices, what):
    """A code of `choices` from its code or its label (any case), or a refusal."""
    wanted = (value or "").strip().lower()
    for code, label in choices.choices:
        if wanted in (code.lower(), str(label).lower()):
            return code
    raise Refused(
        _("Unknown %(what)s “%(value)s”: use one of %(codes)s.")
        % {"what": what, "value": value, "codes": ", ".join(choices.values)},
        status=400,
    )


def clean_name(name):
    name = (name or "").strip()
    if not name or not slugify(name):
        raise Refused(_("Give the territory a name."), status=400)
    if len(name) > 120 or has_control_characters(name, multiline=False):
        raise Refused(
            _("A territory's name has at most 120 characters and no control characters."),
            status=400,
        )
    return name


def existing_territory(name, slug, country, language):
    """The territory this request describes, if it was added before; a different territory
    under the same name or slug is a duplicate and refused."""
    same = Territory.objects.filter(name__iexact=name).first() or (
        Territory.objects.filter(slug=slug).first()
    )
    if same is None:
        return None
    if (same.name, same.slug, same.country, same.default_language) != (
        name,
        slug,
        country,
        language,
    ):
        raise Refused(
            _(
                "A territory called “%(name)s” already exists (%(country)s, %(language)s). "
                "Choose another name, or edit that territory under Snippets."
            )
            % {
                "name": same.name,
                "country": same.get_country_display(),
                "language": same.get_default_language_display(),
            },
            status=400,
        )
    return same


@transaction.atomic
def add_territory(name, country, language, editor=None, lead=None, invited_by=None):
    name = clean_name(name)
    country = choice(country, Country, _("country"))
    language = choice(language, Language, _("language"))
    slug = slugify(name)[:120]
    report = Onboarding()
    territory = existing_territory(name, slug, country, language)
    if territory is None:
        territory = Territory.objects.create(
            name=name, slug=slug, country=country, default_language=language
        )
        report.changes.append(_("Added the territory %(name)s.") % {"name": name})
    report.territory = territory
    ensure_groups(territory, report)
    ensure_review_set_up(report)
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    with translation.override(language):
        pages = [
            ensure_needs_review(territory, locale, invited_by, report),
            ensure_strategy(territory, locale, invited_by, report),
            ensure_module(territory, locale, invited_by, report),
        ]
    report.changes.extend(sentence() for sentence in report.later)
    for page in pages:
        grant_territory_editing(page)
    for role, person in (("editor", editor), ("partner_lead", lead)):
        if person is not None:
            sentence = invite_partner(
                invited_by, territory, role, person.name.strip(), person.email.strip(), language
            )
            if sentence:
                report.changes.append(sentence)
    return report


def ensure_groups(territory, report):
    ensure_role_groups()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in (territory_editors(territory), territory_leads(territory)):
        if not group.permissions.filter(pk=access_admin.pk).exists():
            group.permissions.add(access_admin)
            report.changes.append(_("Set up the group %(group)s.") % {"group": group.name})


def ensure_review_set_up(report):
    """The review workflows exist (a fresh site may not have run setup_review yet)."""
    if not (
        PartnerSignOffTask.objects.exists()
        and WorkflowPage.objects.filter(workflow__name=LOCAL_STRATEGY_REVIEW).exists()
        and WorkflowPage.objects.filter(workflow__name=MANIFESTO_SIGN_OFF).exists()
    ):
        setup_review()
        report.changes.append(_("Set up the review workflows."))


def index_in(model, locale, report):
    """The index page of `model` in `locale`, translated from the default language (with the
    parents it needs) when that language has none yet; indexes publish as usual."""
    index = model.objects.filter(locale=locale).first()
    if index is not None:
        return index
    source = model.objects.filter(locale=Locale.get_default()).first() or model.objects.first()
    if source is None:
        raise Refused(
            _("The site has no %(page)s yet: build the site's pages first (make run).")
            % {"page": model._meta.verbose_name},
            status=400,
        )
    index = source.copy_for_translation(locale, copy_parents=True).specific
    for page in (*index.get_ancestors().type(HomePage).specific(), index):
        if not page.live and not getattr(page, "publishes_only_through_review", False):
            page.save_revision().publish()
    report.later.append(
        lambda: (
            _("Translated the %(page)s into %(language)s.")
            % {"page": model._meta.verbose_name, "language": locale.get_display_name()}
        )
    )
    return index


def ensure_workflow(index):
    """The workflow the index's class declares (`review_workflow`: the Local strategy review)
    runs on its pages in this language too. A translated index has no workflow of its own, and
    would inherit the root's: Wagtail's default "Moderators approval", which skips the
    stakeholder consultation."""
    name = type(index).review_workflow
    if not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=Workflow.objects.get(name=name))


def add_draft(parent, page, user, report):
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    report.later.append(
        lambda: (
            _("Created the draft “%(title)s” (%(kind)s).")
            % {"title": page.title, "kind": page._meta.verbose_name}
        )
    )
    return page


def to_be_written(territory):
    return _("To be written by the editors of %(territory)s.") % {"territory": territory.name}


def ensure_needs_review(territory, locale, user, report):
    existing = NeedsReviewPage.objects.filter(territory=territory, locale=locale).first()
    if existing:
        return existing
    parent = index_in(NeedsReviewIndexPage, locale, report)
    title = _("Needs review: %(territory)s") % {"territory": territory.name}
    page = NeedsReviewPage(
        title=title,
        slug=territory.slug,
        territory=territory,
        summary=f"<p>{to_be_written(territory)}</p>",
        live=False,
    )
    return add_draft(parent, page, user, report)


def ensure_strategy(territory, locale, user, report):
    existing = StrategyDraftPage.objects.filter(territory=territory, locale=locale).first()
    if existing:
        return existing
    parent = index_in(StrategyIndexPage, locale, report)
    ensure_workflow(parent)
    page = StrategyDraftPage(
        title=_("Local strategy: %(territory)s") % {"territory": territory.name},
        slug=territory.slug,
        territory=territory,
        summary=to_be_written(territory),
        vision=f"<p>{to_be_written(territory)}</p>",
        sections=[
            (
                "section",
                {
                    "heading": _("Where we start"),
                    "body": f"<p>{to_be_written(territory)}</p>",
                    "actions": [],
                    "findings": [],
                },
            )
        ],
        live=False,
    )
    return add_draft(parent, page, user, report)


def ensure_module(territory, locale, user, report):
    existing = TrainingModulePage.objects.filter(territory=territory, locale=locale).first()
    if existing:
        return existing
    parent = index_in(TrainingProgrammePage, locale, report)
    ensure_workflow(parent)
    page = TrainingModulePage(
        title=_("Training module of %(territory)s") % {"territory": territory.name},
        slug=f"{territory.slug}-module",
        territory=territory,
        summary=to_be_written(territory),
        target_audience=[("role", _("City staff who welcome migrants"))],
        learning_objectives=[("objective", to_be_written(territory))],
        duration_hours=1,
        delivery_format=DeliveryFormat.IN_PERSON,
        live=False,
    )
    return add_draft(parent, page, user, report)
