"""The room's text boxes come from its forms: the limits a stakeholder meets in the browser are
the ones the server enforces."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Comment

from co_design.consultation.forms import CommentForm, EditCommentForm, FlagForm, ReplyForm

from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import post_comment, section_ids

pytestmark = pytest.mark.django_db


def test_every_text_box_in_the_room_has_its_form_fields_limit_and_an_id_of_its_own():
    page, editor = open_consultation("Welcome", "Letters")
    viewer, other = (person("stakeholder", page.territory) for _ in range(2))
    first, second = section_ids(page)
    post_comment(client_for(viewer.username), page, section=first, text="My own comment.")
    post_comment(client_for(other.username), page, section=second, text="Somebody else's.")
    others = Comment.objects.get(page=page, user=other)
    client_for(editor.username).post(
        reverse("consultation_reply", args=[page.pk, others.pk]), {"text": "Thank you."}
    )
    response = client_for(viewer.username).get(reverse("consultation_room", args=[page.pk]))
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
    assert limits["comment-form"]["text"] == settings.ECCIPA_CONSULTATION["MAX_TEXT"]
    seen = {kind: 0 for kind in limits}
    for box in soup.select("textarea"):
        kind = box["id"].split("-")[0]
        kind = "comment-form" if kind == "comment" else kind
        assert box["maxlength"] == str(limits[kind][box["name"]]), box
        assert soup.select_one(f'label[for="{box["id"]}"]') is not None, box
        seen[kind] += 1
    ids = [box["id"] for box in soup.select("textarea")]
    assert len(ids) == len(set(ids))
    # A form per section (comment, quote); the viewer's own comment to edit; the other's comment
    # and the editor's reply to report; both comments to reply to.
    assert seen == {"comment-form": 4, "edit": 1, "flag": 2, "reply": 2}


def test_a_comment_sent_too_long_comes_back_marked_and_described_by_its_error():
    page, _ = open_consultation()
    section = section_ids(page)[0]
    response = client_for(person("stakeholder", page.territory).username).post(
        reverse("consultation_comment", args=[page.pk]),
        {"section": section, "text": "x" * (settings.ECCIPA_CONSULTATION["MAX_TEXT"] + 1)},
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one(f"#comment-text-{section}")
    assert box["aria-invalid"] == "true"
    error = soup.select_one(f"#{box['aria-describedby']}")
    assert "Please keep it under" in error.get_text()
    # Browsers drop the newline that opens a <textarea>: the text is given back as sent.
    assert box.get_text().removeprefix("\n") == "x" * (settings.ECCIPA_CONSULTATION["MAX_TEXT"] + 1)
