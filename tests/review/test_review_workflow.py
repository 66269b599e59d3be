"""The path of a draft through the admin, as the real users: consultation → editorial approval."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from co_design.models import Consultation, StrategyDraftPage

from ..support.module_data import rolled_back_after_the_module
from ..support.network import strategies_in_review
from ..support.review_helpers import act, client_for, messages_of, save_draft, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """Rheinfeld's strategy not under review, Valdoria's in consultation, Puerto Alba's waiting
    for editorial approval; built once for the module."""
    with rolled_back_after_the_module(django_db_blocker):
        yield strategies_in_review()


@pytest.fixture
def strategies(network):
    """The strategies as each test starts: read again, never the objects an earlier test
    changed."""
    return {
        slug: StrategyDraftPage.objects.get(pk=page.pk) for slug, page in network.strategies.items()
    }


@pytest.fixture
def rheinfeld(strategies):
    return strategies["rheinfeld"]


@pytest.fixture
def valdoria(strategies):
    return strategies["valdoria"]


@pytest.fixture
def puerto(strategies):
    return strategies["puerto-alba"]


@pytest.fixture
def editor(strategies):
    return client_for("editor-de")


@pytest.fixture
def moderator(strategies):
    return client_for("moderator")


def test_submitting_opens_the_consultation_and_emails_the_territory_stakeholders(
    rheinfeld, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(editor, rheinfeld, summary="Revised: a city that welcomes.")
    assert response.status_code == 302

    rheinfeld.refresh_from_db()
    assert rheinfeld.current_workflow_task.name == "Stakeholder consultation"
    consultation = Consultation.objects.for_page(rheinfeld).get()
    assert consultation.is_open()
    closes = timezone.localtime(consultation.closes_at)
    assert closes.date() == timezone.localdate() + timedelta(days=14)
    assert (closes.hour, closes.minute) == (23, 59)

    opened = ("Consultation open", "Beteiligung offen", "Consultazione aperta", "Consulta abierta")
    invitations = [
        m for m in mail.outbox if m.subject in {f"{word}: {rheinfeld.title}" for word in opened}
    ]
    invited = sorted(address for message in invitations for address in message.to)
    assert invited == ["stakeholder-ngo@example.org", "stakeholder-rolemodel@example.org"]
    message = invitations[0]
    recipient = get_user_model().objects.get(email=message.to[0])
    language = recipient.profile.language  # the link opens the room in the recipient's language
    assert f"http://testserver/{language}/consultations/{rheinfeld.pk}/" in message.body

    room = client_for("stakeholder-ngo").get(f"/en/consultations/{rheinfeld.pk}/")
    assert room.status_code == 200
    assert "Revised: a city that welcomes." in room.content.decode()
    assert (
        client_for("stakeholder-city").get(f"/en/consultations/{rheinfeld.pk}/").status_code == 403
    )


def test_the_published_revision_is_the_reviewed_one(rheinfeld, editor, moderator):
    submit(editor, rheinfeld, summary="First revised summary.")
    # Editors revise while stakeholders comment; closing the consultation approves that text.
    save_draft(editor, rheinfeld, summary="Second revised summary, after comments.")
    rheinfeld.refresh_from_db()
    reviewed = rheinfeld.get_latest_revision()

    response = act(editor, rheinfeld, "close")
    assert response.status_code == 200
    rheinfeld.refresh_from_db()
    assert rheinfeld.current_workflow_task.name == "Editorial approval"
    assert rheinfeld.current_workflow_task_state.revision == reviewed

    act(moderator, rheinfeld, "approve")

    rheinfeld.refresh_from_db()
    assert rheinfeld.live_revision == reviewed
    assert rheinfeld.summary == "Second revised summary, after comments."
    assert rheinfeld.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert (
        "Second revised summary"
        in client_for("stakeholder-ngo").get(rheinfeld.url).content.decode()
    )
    actions = set(PageLogEntry.objects.filter(page=rheinfeld).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_an_edit_during_editorial_review_sends_the_page_back_to_consultation(
    rheinfeld, editor, moderator
):
    submit(editor, rheinfeld, summary="Reviewed text.")
    act(editor, rheinfeld, "close")
    rheinfeld.refresh_from_db()
    editorial_state = rheinfeld.current_workflow_task_state

    # During editorial approval the page is locked to its editors; moderators may still edit.
    save_draft(editor, rheinfeld, summary="Blocked edit.")
    rheinfeld.refresh_from_db()
    assert rheinfeld.get_latest_revision_as_object().summary == "Reviewed text."

    response = save_draft(moderator, rheinfeld, summary="Unreviewed late change.")
    assert response.status_code == 302

    rheinfeld.refresh_from_db()
    assert rheinfeld.current_workflow_task.name == "Stakeholder consultation"
    assert rheinfeld.current_workflow_task_state.revision == rheinfeld.get_latest_revision()
    editorial_state.refresh_from_db()
    assert editorial_state.status == TaskState.STATUS_CANCELLED

    # A moderator who still has the old review open cannot approve it.
    response = act(moderator, rheinfeld, "approve", task_state=editorial_state)
    assert "This review step is no longer open" in " ".join(messages_of(response))
    rheinfeld.refresh_from_db()
    assert rheinfeld.summary != "Unreviewed late change."
    assert rheinfeld.live_revision != rheinfeld.get_latest_revision()


def test_requesting_changes_keeps_the_draft_records_the_reason_and_emails_the_submitter(
    rheinfeld, editor, moderator
):
    submit(editor, rheinfeld, summary="Draft the moderator will send back.")
    act(editor, rheinfeld, "close")
    mail.outbox.clear()

    act(moderator, rheinfeld, "reject", comment="Please name a responsible body for each action.")

    rheinfeld.refresh_from_db()
    state = rheinfeld.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please name a responsible body for each action."
    assert (
        rheinfeld.get_latest_revision_as_object().summary == "Draft the moderator will send back."
    )
    assert rheinfeld.summary != "Draft the moderator will send back."
    assert [message.to for message in mail.outbox] == [["editor-de@example.org"]]
    assert "Please name a responsible body" in mail.outbox[0].body
    assert PageLogEntry.objects.filter(page=rheinfeld, action="wagtail.workflow.reject").exists()


def test_editors_can_request_changes_in_the_consultation_with_a_reason(rheinfeld, editor):
    submit(editor, rheinfeld, summary="Not ready yet.")
    act(editor, rheinfeld, "reject", comment="Stakeholders asked for a housing section.")
    rheinfeld.refresh_from_db()
    assert rheinfeld.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    consultation = Consultation.objects.for_page(rheinfeld).get()
    assert not consultation.is_open()


def test_approving_twice_changes_nothing_the_second_time(rheinfeld, editor, moderator):
    submit(editor, rheinfeld, summary="Approved once.")
    act(editor, rheinfeld, "close")
    rheinfeld.refresh_from_db()
    editorial_state = rheinfeld.current_workflow_task_state
    act(moderator, rheinfeld, "approve")
    rheinfeld.refresh_from_db()
    published = rheinfeld.live_revision
    log_entries = PageLogEntry.objects.count()

    response = act(moderator, rheinfeld, "approve", task_state=editorial_state)

    assert "This review step is no longer open" in " ".join(messages_of(response))
    rheinfeld.refresh_from_db()
    assert rheinfeld.live_revision == published
    assert PageLogEntry.objects.count() == log_entries


def test_acting_on_a_cancelled_workflow_is_refused(rheinfeld, editor, moderator):
    submit(editor, rheinfeld, summary="Submitted, then withdrawn.")
    rheinfeld.refresh_from_db()
    task_state = rheinfeld.current_workflow_task_state
    rheinfeld.current_workflow_state.cancel(user=None)

    response = act(editor, rheinfeld, "close", task_state=task_state)

    assert "This review step is no longer open" in " ".join(messages_of(response))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_CANCELLED


def test_an_editor_of_another_territory_cannot_close_the_consultation(valdoria):
    task_state = valdoria.current_workflow_task_state

    response = act(client_for("editor-de"), valdoria, "close")

    assert "Only editors of Valdoria can do this." in " ".join(messages_of(response))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert Consultation.objects.for_page(valdoria).get().is_open()


def test_stakeholders_never_reach_the_workflow_actions(valdoria):
    response = act(client_for("stakeholder-association"), valdoria, "close", follow=False)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert valdoria.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_an_approver_without_publish_rights_is_refused_before_anything_changes(
    django_user_model, puerto
):
    from django.contrib.auth.models import Group, Permission

    from co_design.models import EditorialApprovalTask

    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    EditorialApprovalTask.objects.get().groups.add(reviewers)
    reviewer = django_user_model.objects.create_user("reviewer", "reviewer@example.org", "x")
    reviewer.groups.add(reviewers)
    task_state = puerto.current_workflow_task_state
    assert task_state.task.name == "Editorial approval"

    client = client_for("reviewer")
    response = act(client, puerto, "approve")

    assert "you may not publish it" in " ".join(messages_of(response))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    puerto.refresh_from_db()
    assert puerto.live_revision != puerto.get_latest_revision()


def test_editors_change_the_closing_date_and_a_past_date_is_refused(valdoria):
    editor = client_for("editor-it")
    new_date = timezone.localdate() + timedelta(days=30)

    act(editor, valdoria, "set_closing_date", closes_on=new_date.isoformat())
    consultation = Consultation.objects.for_page(valdoria).get()
    assert timezone.localtime(consultation.closes_at).date() == new_date
    assert PageLogEntry.objects.filter(
        page=valdoria, action="co_design.consultation.closing_date"
    ).exists()

    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    act(editor, valdoria, "set_closing_date", closes_on=past)
    consultation.refresh_from_db()
    assert timezone.localtime(consultation.closes_at).date() == new_date


def test_a_closed_consultation_says_so_in_the_room(valdoria):
    consultation = Consultation.objects.for_page(valdoria).get()
    consultation.closes_at = timezone.now() - timedelta(hours=1)
    consultation.save()

    html = client_for("stakeholder-association").get(f"/en/consultations/{valdoria.pk}/")
    assert "it no longer accepts comments" in html.content.decode()


def test_approving_a_revision_that_is_no_longer_current_is_refused(moderator, puerto):
    task_state = puerto.current_workflow_task_state
    # A newer revision saved outside the editor (e.g. by an import), so no hook restarted review.
    draft = puerto.get_latest_revision_as_object()
    draft.summary = "Saved after submission."
    draft.save_revision()

    response = act(moderator, puerto, "approve")

    assert "is no longer current" in " ".join(messages_of(response))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    puerto.refresh_from_db()
    assert puerto.summary != "Saved after submission."


def approve_from_the_editor(client, page, **changes):
    from ..support.admin_forms import edit_form_data

    data = edit_form_data(client, page, **changes)
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def test_approving_from_the_page_editor_publishes_the_reviewed_text(moderator, puerto):
    reviewed = puerto.current_workflow_task_state.revision.as_object()

    response = approve_from_the_editor(moderator, puerto)

    assert response.status_code == 200
    puerto.refresh_from_db()
    assert puerto.workflow_states.order_by("-created_at").first().status == "approved"
    assert puerto.summary == reviewed.summary
    assert puerto.live_revision == puerto.get_latest_revision()


def test_changing_the_text_while_approving_from_the_editor_sends_it_back_to_consultation(
    moderator, puerto
):

    response = approve_from_the_editor(moderator, puerto, summary="Changed by the approver.")

    assert "is no longer current" in " ".join(messages_of(response))
    puerto.refresh_from_db()
    assert puerto.summary != "Changed by the approver."  # not published
    assert puerto.get_latest_revision_as_object().summary == "Changed by the approver."  # kept
    assert puerto.current_workflow_task.name == "Stakeholder consultation"
