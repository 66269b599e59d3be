"""The permission rules as a matrix: every role × every action, own territory and another,
inside and outside the consultation window. Wagtail's own page rights must agree."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from co_design.access import rules
from co_design.models import Consultation

from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db

# The page: the strategy of tests/support/consultation_room.py, whose consultation is open.
PEOPLE = [
    "anonymous",
    "stakeholder of this territory",
    "stakeholder of another territory",
    "editor of this territory",
    "editor of another territory",
    "moderator",
    "partner lead",
    "administrator",
]
ACTIONS = [
    "view_draft",
    "comment",
    "reply",
    "flag",
    "see_hidden",
    "resolve",
    "decide",
    "edit",
    "submit",
    "close_consultation",
    "approve",
    "reject",
    "publish",
    "moderate",
    "sign_off",
]
# A strategy goes live only through its review's last step: nobody, not even an administrator,
# publishes it directly.
EVERYTHING_BUT_SIGNING_AND_PUBLISHING = set(ACTIONS) - {"sign_off", "publish"}
WHILE_OPEN = {
    "anonymous": set(),
    "stakeholder of this territory": {"view_draft", "comment", "reply", "flag"},
    "stakeholder of another territory": set(),
    "editor of this territory": {
        "view_draft",
        "reply",
        "flag",
        "see_hidden",
        "resolve",
        "decide",
        "edit",
        "submit",
        "close_consultation",
    },
    "editor of another territory": set(),
    "moderator": {
        "view_draft",
        "reply",
        "flag",
        "see_hidden",
        "resolve",
        "edit",
        "approve",
        "reject",
        "moderate",
    },
    "partner lead": {"view_draft", "flag", "sign_off"},
    "administrator": EVERYTHING_BUT_SIGNING_AND_PUBLISHING,
}
# Once the window has closed, everyone may still read; nobody writes in the room any more
# (administrators, editors and moderators included): it is the record of the consultation.
WRITING_IN_THE_ROOM = {"comment", "reply", "flag"}
AFTER_CLOSING = {role: actions - WRITING_IN_THE_ROOM for role, actions in WHILE_OPEN.items()}


@pytest.fixture
def person(room):
    return lambda role: AnonymousUser() if role == "anonymous" else room.people[role]


@pytest.fixture
def valdoria(room):
    return room.page


@pytest.mark.parametrize("window", ["open", "closed"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", PEOPLE)
def test_permission_matrix(valdoria, person, role, action, window):
    consultation = Consultation.objects.for_page(valdoria).get()
    now = consultation.opened_at + timedelta(days=1)
    if window == "closed":
        now = consultation.closes_at + timedelta(minutes=1)
    expected = (WHILE_OPEN if window == "open" else AFTER_CLOSING)[role]

    verdict = rules.can(person(role), action, valdoria, now=now)

    assert bool(verdict) == (action in expected)
    if not verdict:
        assert verdict.reason  # a refusal always says why


def test_a_closed_consultation_tells_stakeholders_when_it_closed(valdoria, person):
    consultation = Consultation.objects.for_page(valdoria).get()
    later = consultation.closes_at + timedelta(days=1)
    verdict = rules.can(person("stakeholder of this territory"), "comment", valdoria, now=later)
    assert verdict.reason.startswith("The consultation closed on ")
    assert verdict.reason.endswith("; it no longer accepts comments.")


def test_a_page_never_put_to_consultation_refuses_comments(room):
    verdict = rules.can(room.other_stakeholder, "comment", room.other_strategy)
    assert verdict.reason == "This draft is not open for consultation."


@pytest.mark.parametrize("role", [role for role in PEOPLE if role != "anonymous"])
def test_wagtail_page_rights_agree_with_the_rules(valdoria, person, role):
    user = person(role)
    wagtail = valdoria.permissions_for_user(user)
    assert wagtail.can_edit() == bool(rules.can(user, "edit", valdoria))
    assert wagtail.can_publish() == bool(rules.can(user, "publish", valdoria))


@pytest.mark.parametrize(
    "role, opens_the_editor",
    [
        ("editor of this territory", True),
        ("editor of another territory", False),
        ("moderator", True),
        ("partner lead", False),
        ("administrator", True),
        ("stakeholder of this territory", False),
    ],
)
def test_only_permitted_roles_open_the_page_editor(valdoria, person, role, opens_the_editor):
    response = signed_in(person(role)).get(f"/admin/pages/{valdoria.pk}/edit/")
    assert (response.status_code == 200) == opens_the_editor


def test_an_editor_edits_every_page_of_their_territory_and_no_other(room):
    from ..support.factories import (
        NeedsReviewIndexPageFactory,
        NeedsReviewPageFactory,
        TrainingModulePageFactory,
        TrainingProgrammePageFactory,
    )

    home = room.page.get_parent().get_parent()
    reviews = NeedsReviewIndexPageFactory(parent=home)
    toolkit = TrainingProgrammePageFactory(parent=home)
    editor = room.editor
    own = [
        NeedsReviewPageFactory(parent=reviews, territory=room.territory),
        room.page,
        *(TrainingModulePageFactory(parent=toolkit, territory=room.territory) for _ in range(2)),
    ]
    others = [
        NeedsReviewPageFactory(parent=reviews, territory=room.other_territory),
        room.other_strategy,
        TrainingModulePageFactory(parent=toolkit, territory=room.other_territory),
    ]
    assert len(own) >= 3
    assert all(page.permissions_for_user(editor).can_edit() for page in own)
    assert not any(page.permissions_for_user(editor).can_edit() for page in others)
    assert not any(page.permissions_for_user(editor).can_publish() for page in own)
