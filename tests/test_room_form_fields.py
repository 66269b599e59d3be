"""The room's text boxes come from its forms: the limits a stakeholder meets in the browser are
the ones the server enforces."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from co_design.room.forms import CommentForm, EditCommentForm, FlagForm, ReplyForm

from .support.review_helpers import client_for
from .support.room_helpers import section_ids, valdoria

pytestmark = pytest.mark.django_db


def test_every_text_box_in_the_room_has_its_form_fields_limit_and_an_id_of_its_own():
    page = valdoria()
    response = client_for("stakeholder-ngo-it").get(reverse("consultation_room", args=[page.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    limits = {
        "comment-form": {
            "text": CommentForm.base_fields["text"].max_length,
            "quote": CommentForm.base_fields["quote"].max_length,
        },
        "edit": {"text": EditCommentForm.base_fields["text"].max_length},
        "flag": {"reason": FlagForm.base_fields["reason"].max_length},
        "reply": {"text": ReplyForm.base_fields["text"].max_length},
    }
    assert limits["comment-form"]["text"] == settings.CONSULTATION_MAX_TEXT
    seen = {kind: 0 for kind in limits}
    for box in soup.select("textarea"):
        kind = box["id"].split("-")[0]
        kind = "comment-form" if kind == "comment" else kind
        assert box["maxlength"] == str(limits[kind][box["name"]]), box
        assert soup.select_one(f'label[for="{box["id"]}"]') is not None, box
        seen[kind] += 1
    ids = [box["id"] for box in soup.select("textarea")]
    assert len(ids) == len(set(ids))
    # Valdoria's room: a form per section, the stakeholder's own comment to edit, others' to
    # report and reply to.
    assert seen["comment-form"] == 2 * len(section_ids(page))
    assert seen["edit"] >= 1 and seen["flag"] >= 1 and seen["reply"] >= 1


def test_a_comment_sent_too_long_comes_back_marked_and_described_by_its_error():
    page = valdoria()
    section = section_ids(page)[0]
    response = client_for("stakeholder-ngo-it").post(
        reverse("consultation_comment", args=[page.pk]),
        {"section": section, "text": "x" * (settings.CONSULTATION_MAX_TEXT + 1)},
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one(f"#comment-text-{section}")
    assert box["aria-invalid"] == "true"
    error = soup.select_one(f"#{box['aria-describedby']}")
    assert "Please keep it under" in error.get_text()
    # Browsers drop the newline that opens a <textarea>: the text is given back as sent.
    assert box.get_text().removeprefix("\n") == "x" * (settings.CONSULTATION_MAX_TEXT + 1)
