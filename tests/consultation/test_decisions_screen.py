"""The editors' decisions screen: progress, filters, an honest decision form, revisions by date."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Comment

from co_design.choices import OrganisationType
from co_design.models import CommentFlag, Decision, FlagStatus, StakeholderComment

from ..support.factories import open_consultation, person
from ..support.review_helpers import client_for
from ..support.room_helpers import post_comment, section_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    """A consultation on two sections whose editor is "editor": a migrant association's comment
    decided on, an NGO's undecided, and a second association comment undecided and flagged."""
    page, editor = open_consultation("Welcome", "Letters")
    editor.username = "editor"
    editor.save()
    association, ngo = (
        person("stakeholder", page.territory, kind)
        for kind in (OrganisationType.MIGRANT_ASSOCIATION, OrganisationType.NGO)
    )
    first, second = section_ids(page)
    for author, section, text in [
        (association, first, "Mentors, please."),
        (ngo, second, "Letters in Arabic."),
        (association, second, "The desk is badly run."),
    ]:
        post_comment(client_for(author.username), page, section=section, text=text)
    decided = StakeholderComment.objects.get(wagtail_comment__text="Mentors, please.")
    client_for("editor").post(
        f"/admin/consultations/comments/{decided.pk}/decision/",
        {f"c{decided.pk}-decision": Decision.NOTED, f"c{decided.pk}-reason": "Next year."},
    )
    client_for(ngo.username).post(
        reverse(
            "consultation_flag",
            args=[page.pk, Comment.objects.get(text="The desk is badly run.").pk],
        ),
        {"reason": "It blames a person."},
    )
    return page


def screen(page, **filters):
    response = client_for("editor").get(f"/admin/consultations/{page.pk}/comments/", filters)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def shown_ids(soup):
    return {int(section["id"][1:]) for section in soup.select("section.eccipa-decision")}


def test_the_screen_has_a_heading_and_says_how_many_comments_are_decided(page):
    records = StakeholderComment.objects.filter(wagtail_comment__page=page)
    decided = records.exclude(decision="").count()
    flags = CommentFlag.objects.filter(
        stakeholder_comment__in=records, status=FlagStatus.WAITING, reply__isnull=True
    ).count()
    soup = screen(page)
    assert soup.h1.get_text(" ", strip=True) == f"Decisions on comments {page.title}"
    progress = " ".join(soup.select_one("#decision-progress").get_text().split())
    flag_words = "flag waiting" if flags == 1 else "flags waiting"
    assert progress == f"{decided} of {records.count()} decided · {flags} {flag_words}"
    assert (decided, records.count(), flags) == (1, 3, 1)


def test_editors_filter_undecided_flagged_by_section_and_by_organisation_type(page):
    records = StakeholderComment.objects.filter(wagtail_comment__page=page)
    undecided = set(records.filter(decision="").values_list("pk", flat=True))
    assert shown_ids(screen(page, status="undecided")) == undecided
    flagged = set(
        records.filter(flags__status=FlagStatus.WAITING, flags__reply__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert shown_ids(screen(page, status="flagged")) == flagged
    section = records.first().section_id
    assert shown_ids(screen(page, section=section)) == set(
        records.filter(section_id=section).values_list("pk", flat=True)
    )
    associations = set(
        records.filter(organisation_type="migrant_association").values_list("pk", flat=True)
    )
    assert len(associations) == 2
    assert shown_ids(screen(page, organisation_type="migrant_association")) == associations
    assert len(shown_ids(screen(page))) == records.count()


def test_no_decision_is_preselected_and_the_revision_is_asked_only_when_adopting(page):
    stakeholder_comment = StakeholderComment.objects.filter(
        wagtail_comment__page=page, decision=""
    ).first()
    soup = screen(page)
    form = soup.select_one(f"#c{stakeholder_comment.pk} form")
    select = form.select_one("select[name$=decision]")
    assert [option["value"] for option in select.find_all("option", selected=True)] in ([], [""])
    assert select.find("option")["value"] == ""
    revision_box = form.select_one("[data-w-rules-target=show]")
    assert revision_box.has_attr("hidden")
    assert '"adopted"' in revision_box["data-w-rules"]
    assert '"partly_adopted"' in revision_box["data-w-rules"]
    assert '"noted"' not in revision_box["data-w-rules"]


def test_revisions_are_named_by_date_and_author_never_by_id(page):
    soup = screen(page)
    options = soup.select("select[name$=adopted_in] option")
    revision = page.get_latest_revision()
    labels = {option.get_text() for option in options}
    assert labels
    assert all("Revision" not in label for label in labels)
    author = revision.user.get_full_name()
    assert any(label.endswith(f"by {author}") for label in labels)


def test_revision_dates_are_shown_in_the_editors_own_time_zone(page):
    from zoneinfo import ZoneInfo

    from django.contrib.auth import get_user_model
    from django.utils import formats, timezone
    from wagtail.users.models import UserProfile

    editor = get_user_model().objects.get(username="editor")
    UserProfile.objects.update_or_create(
        user=editor, defaults={"current_time_zone": "America/New_York"}
    )
    revision = page.get_latest_revision()
    new_york = timezone.localtime(revision.created_at, ZoneInfo("America/New_York"))
    expected = formats.date_format(new_york, "DATETIME_FORMAT")
    labels = [
        option.get_text() for option in screen(page).select("select[name$=adopted_in] option")
    ]
    assert any(label.startswith(expected + " by ") for label in labels)
