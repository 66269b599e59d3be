"""My consultations: each person sees exactly the drafts open to them, then the past ones they
can still read, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.formats import date_format

from co_design.access import rules
from co_design.models import Consultation, ConsultationTask, StrategyDraftPage, TrainingModulePage

from ..support.consultation_room import consultation_room
from ..support.factories import (
    StrategyDraftPageFactory,
    TerritoryFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    person,
    publish,
)
from ..support.module_data import built_once
from ..support.review_helpers import client_for, submit
from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db

# Everyone of the room who signs in.
PEOPLE = [
    "admin",
    "editor",
    "other_editor",
    "moderator",
    "lead",
    "association",
    "ngo",
    "school",
    "other_stakeholder",
]


def besides_the_room(room):
    """A training module of the other territory, and a third territory whose strategy has moved
    on from consultation to editorial approval."""
    from co_design.review.setup import setup_review

    home = room.page.get_parent().get_parent()
    TrainingModulePageFactory(
        parent=TrainingProgrammePageFactory(parent=home), territory=room.other_territory
    ).save_revision(user=room.other_editor).publish()
    puerto_alba = TerritoryFactory(name="Puerto Alba", slug="puerto-alba")
    strategy = publish(
        StrategyDraftPageFactory(
            parent=room.page.get_parent(),
            territory=puerto_alba,
            title="Puerto Alba Local Strategy for Integration",
        )
    )
    setup_review()
    editor = person("editor", puerto_alba)
    person("stakeholder", puerto_alba, username="carlos")
    strategy.save_revision(user=editor)
    strategy.get_workflow().start(strategy, editor)
    strategy = StrategyDraftPage.objects.get(pk=strategy.pk)
    task_state = strategy.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "close")


def translated_room_and_more():
    """The room, its strategy translated (each translation consulted on and approved), and what
    besides_the_room adds."""
    room = consultation_room(languages=("de", "it", "es"))
    besides_the_room(room)
    return room


shared_room = built_once(translated_room_and_more)


def listed(response, section):
    return [c.page_id for c in response.context[f"{section}_consultations"]]


def open_consultations_on_module_copies(room, count):
    """`count` copies of the other territory's training module, each in consultation."""
    editor = room.other_editor
    module = TrainingModulePage.objects.get(territory=room.other_territory)
    pages = []
    for number in range(count):
        copy = module.copy(
            update_attrs={"title": f"Module draft {number}", "slug": f"module-draft-{number}"},
            user=editor,
        )
        copy.save_revision(user=editor)
        copy.get_workflow().start(copy, editor)
        pages.append(copy)
    return pages


@pytest.fixture
def valdoria(room):
    return room.page


@pytest.fixture
def valdoria_translations(room):
    """The strategy in de, it and es, each live after a review without a consultation of its
    own (stakeholders comment on the source): none is listed beside it."""
    assert len(room.translations) == 3
    assert not Consultation.objects.filter(page__in=room.translations).exists()
    return room.translations


@pytest.fixture
def puerto_alba(room):
    return StrategyDraftPage.objects.get(territory__slug="puerto-alba")


def test_a_stakeholder_sees_the_open_draft_of_their_territory_with_its_closing_date(
    room, valdoria, valdoria_translations
):
    consultation = Consultation.objects.for_page(valdoria).get()
    response = signed_in(room.association).get("/en/consultations/")
    html = response.content.decode()

    assert listed(response, "open") == [valdoria.pk]
    assert listed(response, "past") == []
    assert f'href="/en/consultations/{valdoria.pk}/"' in html
    assert "Valdoria" in html
    closes_on = timezone.localtime(consultation.closes_at)
    assert f"closes on {date_format(closes_on, 'DATE_FORMAT')}" in html
    days = (closes_on.date() - timezone.localdate()).days
    assert f"{days} days left" in html


def test_a_stakeholder_of_another_territory_sees_none_of_it(room):
    response = signed_in(room.other_stakeholder).get("/en/consultations/")
    assert listed(response, "open") == []
    assert listed(response, "past") == []
    assert "No draft is open for your comments at the moment." in response.content.decode()


def test_a_closed_consultation_is_listed_as_past(puerto_alba):
    # The Puerto Alba strategy has moved on from consultation to editorial approval.
    response = client_for("carlos").get("/en/consultations/")
    assert listed(response, "open") == []
    assert listed(response, "past") == [puerto_alba.pk]
    assert "Past consultations" in response.content.decode()


def test_a_consultation_past_its_closing_date_is_no_longer_open(
    room, valdoria, valdoria_translations
):
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() - timedelta(hours=1))
    response = signed_in(room.association).get("/en/consultations/")
    assert listed(response, "open") == []
    assert listed(response, "past") == [valdoria.pk]


def test_the_last_day_is_announced(room, valdoria):
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() + timedelta(minutes=5))
    html = signed_in(room.association).get("/en/consultations/").content.decode()
    assert "last day" in html


def test_a_newly_opened_consultation_appears_for_its_territory_only(room, valdoria):
    rheinfeld = room.other_strategy
    submit(signed_in(room.other_editor), rheinfeld, title="Rheinfeld strategy, consultation draft")

    response = signed_in(room.other_stakeholder).get("/en/consultations/")
    assert listed(response, "open") == [rheinfeld.pk]
    assert "Rheinfeld strategy, consultation draft" in response.content.decode()
    assert "14 days left" in response.content.decode()
    assert listed(signed_in(room.association).get("/en/consultations/"), "open") == [valdoria.pk]


def test_a_group_invited_to_the_consultation_sees_it(room, valdoria):
    partners = Group.objects.create(name="Rheinfeld partner NGOs")
    room.other_stakeholder.groups.add(partners)
    ConsultationTask.objects.get().extra_groups.add(partners)

    response = signed_in(room.other_stakeholder).get("/en/consultations/")
    assert listed(response, "open") == [valdoria.pk]


@pytest.mark.parametrize("who", PEOPLE)
def test_the_list_agrees_with_the_rules(room, who, valdoria):
    """Whoever signs in, the list holds exactly the drafts rules.can lets them read."""
    open_consultations_on_module_copies(room, 1)
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() - timedelta(hours=1))
    user = getattr(room, who)

    response = signed_in(user).get("/en/consultations/")

    pages = {consultation.page for consultation in Consultation.objects.select_related("page")}
    readable = {page.pk for page in pages if rules.can(user, "view_draft", page)}
    open_pages = set(Consultation.objects.open().values_list("page_id", flat=True))
    assert set(listed(response, "open")) == readable & open_pages
    assert set(listed(response, "past")) == readable - open_pages


@pytest.mark.parametrize("consultations", [2, 12])
def test_the_list_takes_a_constant_number_of_queries(
    room, consultations, django_assert_max_num_queries
):
    pages = open_consultations_on_module_copies(room, consultations)
    client = signed_in(room.other_stakeholder)
    client.get("/en/consultations/")  # warm the content type cache, as in a running site

    # Session, user, consultations, roles, profile, groups, invited groups, territories, a few
    # per page type, the translations in the reader's language, and the site navigation: none
    # of them per consultation.
    with django_assert_max_num_queries(15):
        response = client.get("/en/consultations/")

    assert sorted(listed(response, "open")) == sorted(page.pk for page in pages)
