"""Rendering the room costs the same number of SQL queries however many comments it shows."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import CommentReply

from co_design.models import CommentAgreement, Profile, StrategyDraftPage

from ..support.review_helpers import client_for

pytestmark = pytest.mark.django_db


def big_consultation():
    """A strategy with 30 sections under consultation (a territory made for benchmarks)."""
    call_command("seed_demo", "--force", "--strategies", "4", "--sections", "30", verbosity=0)
    page = StrategyDraftPage.objects.get(
        locale__language_code="en", territory__slug="benchmark-city-04"
    )
    editor = get_user_model().objects.create_user("editor-bench", "eb@example.org", "x")
    editor.is_superuser = True
    editor.save()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        page.get_workflow().start(page, editor)
    stakeholders = [
        get_user_model().objects.create_user(f"bench-{n}", f"b{n}@example.org", "x")
        for n in range(5)
    ]
    for user in stakeholders:
        user.groups.add(Group.objects.get(name="Stakeholders"))
        Profile.objects.create(user=user, territory=page.territory, organisation_type="ngo")
    return page, stakeholders


def add_comments(page, stakeholders, count):
    """Comments as the room stores them, written in bulk to keep the test fast."""
    from wagtail.models import Comment

    from co_design.models import Consultation, StakeholderComment

    consultation = Consultation.objects.for_page(page).get()
    sections = [block.id for block in page.get_latest_revision_as_object().sections]
    start = Comment.objects.count()
    new = Comment.objects.bulk_create(
        Comment(
            page=page,
            user=stakeholders[number % len(stakeholders)],
            text=f"Comment {start + number}",
            contentpath=f"sections.{sections[number % len(sections)]}.body",
        )
        for number in range(count)
    )
    records = StakeholderComment.objects.bulk_create(
        StakeholderComment(
            wagtail_comment=comment,
            consultation=consultation,
            section_id=sections[number % len(sections)],
            section_heading="Generated section",
            section_text="Older text" if number % 2 else "",
            organisation_type="ngo",
            submission_key=uuid.uuid4(),
        )
        for number, comment in enumerate(new)
    )
    CommentReply.objects.bulk_create(
        CommentReply(comment=comment, user=stakeholders[0], text="A reply") for comment in new[::5]
    )
    CommentAgreement.objects.bulk_create(
        CommentAgreement(stakeholder_comment=record, user=stakeholders[1])
        for record in records[::3]
    )


def queries_to_render(client, page):
    """The number of SQL queries one render of the room takes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/en/consultations/{page.pk}/")
    assert response.status_code == 200
    return len(captured), response


def test_the_room_renders_500_comments_in_as_many_queries_as_50():
    page, stakeholders = big_consultation()
    client = client_for(stakeholders[0].username)

    add_comments(page, stakeholders, 50)
    queries_to_render(client, page)  # warms the site-root cache
    with_50, response = queries_to_render(client, page)
    assert response.content.decode().count('class="comment"') == 50

    add_comments(page, stakeholders, 450)
    with_500, response = queries_to_render(client, page)
    assert response.content.decode().count('class="comment"') == 500

    assert with_500 == with_50
    # Nor with the links in the draft's text (co_design/page_links.py): its 30 sections link to
    # pages 60 times, which cost a query or two each through Wagtail's own handler (91 in all).
    draft = page.get_latest_revision_as_object()
    links = sum(block.value["body"].source.count('linktype="page"') for block in draft.sections)
    assert links >= 30
    assert with_50 <= 32
