"""Closing a consultation is a confirmed step that says what is still open."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Comment

from co_design.models import CommentFlag, Consultation, StakeholderComment

from ..support.factories import open_consultation, person
from ..support.review_helpers import act, client_for
from ..support.room_helpers import post_comment, section_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    """An open consultation with two comments, one of them flagged; and its editor."""
    page, editor = open_consultation("Welcome", "Letters")
    author, reporter = (person("stakeholder", page.territory) for _ in range(2))
    for section, text in zip(
        section_ids(page), ["First thoughts.", "Second thoughts."], strict=True
    ):
        post_comment(client_for(author.username), page, section=section, text=text)
    flagged = Comment.objects.get(page=page, text="Second thoughts.")
    client_for(reporter.username).post(
        reverse("consultation_flag", args=[page.pk, flagged.pk]), {"reason": "Off topic."}
    )
    assert CommentFlag.objects.filter(stakeholder_comment__wagtail_comment=flagged).count() == 1
    return page, client_for(editor.username)


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


def test_the_editor_menu_opens_a_confirmation_for_closing(consultation):
    page, editor = consultation
    response = editor.get(f"/admin/pages/{page.pk}/edit/")
    soup = BeautifulSoup(response.content, "html.parser")
    button = soup.find("button", attrs={"data-workflow-action-name": "close"})
    assert button.has_attr("data-workflow-action-modal-url")


def test_the_confirmation_lists_undecided_comments_and_waiting_flags(consultation):
    page, editor = consultation
    soup = confirmation(editor, page)
    assert summary_items(soup) == [
        "2 comments without a decision",
        "1 flag waiting for a moderator",
    ]
    assert soup.find("button", type="submit").get_text(strip=True) == (
        "Close consultation and continue"
    )


def test_with_nothing_open_the_confirmation_says_so_and_closing_still_works(consultation):
    page, editor = consultation
    StakeholderComment.objects.filter(wagtail_comment__page=page).update(decision="noted")
    CommentFlag.objects.filter(stakeholder_comment__wagtail_comment__page=page).update(
        status="dismissed"
    )
    soup = confirmation(editor, page)
    assert summary_items(soup) == []
    assert "Every comment has a decision" in soup.get_text()

    act(editor, page, "close", comment="All answered.")
    consultation = Consultation.objects.get(page=page)
    assert consultation.closed_at is not None
    assert not consultation.is_open()
