"""My consultations: each person sees exactly the drafts open to them, then the past ones they
can still read, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.formats import date_format

from co_design.access import rules
from co_design.demo.data.territories import PEOPLE
from co_design.models import Consultation, ConsultationTask, StrategyDraftPage, TrainingModulePage

from ..support.review_helpers import client_for, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def listed(response, section):
    return [c.page_id for c in response.context[f"{section}_consultations"]]


def open_consultations_on_module_copies(count):
    """`count` Rheinfeld training modules, each in consultation."""
    editor = get_user_model().objects.get(username="editor-de")
    module = TrainingModulePage.objects.filter(territory__slug="rheinfeld").first()
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
def valdoria():
    return StrategyDraftPage.objects.get(locale__language_code="en", slug="valdoria-local-strategy")


@pytest.fixture
def valdoria_translations(valdoria):
    """The demo's de, it and es Valdoria strategies: each went live through its own
    consultation and approval, so their (closed) consultations are past ones, latest first."""
    translations = StrategyDraftPage.objects.filter(
        translation_key=valdoria.translation_key
    ).exclude(pk=valdoria.pk)
    closed = {t.pk: Consultation.objects.for_page(t).get().closed_at for t in translations}
    assert len(closed) == 3 and all(closed.values())
    return sorted(closed, key=closed.get, reverse=True)


@pytest.fixture
def puerto_alba():
    return StrategyDraftPage.objects.get(
        locale__language_code="en", slug="puerto-alba-local-strategy"
    )


def test_a_stakeholder_sees_the_open_draft_of_their_territory_with_its_closing_date(
    valdoria, valdoria_translations
):
    consultation = Consultation.objects.for_page(valdoria).get()
    response = client_for("stakeholder-association").get("/en/consultations/")
    html = response.content.decode()

    assert listed(response, "open") == [valdoria.pk]
    assert listed(response, "past") == valdoria_translations
    assert f'href="/en/consultations/{valdoria.pk}/"' in html
    assert "Valdoria" in html
    closes_on = timezone.localtime(consultation.closes_at)
    assert f"closes on {date_format(closes_on, 'DATE_FORMAT')}" in html
    days = (closes_on.date() - timezone.localdate()).days
    assert f"{days} days left" in html


def test_a_stakeholder_of_another_territory_sees_none_of_it():
    response = client_for("stakeholder-ngo").get("/en/consultations/")
    assert listed(response, "open") == []
    assert listed(response, "past") == []
    assert "No draft is open for your comments at the moment." in response.content.decode()


def test_a_closed_consultation_is_listed_as_past(puerto_alba):
    # The demo's Puerto Alba strategy has moved on from consultation to editorial approval.
    response = client_for("stakeholder-city").get("/en/consultations/")
    assert listed(response, "open") == []
    assert listed(response, "past") == [puerto_alba.pk]
    assert "Past consultations" in response.content.decode()


def test_a_consultation_past_its_closing_date_is_no_longer_open(valdoria, valdoria_translations):
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() - timedelta(hours=1))
    response = client_for("stakeholder-association").get("/en/consultations/")
    assert listed(response, "open") == []
    assert sorted(listed(response, "past")) == sorted([valdoria.pk, *valdoria_translations])


def test_the_last_day_is_announced(valdoria):
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() + timedelta(minutes=5))
    html = client_for("stakeholder-association").get("/en/consultations/").content.decode()
    assert "last day" in html


def test_a_newly_opened_consultation_appears_for_its_territory_only(valdoria):
    rheinfeld = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    submit(client_for("editor-de"), rheinfeld, title="Rheinfeld strategy, consultation draft")

    response = client_for("stakeholder-ngo").get("/en/consultations/")
    assert listed(response, "open") == [rheinfeld.pk]
    assert "Rheinfeld strategy, consultation draft" in response.content.decode()
    assert "14 days left" in response.content.decode()
    assert listed(client_for("stakeholder-association").get("/en/consultations/"), "open") == [
        valdoria.pk
    ]


def test_a_group_invited_to_the_consultation_sees_it(valdoria):
    partners = Group.objects.create(name="Rheinfeld partner NGOs")
    get_user_model().objects.get(username="stakeholder-ngo").groups.add(partners)
    ConsultationTask.objects.get().extra_groups.add(partners)

    response = client_for("stakeholder-ngo").get("/en/consultations/")
    assert listed(response, "open") == [valdoria.pk]


@pytest.mark.parametrize("username", [person[0] for person in PEOPLE])
def test_the_list_agrees_with_the_rules(username, valdoria):
    """Whoever signs in, the list holds exactly the drafts rules.can lets them read."""
    open_consultations_on_module_copies(1)
    Consultation.objects.for_page(valdoria).update(closes_at=timezone.now() - timedelta(hours=1))
    user = get_user_model().objects.get(username=username)

    response = client_for(username).get("/en/consultations/")

    pages = {consultation.page for consultation in Consultation.objects.select_related("page")}
    readable = {page.pk for page in pages if rules.can(user, "view_draft", page)}
    open_pages = set(Consultation.objects.open().values_list("page_id", flat=True))
    assert set(listed(response, "open")) == readable & open_pages
    assert set(listed(response, "past")) == readable - open_pages


@pytest.mark.parametrize("consultations", [2, 12])
def test_the_list_takes_a_constant_number_of_queries(consultations, django_assert_max_num_queries):
    pages = open_consultations_on_module_copies(consultations)
    client = client_for("stakeholder-ngo")
    client.get("/en/consultations/")  # warm the content type cache, as in a running site

    # Session, user, consultations, roles, profile, groups, invited groups, territories, a few
    # per page type, the translations in the reader's language, and the site navigation: none
    # of them per consultation.
    with django_assert_max_num_queries(15):
        response = client.get("/en/consultations/")

    assert sorted(listed(response, "open")) == sorted(page.pk for page in pages)
