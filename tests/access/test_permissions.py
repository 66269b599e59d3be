"""The permission rules as a matrix: every role × every action, own territory and another,
inside and outside the consultation window. Wagtail's own page rights must agree."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from co_design.access import rules
from co_design.models import Consultation, StrategyDraftPage

from ..support.review_helpers import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

# The page: Valdoria's strategy, whose consultation the demo content keeps open.
PEOPLE = {
    "anonymous": None,
    "stakeholder of this territory": "stakeholder-association",
    "stakeholder of another territory": "stakeholder-ngo",
    "editor of this territory": "editor-it",
    "editor of another territory": "editor-de",
    "moderator": "moderator",
    "partner lead": "lead-it",
    "administrator": "admin",
}
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


def person(role):
    username = PEOPLE[role]
    return AnonymousUser() if username is None else get_user_model().objects.get(username=username)


@pytest.fixture
def valdoria():
    return StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")


@pytest.mark.parametrize("window", ["open", "closed"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", PEOPLE)
def test_permission_matrix(valdoria, role, action, window):
    consultation = Consultation.objects.for_page(valdoria).get()
    now = consultation.opened_at + timedelta(days=1)
    if window == "closed":
        now = consultation.closes_at + timedelta(minutes=1)
    expected = (WHILE_OPEN if window == "open" else AFTER_CLOSING)[role]

    verdict = rules.can(person(role), action, valdoria, now=now)

    assert bool(verdict) == (action in expected)
    if not verdict:
        assert verdict.reason  # a refusal always says why


def test_a_closed_consultation_tells_stakeholders_when_it_closed(valdoria):
    consultation = Consultation.objects.for_page(valdoria).get()
    later = consultation.closes_at + timedelta(days=1)
    verdict = rules.can(person("stakeholder of this territory"), "comment", valdoria, now=later)
    assert verdict.reason.startswith("The consultation closed on ")
    assert verdict.reason.endswith("; it no longer accepts comments.")


def test_a_page_never_put_to_consultation_refuses_comments():
    rheinfeld = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    verdict = rules.can(
        get_user_model().objects.get(username="stakeholder-ngo"), "comment", rheinfeld
    )
    assert verdict.reason == "This draft is not open for consultation."


@pytest.mark.parametrize("role", [role for role in PEOPLE if PEOPLE[role]])
def test_wagtail_page_rights_agree_with_the_rules(valdoria, role):
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
def test_only_permitted_roles_open_the_page_editor(valdoria, role, opens_the_editor):
    response = client_for(PEOPLE[role]).get(f"/admin/pages/{valdoria.pk}/edit/")
    assert (response.status_code == 200) == opens_the_editor


def test_an_editor_edits_every_page_of_their_territory_and_no_other():
    from co_design.models import NeedsReviewPage, TrainingModulePage

    editor = get_user_model().objects.get(username="editor-es")
    own = [
        NeedsReviewPage.objects.get(territory__slug="puerto-alba"),
        StrategyDraftPage.objects.get(locale__language_code="en", territory__slug="puerto-alba"),
        *TrainingModulePage.objects.filter(territory__slug="puerto-alba"),
    ]
    others = [
        NeedsReviewPage.objects.get(territory__slug="rheinfeld"),
        *TrainingModulePage.objects.exclude(territory__slug="puerto-alba"),
    ]
    assert len(own) >= 3
    assert all(page.permissions_for_user(editor).can_edit() for page in own)
    assert not any(page.permissions_for_user(editor).can_edit() for page in others)
    assert not any(page.permissions_for_user(editor).can_publish() for page in own)
