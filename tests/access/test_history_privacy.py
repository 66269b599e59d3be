"""Wagtail's Site history report and a page's history show a person only the entries of pages
the ECCIPA rules let them see, and never name a stakeholder who did not agree to be named
("Show my name" on their comment); such a stakeholder appears as the room shows them, by the
kind of organisation.

The consultation of tests/support/consultation_room.py: Amina Diallo (migrant association)
agreed to be named on her comment, not on her reply; Giulia Conti (NGO) and Marco Greco (city
department) did not agree.
"""

import csv
import hashlib
import io
import re

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from ..support.consultation_room import consultation_room
from ..support.factories import (
    ManifestoPageFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    publish,
)
from ..support.module_data import built_once
from ..support.room_helpers import signed_in

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
UNCONSENTED = ["Giulia Conti", "Marco Greco", "Giulia", "Conti", "Marco", "Greco"]


def network_and_other_territory_pages(room):
    """History besides the consultation: network-wide pages (the Toolkit, the Manifesto) and the
    other territory's strategy and training module, edited by that territory's editor."""
    home = room.page.get_parent().get_parent()
    toolkit = publish(
        TrainingProgrammePageFactory(
            parent=home, title="ECCIPA: intercultural competences for city staff"
        ),
        user=room.moderator,
    )
    publish(TrainingModulePageFactory(parent=toolkit, territory=room.other_territory))
    module = toolkit.get_children().get().specific
    module.save_revision(user=room.other_editor, log_action=True)
    publish(ManifestoPageFactory(parent=home, title="The ECCIPA Manifesto"), user=room.moderator)
    room.other_strategy.save_revision(user=room.other_editor, log_action=True)


def room_beside_the_network():
    room = consultation_room()
    network_and_other_territory_pages(room)
    return room


shared_room = built_once(room_beside_the_network)


@pytest.fixture
def valdoria_strategy(room):
    return room.page


def rows(html):
    """The text of each row of the listing's table."""
    html = html[html.find('id="listing-results"') :]
    body = html[html.find("<tbody") : html.find("</tbody>")]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr")[1:]
    ]


def row_with(html, text):
    [row] = [row for row in rows(html) if text in row]
    return row


def gravatar_hash(user):
    return hashlib.md5(user.email.lower().encode()).hexdigest()


@pytest.fixture
def assert_names_nobody_who_did_not_agree(room):
    def check(html):
        for name in UNCONSENTED:
            assert name not in html
        for user in (room.ngo, room.school):
            assert user.username not in html
            assert gravatar_hash(user) not in html  # the avatar would identify them too

    return check


# Site history


def test_an_editor_of_another_territory_sees_neither_valdoria_nor_its_stakeholders(
    room, assert_names_nobody_who_did_not_agree
):
    html = signed_in(room.other_editor).get(SITE_HISTORY).content.decode()

    assert "Rheinfeld Local Strategy" in html  # their own territory's history
    assert "Valdoria" not in html
    assert "The desk in Via Roma" not in html
    assert "Amina Diallo" not in html  # not even those who agreed: not their territory
    assert_names_nobody_who_did_not_agree(html)


def test_an_editor_sees_only_their_territorys_pages(room):
    html = signed_in(room.other_editor).get(SITE_HISTORY).content.decode()

    titles = {row.split(" Local strategy draft")[0] for row in rows(html)}
    assert rows(html)
    for row in rows(html):
        assert "Rheinfeld" in row or "Training module" in row, row
    # Network-wide pages (the home page, the indexes, the Manifesto) are the moderators'.
    assert "ECCIPA Manifesto" not in html
    assert not any(title.startswith("ECCIPA: intercultural") for title in titles)


def test_the_territorys_own_editor_sees_its_comments_without_unconsented_names(
    room, assert_names_nobody_who_did_not_agree
):
    html = signed_in(room.editor).get(SITE_HISTORY).content.decode()

    assert_names_nobody_who_did_not_agree(html)
    assert "Stakeholder (NGO)" in row_with(html, "The desk in Via Roma is badly run")
    assert "Stakeholder (City department)" in row_with(html, "Schools need the mentors")
    # Amina agreed to be named on her comment, not on her reply.
    assert "Amina Diallo" in row_with(html, "Please let migrant associations help")
    reply = row_with(html, "Wonderful. Our Tuesday drop-in would suit.")
    assert "Amina" not in reply
    assert "Stakeholder (Migrant association)" in reply
    # Partner staff are named as before.
    assert "Elena Russo" in row_with(html, "Thank you: we will add a day")


def test_the_user_filter_offers_only_named_partner_staff(room):
    for user in (room.other_editor, room.editor, room.moderator):
        html = signed_in(user).get(SITE_HISTORY).content.decode()
        filter_labels = re.findall(r'name="user" value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
        assert filter_labels, user
        assert not set(filter_labels) & {"Amina Diallo", "Giulia Conti", "Marco Greco"}
    assert "Elena Russo" in filter_labels


def test_a_moderator_sees_every_territory_but_no_unconsented_names(
    room, assert_names_nobody_who_did_not_agree
):
    html = signed_in(room.moderator).get(SITE_HISTORY).content.decode()

    assert "Rheinfeld Local Strategy" in html
    assert "ECCIPA Manifesto" in html  # the network-wide pages other editors do not see
    assert "The desk in Via Roma is badly run" in html
    assert_names_nobody_who_did_not_agree(html)
    assert "Stakeholder (NGO)" in row_with(html, "The desk in Via Roma is badly run")


def test_the_exported_site_history_names_nobody_who_did_not_agree(
    room, assert_names_nobody_who_did_not_agree
):
    response = signed_in(room.moderator).get(SITE_HISTORY, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    lines = list(csv.reader(io.StringIO(content)))

    assert_names_nobody_who_did_not_agree(content)
    users = {line[4] for line in lines[1:]}
    assert {"Stakeholder (NGO)", "Stakeholder (City department)", "Amina Diallo"} <= users


def test_the_label_is_in_the_editors_admin_language(room, assert_names_nobody_who_did_not_agree):
    profile = UserProfile.get_for_user(room.editor)
    profile.preferred_language = "it"
    profile.save()

    html = signed_in(room.editor).get(SITE_HISTORY).content.decode()

    assert "Portatore di interesse (ONG)" in html
    assert_names_nobody_who_did_not_agree(html)


# A page's history


def test_the_page_history_names_nobody_who_did_not_agree(
    room, valdoria_strategy, assert_names_nobody_who_did_not_agree
):
    page = valdoria_strategy
    for user in (room.editor, room.moderator, room.admin):
        response = signed_in(user).get(f"/admin/pages/{page.pk}/history/")
        assert response.status_code == 200
        html = response.content.decode()
        assert_names_nobody_who_did_not_agree(html)
        assert "Stakeholder (NGO)" in html
        assert "Elena Russo" in html


def test_the_page_history_results_and_filters_name_nobody_who_did_not_agree(
    room, valdoria_strategy, assert_names_nobody_who_did_not_agree
):
    page = valdoria_strategy
    client = signed_in(room.editor)
    giulia = room.ngo

    results = client.get(f"/admin/pages/{page.pk}/history/results/")
    filtered = client.get(f"/admin/pages/{page.pk}/history/", {"user": giulia.pk})

    assert results.status_code == 200
    assert_names_nobody_who_did_not_agree(results.content.decode())
    assert_names_nobody_who_did_not_agree(filtered.content.decode())


@pytest.mark.parametrize("path", [SITE_HISTORY, f"{SITE_HISTORY}results/", "page-history"])
def test_the_histories_stay_behind_the_admins_sign_in(client, room, path):
    if path == "page-history":
        path = f"/admin/pages/{room.page.pk}/history/"
    assert client.get(path).url.startswith("/admin/login/")
    stakeholder = signed_in(room.ngo)
    response = stakeholder.get(path)
    # A stakeholder has no admin account: sent to the admin's sign-in, shown nothing.
    assert response.status_code == 302
    assert response.url == f"/admin/login/?next={path}"
    assert response.content == b""


def test_hiding_names_costs_the_same_queries_however_many_stakeholders_appear(room):
    """Wagtail's listing has per-entry queries of its own; the names are decided in a fixed
    number: partner staff, consents, profiles."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageLogEntry

    from co_design.access.audit_log import without_unconsented_names
    from co_design.models import Profile

    from ..support.factories import UserFactory

    def queries_to_hide_names():
        entries = list(PageLogEntry.objects.select_related("user").order_by("-pk"))
        with CaptureQueriesContext(connection) as captured:
            shown = without_unconsented_names(entries)
        return len(captured), shown

    before, _ = queries_to_hide_names()
    stakeholders = Group.objects.get(name="Stakeholders")
    for number in range(12):
        author = UserFactory(first_name="Hidden", last_name=f"Person{number}")
        author.groups.add(stakeholders)
        Profile.objects.create(user=author, organisation_type="ngo")
        PageLogEntry.objects.log_action(
            room.page,
            "wagtail.comments.create",
            user=author,
            data={"comment": {"id": 10_000 + number, "contentpath": "sections", "text": "t"}},
        )
    after, shown = queries_to_hide_names()

    assert after == before <= 3
    hidden = [entry for entry in shown if entry.user_display_name == "Stakeholder (NGO)"]
    assert len(hidden) >= 12
    assert not any("Hidden" in entry.user_display_name for entry in shown)
