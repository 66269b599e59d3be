import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage

from co_design.access.lookups import roles_of
from co_design.models import (
    Invitation,
    ManifestoPage,
    NeedsReviewPage,
    PartnerSignOffTask,
    StrategyDraftPage,
    StrategyIndexPage,
    Territory,
    TrainingModulePage,
    TrainingProgrammePage,
)

from ..support.network import network_to_join

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network")]


@pytest.fixture
def network():
    return network_to_join()


NORDHAVN = [
    "--name",
    "Nordhavn",
    "--country",
    "EU",
    "--language",
    "de",
    "--editor",
    "Edda Nord <edda@nordhavn.example.org>",
    "--lead",
    "Lars Nord <lars@nordhavn.example.org>",
]


def add(*args):
    out = StringIO()
    call_command("add_territory", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        Territory.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        Invitation.objects.count(),
    )


def link_in(message):
    return re.search(r"http://\S+/invitations/(\S+)/", message.body).group(0)


def test_new_territory_gets_groups_drafts_in_its_language_workflows_and_invitations(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        output = add(*NORDHAVN)

    territory = Territory.objects.get(name="Nordhavn")
    assert (territory.slug, territory.country, territory.default_language) == (
        "nordhavn",
        "EU",
        "de",
    )
    editors = Group.objects.get(name="Editors · Nordhavn")
    assert Group.objects.filter(name="Partner leads · Nordhavn").exists()

    pages = [
        NeedsReviewPage.objects.get(territory=territory),
        StrategyDraftPage.objects.get(territory=territory),
        TrainingModulePage.objects.get(territory=territory),
    ]
    for page in pages:
        assert page.locale.language_code == "de"
        assert not page.live and page.latest_revision is not None
        assert set(
            GroupPagePermission.objects.filter(page=page).values_list("group__name", flat=True)
        ) == {editors.name}
    assert pages[1].title == "Lokale Strategie: Nordhavn"
    assert pages[1].get_workflow().name == "Local strategy review"
    assert pages[2].get_workflow().name == "Local strategy review"

    invitations = {i.role: i for i in Invitation.objects.filter(territory=territory)}
    assert invitations["editor"].email == "edda@nordhavn.example.org"
    assert invitations["partner_lead"].email == "lars@nordhavn.example.org"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "edda@nordhavn.example.org",
        "lars@nordhavn.example.org",
    ]
    lead_mail = next(m for m in mail.outbox if m.to == ["lars@nordhavn.example.org"])
    assert "Nordhavn" in lead_mail.subject
    assert "Added the territory Nordhavn." in output
    # The pages are in the territory's language; what the command says, in the operator's.
    assert "Created the draft “Lokale Strategie: Nordhavn” (local strategy draft)." in output


def test_a_city_in_a_language_the_site_lacks_gets_the_review_not_wagtails_default(
    django_capture_on_commit_callbacks,
):
    """The site has no German indexes yet: they are translated for Nordhavn, and its drafts go
    through the consultation and editorial approval, not the root's "Moderators approval"."""
    for model in (StrategyIndexPage, TrainingProgrammePage):
        model.objects.filter(locale__language_code="de").delete()
    assert Page.objects.get(depth=1).get_workflow().name == "Moderators approval"
    with django_capture_on_commit_callbacks(execute=True):
        output = add(*NORDHAVN)

    german = Locale.objects.get(language_code="de")
    assert "Translated the local strategies index into German." in output
    for model in (StrategyDraftPage, TrainingModulePage):
        page = model.objects.get(territory__name="Nordhavn")
        assert page.locale == german
        assert page.get_workflow().name == "Local strategy review"
        assert [task.name for task in page.get_workflow().tasks] == [
            "Stakeholder consultation",
            "Editorial approval",
        ]


def test_second_run_changes_nothing_and_says_so(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add(*NORDHAVN)
    before = snapshot()
    sent = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        output = add(*NORDHAVN)

    assert snapshot() == before
    assert len(mail.outbox) == sent
    assert "Nordhavn was already set up: nothing changed." in output


def test_duplicate_name_is_refused_and_nothing_is_written():
    before = snapshot()
    with pytest.raises(CommandError, match="A territory called “Valdoria” already exists"):
        add("--name", "valdoria", "--country", "ES", "--language", "es")
    assert snapshot() == before


def test_unknown_language_is_refused_and_nothing_is_written():
    before = snapshot()
    with pytest.raises(CommandError, match="Unknown language “pl”"):
        add("--name", "Nordhavn", "--country", "EU", "--language", "pl")
    assert snapshot() == before


def test_lead_who_accepts_joins_the_manifesto_sign_off(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add(*NORDHAVN)
    lead_mail = next(m for m in mail.outbox if m.to == ["lars@nordhavn.example.org"])

    response = client.post(link_in(lead_mail))

    assert response.status_code == 302
    lead = Invitation.objects.get(role="partner_lead").user
    assert lead.is_staff and roles_of(lead) == {"partner_lead"}
    assert lead.profile.territory.name == "Nordhavn"
    manifesto = ManifestoPage.objects.filter(locale__language_code="en").get()
    sign_off = PartnerSignOffTask.objects.get()
    assert lead in sign_off.leads()
    assert manifesto.get_workflow().name == "Manifesto sign-off"
    assert client.get("/admin/").status_code == 200


def test_lead_address_of_an_existing_account_is_refused_and_nothing_is_written():
    before = snapshot()

    with pytest.raises(CommandError, match="Already registered"):
        add(
            "--name",
            "Nordhavn",
            "--country",
            "EU",
            "--language",
            "en",
            "--lead",
            "Lukas <lead-de@example.org>",
        )

    assert snapshot() == before
    assert not mail.outbox
