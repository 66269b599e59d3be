"""Closing a consultation is a confirmed step that says what is still open."""

import pytest
from bs4 import BeautifulSoup

from co_design.models import Consultation, StakeholderComment

from .support.review_helpers import act, client_for
from .support.room_helpers import valdoria

pytestmark = pytest.mark.django_db


def confirmation(client, page):
    task_state = page.current_workflow_task_state
    response = client.get(
        f"/admin/pages/workflow/action/{page.pk}/close/{task_state.pk}/",
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return BeautifulSoup(response.json()["html"], "html.parser")


def summary_items(soup):
    return [
        " ".join(item.get_text().split()) for item in soup.select("#close-consultation-summary li")
    ]


def test_the_editor_menu_opens_a_confirmation_for_closing():
    page = valdoria()
    response = client_for("editor-it").get(f"/admin/pages/{page.pk}/edit/")
    soup = BeautifulSoup(response.content, "html.parser")
    button = soup.find("button", attrs={"data-workflow-action-name": "close"})
    assert button.has_attr("data-workflow-action-modal-url")


def test_the_confirmation_lists_undecided_comments_and_waiting_flags():
    page = valdoria()
    records = StakeholderComment.objects.filter(comment__page=page, hidden_at__isnull=True)
    undecided = records.filter(decision="").count()
    soup = confirmation(client_for("editor-it"), page)
    assert summary_items(soup) == [
        f"{undecided} comments without a decision",
        "1 flag waiting for a moderator",
    ]
    assert soup.find("button", type="submit").get_text(strip=True) == (
        "Close consultation and continue"
    )


def test_with_nothing_open_the_confirmation_says_so_and_closing_still_works():
    page = valdoria()
    StakeholderComment.objects.filter(comment__page=page).update(decision="noted")
    from co_design.models import CommentFlag

    CommentFlag.objects.update(status="dismissed")
    soup = confirmation(client_for("editor-it"), page)
    assert summary_items(soup) == []
    assert "Every comment has a decision" in soup.get_text()

    act(client_for("editor-it"), page, "close", comment="All answered.")
    consultation = Consultation.objects.get(page=page)
    assert consultation.closed_at is not None
    assert not consultation.is_open()
