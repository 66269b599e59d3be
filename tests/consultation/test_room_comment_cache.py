"""Each comment of the room is rendered once and then taken from the cache: what a reader sees
still follows every change to the comment, and each reader's forms carry their own CSRF token."""

import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import CommentReply

from co_design.models import CommentAgreement, CommentEdit, StakeholderComment

from ..support.factories import open_consultation, person
from ..support.room_helpers import post_comment, section_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    """An open consultation with one stakeholder's comment, and two other stakeholders."""
    page, editor = open_consultation("A welcoming front desk")
    author, reader, other = (
        person("stakeholder", page.territory, organisation_type="ngo") for _ in range(3)
    )
    post_comment(signed_in(author), page, section=section_ids(page)[0], text="Open on Saturdays.")
    record = StakeholderComment.objects.get(wagtail_comment__page=page)
    return page, editor, record, reader, other


def signed_in(user, **options):
    client = Client(**options)
    client.force_login(user)
    return client


def comment_html(client, page, record):
    html = client.get(f"/en/consultations/{page.pk}/").content.decode()
    start = html.index(f'id="comment-{record.wagtail_comment_id}"')
    return html[start : html.index("</li>\n", start)]


def test_a_second_render_shows_the_same_room(room):
    page, _editor, record, reader, _other = room
    client = signed_in(reader)

    def rendered():
        html = client.get(f"/en/consultations/{page.pk}/").content.decode()
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "token", html)
        return re.sub(r'name="submission_key" value="[^"]+"', "key", html)

    assert rendered() == rendered()


def test_the_room_follows_every_change_to_a_cached_comment(room):
    page, editor, record, reader, other = room
    client = signed_in(reader)
    assert "0 people agree" in comment_html(client, page, record)

    CommentAgreement.objects.create(stakeholder_comment=record, user=other)
    assert "1 person agrees" in comment_html(client, page, record)

    CommentReply.objects.create(comment=record.wagtail_comment, user=editor, text="We will ask.")
    assert "We will ask." in comment_html(client, page, record)

    comment = record.wagtail_comment
    CommentEdit.objects.create(stakeholder_comment=record, kind="edited", text=comment.text)
    comment.text = "Open on Saturdays and Sundays."
    comment.save()
    shown = comment_html(client, page, record)
    assert "Open on Saturdays and Sundays." in shown and "Edited" in shown

    StakeholderComment.objects.filter(pk=record.pk).update(
        decision="adopted", decision_reason="In the next draft."
    )
    assert "In the next draft." in comment_html(client, page, record)

    StakeholderComment.objects.filter(pk=record.pk).update(
        hidden_at=timezone.now(), hidden_reason="Personal data"
    )
    shown = comment_html(client, page, record)
    assert "Hidden by a moderator: Personal data" in shown
    assert "Open on Saturdays and Sundays." not in shown


def test_the_same_comment_is_its_authors_and_not_its_readers(room):
    page, _editor, record, reader, _other = room
    assert "Edit your comment" in comment_html(signed_in(record.wagtail_comment.user), page, record)
    seen = comment_html(signed_in(reader), page, record)
    assert "Edit your comment" not in seen and "I agree (+1)" in seen
    assert "Edit your comment" in comment_html(signed_in(record.wagtail_comment.user), page, record)


def test_each_reader_posts_with_the_token_of_their_own_page(room):
    page, _editor, record, reader, other = room
    for user in (reader, other):
        client = signed_in(user, enforce_csrf_checks=True)
        shown = comment_html(client, page, record)
        form = shown[shown.index('action="/en/consultations/') :]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        response = client.post(
            f"/en/consultations/{page.pk}/comments/{record.wagtail_comment_id}/agree/",
            {"csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302
    assert CommentAgreement.objects.filter(stakeholder_comment=record).count() == 2
