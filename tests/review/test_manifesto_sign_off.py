"""Manifesto sign-off: published only when every partner lead signed the same revision."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from co_design.models import ManifestoPage, SignOff

from ..support.network import manifesto_in_sign_off
from ..support.review_helpers import act, client_for, messages_of, save_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def manifesto():
    page = ManifestoPage.objects.get(pk=manifesto_in_sign_off().manifesto.pk)
    mail.outbox.clear()  # what submitting it sent is not what the tests look at
    return page


def signers(task_state):
    return sorted(task_state.signatures.values_list("user__username", flat=True))


def test_the_manifesto_waits_for_the_third_lead(manifesto):
    admin_client = client_for("admin")
    task_state = manifesto.current_workflow_task_state
    assert task_state.task.name == "Partner sign-off"
    assert signers(task_state) == ["lead-de", "lead-it"]
    html = admin_client.get(f"/admin/pages/{manifesto.pk}/edit/").content.decode()
    assert "signed" in html and "not signed yet" in html
    assert "Luis Martín" in html


def test_a_lead_cannot_sign_twice(manifesto):
    task_state = manifesto.current_workflow_task_state
    response = act(client_for("lead-de"), manifesto, "approve")
    assert "You have already signed off this revision." in messages_of(response)
    assert signers(task_state) == ["lead-de", "lead-it"]
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_only_partner_leads_sign(manifesto):
    response = act(client_for("moderator"), manifesto, "approve")
    assert "Only partner leads sign off the Manifesto." in messages_of(response)
    assert len(signers(manifesto.current_workflow_task_state)) == 2


def test_the_last_signature_publishes_the_signed_revision(manifesto, client):
    task_state = manifesto.current_workflow_task_state
    signed_revision = task_state.revision

    act(client_for("lead-es"), manifesto, "approve")

    manifesto.refresh_from_db()
    assert manifesto.live_revision == signed_revision
    assert manifesto.title == "The ECCIPA Manifesto (2023 edition)"
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == (
        WorkflowState.STATUS_APPROVED
    )
    assert signers(task_state) == ["lead-de", "lead-es", "lead-it"]
    assert SignOff.objects.filter(revision=signed_revision).count() == 3
    signatures_logged = PageLogEntry.objects.filter(
        page=manifesto, action="co_design.sign_off", revision=signed_revision
    )
    assert signatures_logged.count() == 3
    html = client.get(manifesto.url).content.decode()
    assert "Signed by Luis Martín (Puerto Alba)" in html
    assert "Signed by Lukas Schmidt (Rheinfeld)" in html


def test_any_lead_requests_changes_with_a_comment_and_the_submitter_is_told(manifesto):
    running = manifesto.current_workflow_state
    act(client_for("lead-es"), manifesto, "reject", comment="Chapter 3 needs the housing action.")

    state = manifesto.workflow_states.get(pk=running.pk)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Chapter 3 needs the housing action."
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    assert "Chapter 3 needs the housing action." in mail.outbox[0].body
    manifesto.refresh_from_db()
    assert manifesto.title == "The ECCIPA Manifesto"  # the live version is untouched


def test_an_edit_during_sign_off_voids_the_signatures(
    manifesto, django_capture_on_commit_callbacks
):
    old_state = manifesto.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = save_draft(client_for("moderator"), manifesto, title="The ECCIPA Manifesto, v3")
    assert response.status_code == 302

    manifesto.refresh_from_db()
    new_state = manifesto.current_workflow_task_state
    assert new_state.pk != old_state.pk
    assert new_state.revision == manifesto.get_latest_revision()
    assert signers(new_state) == []
    assert SignOff.objects.filter(task_state=old_state).count() == 2  # kept for the record
    # each lead is asked in their own language
    asked = (
        "Sign-off requested",
        "Freigabe erbeten",
        "Approvazione richiesta",
        "Aprobación solicitada",
    )
    requests = [m for m in mail.outbox if m.subject.startswith(asked)]
    assert sorted(m.to[0] for m in requests) == [
        "lead-de@example.org",
        "lead-es@example.org",
        "lead-it@example.org",
    ]

    response = act(client_for("lead-de"), manifesto, "approve", task_state=old_state)
    assert "This review step is no longer open" in " ".join(messages_of(response))
    act(client_for("lead-de"), manifesto, "approve")
    assert signers(new_state) == ["lead-de"]


def test_leads_read_the_manifesto_in_the_editor_but_cannot_change_it(manifesto):
    lead = client_for("lead-it")
    save_draft(lead, manifesto, title="Edited by a lead")
    manifesto.refresh_from_db()
    assert manifesto.get_latest_revision_as_object().title == "The ECCIPA Manifesto (2023 edition)"
    assert signers(manifesto.current_workflow_task_state) == ["lead-de", "lead-it"]
