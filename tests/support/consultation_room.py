"""A consultation the room's tests build for themselves: a territory's strategy of four sections
open for its stakeholders, people in every role, and (unless asked otherwise) comments from three
kinds of organisation with replies, agreements, decisions and a report waiting for a moderator.
A second territory has a strategy that was never put to consultation."""

import uuid
from dataclasses import dataclass, fields

from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Locale, Page

from co_design.access.roles import territory_leads
from co_design.choices import Country, Language, OrganisationType
from co_design.models import Decision, Profile, StrategyDraftPage

from .factories import (
    StrategyDraftPageFactory,
    StrategyIndexPageFactory,
    TerritoryFactory,
    person,
    publish,
    section,
    site_home,
    superuser,
)

TITLE = "Valdoria Local Strategy for Integration"
SECTIONS = [
    (
        "Knowledge that stays",
        "<p>Each service writes down its procedures for newcomers "
        "and mentors every new colleague for three months.</p>",
    ),
    (
        "One answer on residence",
        "<p>Staff give the same answer on which permit opens which "
        "service, using one guide agreed with the Prefecture.</p>",
    ),
    (
        "A shared reception desk",
        "<p>The cooperatives and the city run one orientation "
        "desk, with shared records and training.</p>",
    ),
    (
        "Role models in every school",
        "<p>The mentoring programme extends to all secondary schools.</p>",
    ),
]

ADOPTED = (
    "Please let migrant associations help write the procedures: we see where "
    "newcomers get lost, and new colleagues could spend a day with us."
)
ADOPTED_REASON = "A day with a migrant association is now part of the mentoring of new staff."
EDITOR_REPLY = "Thank you: we will add a day with an association to the mentoring."
HER_REPLY = "Wonderful. Our Tuesday drop-in would suit."
NOTED = "The residence guide should exist in Arabic, Tigrinya and Ukrainian, not only in Italian."
UNDECIDED = "Schools need the mentors before September, when most new pupils arrive."
FLAGGED = "The desk in Via Roma is badly run; ask Mr R. why nothing works there."
FLAG_REASON = "It names a person; please check."

# Translations of the strategy: (title, summary) by language.
TRANSLATED = {
    "de": ("Lokale Integrationsstrategie: Valdoria", "Schriftliche Verfahren."),
    "it": ("Strategia locale di integrazione: Valdoria", "Procedure scritte."),
    "es": ("Estrategia local de integración: Valdoria", "Procedimientos escritos."),
}


def reread(value):
    """A row (or a list of rows) read again from the database."""
    if isinstance(value, (list, tuple)):
        return [reread(item) for item in value]
    return type(value)._default_manager.get(pk=value.pk)


@dataclass
class Room:
    page: StrategyDraftPage
    territory: object
    editor: object
    moderator: object
    lead: object
    admin: object
    association: object  # Amina Diallo, migrant association: agreed to be named on her comment
    ngo: object  # Giulia Conti, NGO: did not agree
    school: object  # Marco Greco, city department: did not agree
    other_territory: object
    other_editor: object
    other_stakeholder: object
    other_strategy: StrategyDraftPage
    translations: list = ()

    def fresh(self):
        """The same rows read again, so that no test sees another test's unsaved changes."""
        return Room(**{field.name: reread(getattr(self, field.name)) for field in fields(self)})

    @property
    def people(self):
        """Every signed-in role, by the name the permission tests give it."""
        return {
            "stakeholder of this territory": self.association,
            "stakeholder of another territory": self.other_stakeholder,
            "editor of this territory": self.editor,
            "editor of another territory": self.other_editor,
            "moderator": self.moderator,
            "partner lead": self.lead,
            "administrator": self.admin,
        }


def member(role, territory, username, first, last, organisation_type="", language=None):
    """A person of the room; Italian unless told otherwise, as the territory's people are."""
    user = person(
        role,
        territory,
        organisation_type,
        username=username,
        first_name=first,
        last_name=last,
    )
    Profile.objects.filter(user=user).update(language=language or Language.ITALIAN)
    if role == "partner_lead":
        user.groups.add(territory_leads(territory))
    return user


def consultation_room(comments=True, languages=()):
    """The strategy open for consultation (its second revision), and the people around it;
    with `languages`, its translations (see translate)."""
    from co_design.review.setup import setup_review

    territory = TerritoryFactory(name="Valdoria", slug="valdoria", country=Country.ITALY)
    other = TerritoryFactory(name="Rheinfeld", slug="rheinfeld", country=Country.GERMANY)
    index = StrategyIndexPageFactory(parent=site_home())
    page = publish(
        StrategyDraftPageFactory(
            parent=index,
            territory=territory,
            title=TITLE,
            slug="valdoria-local-strategy",
            sections=[section(heading, body) for heading, body in SECTIONS],
        )
    )
    other_strategy = publish(
        StrategyDraftPageFactory(
            parent=index,
            territory=other,
            title="Rheinfeld Local Strategy for Integration",
            slug="rheinfeld-local-strategy",
        )
    )
    setup_review()
    admin = superuser(username="administrator", first_name="Ada", last_name="Admin")
    Profile.objects.create(user=admin)
    room = Room(
        page=page,
        territory=territory,
        editor=member("editor", territory, "elena", "Elena", "Russo"),
        moderator=member("moderator", None, "max", "Max", "Moreau", language=Language.ENGLISH),
        lead=member("partner_lead", territory, "lucia", "Lucia", "Bianchi"),
        admin=admin,
        association=member(
            "stakeholder",
            territory,
            "amina",
            "Amina",
            "Diallo",
            OrganisationType.MIGRANT_ASSOCIATION,
        ),
        ngo=member("stakeholder", territory, "giulia", "Giulia", "Conti", OrganisationType.NGO),
        school=member(
            "stakeholder",
            territory,
            "marco",
            "Marco",
            "Greco",
            OrganisationType.CITY_DEPARTMENT,
        ),
        other_territory=other,
        other_editor=member("editor", other, "emma", "Emma", "Becker", language=Language.GERMAN),
        other_stakeholder=member(
            "stakeholder",
            other,
            "nora",
            "Nora",
            "Weiss",
            OrganisationType.NGO,
            language=Language.GERMAN,
        ),
        other_strategy=other_strategy,
    )
    page.save_revision(user=room.editor, log_action=True)
    page.get_workflow().start(page, room.editor)
    room.page = StrategyDraftPage.objects.get(pk=page.pk)
    if comments:
        write_comments(room)
    room.translations = translate(room, *languages)
    # Setting up sent Wagtail's workflow notices; each test reads only the e-mails it causes.
    mail.outbox.clear()
    return room


def write_comments(room):
    """Amina's comment on a passage of the first section, adopted, agreed with twice, with the
    editor's reply and her answer; Giulia's on the second, noted; Marco's on the schools,
    undecided; Giulia's on the desk, reported by Amina and waiting for a moderator."""
    from co_design.consultation import services

    page = room.page
    sections = [block.id for block in page.get_latest_revision_as_object().sections]
    revision = page.get_latest_revision()

    def comment(author, number, text, **fields):
        record, _created = services.post_comment(
            author, page, sections[number], text, submission_key=uuid.uuid4(), **fields
        )
        return record

    adopted = comment(
        room.association,
        0,
        ADOPTED,
        quote="mentors every new colleague for three months",
        show_name=True,
    )
    services.post_reply(room.editor, adopted, EDITOR_REPLY)
    services.post_reply(room.association, adopted, HER_REPLY)
    for agreeing in (room.ngo, room.school):
        services.toggle_agreement(agreeing, adopted)
    services.record_decision(room.editor, adopted, Decision.ADOPTED, ADOPTED_REASON, revision)

    noted = comment(room.ngo, 1, NOTED)
    services.toggle_agreement(room.association, noted)
    services.record_decision(
        room.editor, noted, Decision.NOTED, "Translations depend on the regional budget.", revision
    )

    comment(room.school, 3, UNDECIDED)
    flagged = comment(room.ngo, 2, FLAGGED)
    services.flag(room.association, flagged, FLAG_REASON)


def translate(room, *languages):
    """The strategy in `languages`, each translation taken through a review of its own (no
    consultation: its stakeholders comment on the source; the moderator approving), as a
    translated strategy goes live; returned in the order given."""
    from co_design.review.setup import setup_review

    translations = []
    for language in languages:
        title, summary = TRANSLATED[language]
        copy = room.page.copy_for_translation(
            Locale.objects.get(language_code=language), copy_parents=True
        ).specific
        copy.title, copy.summary = title, summary
        copy.save_revision(user=room.editor)
        setup_review()  # the translated strategy index takes the review workflow too
        copy.get_workflow().start(copy, room.editor)
        copy = Page.objects.get(pk=copy.pk).specific
        task_state = copy.current_workflow_task_state
        task_state.task.specific.on_action(task_state, room.moderator, "approve")
        translations.append(StrategyDraftPage.objects.get(pk=copy.pk))
    return translations


def invited_group(name, *users):
    group = Group.objects.create(name=name)
    for user in users:
        user.groups.add(group)
    return group
