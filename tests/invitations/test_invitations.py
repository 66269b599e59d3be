"""Editors invite stakeholders, one by one or from a CSV file; the e-mailed link signs the
invitee in once, until it expires. Nobody is invited twice."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client, TestCase
from django.utils import timezone, translation
from django.utils.formats import date_format

from co_design.access.roles import ROLE_GROUPS
from co_design.invitations.models import hash_token
from co_design.invitations.services import Invitee, invite
from co_design.models import Invitation, Profile, Territory

from ..support.factories import UserFactory, site_home
from ..support.module_data import rolled_back_after_the_module
from ..support.network import (
    member,
    partner_territories,
    stakeholders,
)
from ..support.review_helpers import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network")]


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """Rheinfeld, Valdoria and Puerto Alba; the editors of the first two, Rheinfeld's partner
    lead, the moderator and a stakeholder of each; built once for the module."""
    with rolled_back_after_the_module(django_db_blocker):
        site_home()
        territories = partner_territories()
        stakeholders(territories)
        member("editor", territories["rheinfeld"], "editor-de", "Emma Becker", "de")
        member("editor", territories["valdoria"], "editor-it", "Elena Russo", "it")
        member("partner_lead", territories["rheinfeld"], "lead-de", "Lukas Schmidt", "de")
        member("moderator", None, "moderator", "Max Moreau")
        yield territories


User = get_user_model()
HEADER = "name,email,organisation,organisation_type,territory,language\n"


def committed():
    """Invitation e-mails leave once the transaction commits: run those callbacks, as a real
    commit would (what the django_capture_on_commit_callbacks fixture does)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def invite_one(client, **fields):
    data = {
        "name": "Jana Novak",
        "email": "jana.novak@example.org",
        "organisation": "Caritas Rheinfeld",
        "organisation_type": "ngo",
        "territory": Territory.objects.get(slug="rheinfeld").pk,
        "language": "de",
        **fields,
    }
    with committed():
        return client.post("/admin/invitations/new/", data)


def upload(client, text, encoding="utf-8", name="people.csv"):
    data = text.encode(encoding) if isinstance(text, str) else text
    with committed():
        return client.post(
            "/admin/invitations/import/", {"file": SimpleUploadedFile(name, data, "text/csv")}
        )


def link_in(message):
    """The invitation link of the e-mail, opened in English (it carries the invitee's language)."""
    link = re.search(r"http://testserver/[a-z]{2}(/invitations/[\w-]+/)", message.body).group(1)
    return f"/en{link}"


def invitation_link(email="jana.novak@example.org", territory="rheinfeld", **fields):
    """An invitation made as editors make them; returns (invitation, the path of its link)."""
    inviter = User.objects.get(username="moderator")
    invitee = Invitee(
        name=fields.pop("name", "Jana Novak"),
        email=email,
        territory=Territory.objects.get(slug=territory),
        organisation=fields.pop("organisation", "Caritas Rheinfeld"),
        organisation_type=fields.pop("organisation_type", "ngo"),
        language=fields.pop("language", "de"),
    )
    with committed():
        invitation = invite(inviter, invitee)
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return invitation, link_in(message)


# The link


def test_the_invitation_e_mail_carries_the_link_in_the_invitees_language():
    response = invite_one(client_for("editor-de"))
    assert response.status_code == 302

    invitation = Invitation.objects.get(email="jana.novak@example.org")
    [message] = mail.outbox
    assert message.to == ["jana.novak@example.org"]
    assert message.subject == "Einladung zum ECCIPA Co-Design von Rheinfeld"
    assert "Guten Tag Jana Novak," in message.body
    assert "Emma Becker lädt Sie ein" in message.body
    assert re.search(r"http://testserver/de/invitations/[\w-]{40,}/", message.body)
    with translation.override("de"):  # the date is written the invitee's way
        assert date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT") in (
            message.body
        )


def test_the_e_mail_link_opens_the_greeting_and_its_button_signs_in_with_a_csrf_check():
    """The button of the greeting posts to the link itself; a browser sends the page's origin,
    which the CSRF check compares (the page must not hide it behind `no-referrer`)."""
    _, link = invitation_link(language="it")
    browser = Client(enforce_csrf_checks=True)
    greeting = browser.get(link)
    assert greeting["Referrer-Policy"] == "same-origin"
    html = greeting.content.decode()
    assert "Sign in and see my consultations" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = browser.post(
        link,
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER=f"http://testserver{link}",
    )
    assert response.status_code == 302
    assert response.url == "/it/consultations/"
    page = browser.get(response.url)
    assert page.context["user"].email == "jana.novak@example.org"
    assert "Le mie consultazioni" in page.content.decode()


def test_only_a_hash_of_the_token_is_stored():
    invitation, link = invitation_link()
    token = link.split("/")[3]
    assert invitation.token_hash == hash_token(token)
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(value) for value in stored.values()}


def test_the_link_expires_after_the_configured_days(settings):
    settings.ECCIPA_INVITATIONS = {**settings.ECCIPA_INVITATIONS, "VALID_DAYS": 3}
    invitation, _ = invitation_link()
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_following_the_link_signs_in_a_new_stakeholder(client):
    invitation, link = invitation_link()

    greeting = client.get(link)
    assert greeting.status_code == 200
    assert "Welcome, Jana Novak" in greeting.content.decode()
    # The token stays on this site; not "no-referrer", which makes Chromium post `Origin: null`.
    assert greeting["Referrer-Policy"] == "same-origin"
    assert not greeting.wsgi_request.user.is_authenticated  # opening the link spends nothing

    response = client.post(link)
    assert response.status_code == 302
    # In the invitee's language, whichever language the link was opened in.
    assert response.url == "/de/consultations/"
    user = User.objects.get(email="jana.novak@example.org")
    assert not user.has_usable_password()
    assert user.get_full_name() == "Jana Novak"
    assert user.groups.filter(name=ROLE_GROUPS["stakeholder"]).exists()
    profile = user.profile
    assert (profile.territory.slug, profile.organisation, profile.organisation_type) == (
        "rheinfeld",
        "Caritas Rheinfeld",
        "ngo",
    )
    assert profile.language == "de"
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert invitation.user == user
    page = client.get("/en/consultations/")
    assert page.context["user"] == user
    assert "Jana Novak" in page.content.decode()


def test_the_link_works_only_once():
    _, link = invitation_link()
    assert Client().post(link).status_code == 302

    again = Client()
    for response in (again.get(link), again.post(link)):
        assert response.status_code == 410
        assert "This invitation link has already been used." in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated
    assert User.objects.filter(email__iexact="jana.novak@example.org").count() == 1


def test_following_a_used_link_again_while_signed_in_leads_to_my_consultations():
    _, link = invitation_link()
    invitee = Client()
    invitee.post(link)
    for response in (invitee.get(link), invitee.post(link)):
        assert response.status_code == 302
        assert response.url == "/de/consultations/"


def test_an_expired_link_signs_nobody_in(client):
    invitation, link = invitation_link()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "This invitation link expired on" in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="jana.novak@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_a_wrong_token_signs_nobody_in(client):
    _, link = invitation_link()
    wrong = link[:-6] + ("AAAAA/" if not link.endswith("AAAAA/") else "BBBBB/")

    for response in (client.get(wrong), client.post(wrong), client.post("/en/invitations/x/")):
        assert response.status_code == 404
        assert "This invitation link is not valid." in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="jana.novak@example.org").exists()


def refused_to_sign_in(client, link, invitation):
    """The link was refused with the page that sends them to the sign-in form; nothing changed."""
    response = client.post(link)
    assert response.status_code == 403
    page = response.content.decode()
    assert "an invitation link cannot sign into it" in page
    assert "Please sign in with your e-mail address and password instead" in page
    assert not response.wsgi_request.user.is_authenticated
    assert not client.get("/en/consultations/").wsgi_request.user.is_authenticated
    invitation.refresh_from_db()
    assert (invitation.used_at, invitation.user, invitation.created_user) == (None, None, None)
    return response


def test_the_link_records_the_account_it_created(client):
    invitation, link = invitation_link()
    client.post(link)
    invitation.refresh_from_db()
    assert invitation.created_user == User.objects.get(email="jana.novak@example.org")


def test_the_link_does_not_sign_in_an_account_that_took_the_address_in_any_case(client):
    invitation, link = invitation_link(email="jana.novak@example.org")
    existing = UserFactory(username="jana", email="Jana.Novak@Example.ORG")
    existing.set_password("her-own-password")
    existing.save()

    refused_to_sign_in(client, link, invitation)
    assert not Profile.objects.filter(user=existing).exists()
    assert User.objects.filter(email__iexact="jana.novak@example.org").count() == 1


def test_the_link_does_not_sign_in_a_moderator_who_took_the_address(client):
    """The attack: the invited address later belongs to a moderator; the link must not open
    the moderator's account without a password."""
    invitation, link = invitation_link(email="jana.novak@example.org")
    moderator = User.objects.get(username="moderator")
    moderator.email = "jana.novak@example.org"
    moderator.save()

    refused_to_sign_in(client, link, invitation)
    assert not client.get("/admin/").wsgi_request.user.is_authenticated


@pytest.mark.parametrize(
    "make_privileged",
    [
        pytest.param(lambda user: user.set_password("chosen-later"), id="usable password"),
        pytest.param(lambda user: setattr(user, "is_staff", True), id="staff"),
        pytest.param(lambda user: setattr(user, "is_superuser", True), id="superuser"),
        pytest.param(
            lambda user: user.groups.add(Group.objects.get(name=ROLE_GROUPS["editor"])),
            id="editor role",
        ),
    ],
)
def test_the_link_does_not_sign_in_its_own_account_once_it_is_more_than_a_new_stakeholder(
    make_privileged,
):
    """Even the account this invitation created, once it has a password or more rights than a
    stakeholder's (a used link put back by hand, a copy of the database restored)."""
    invitation, link = invitation_link()
    Client().post(link)
    account = User.objects.get(email="jana.novak@example.org")
    make_privileged(account)
    account.save()
    Invitation.objects.filter(pk=invitation.pk).update(used_at=None, user=None)

    client = Client()
    response = client.post(link)

    assert response.status_code == 403
    assert "Please sign in with your e-mail address and password instead" in (
        response.content.decode()
    )
    assert not response.wsgi_request.user.is_authenticated
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_the_link_signs_in_again_only_the_password_less_stakeholder_it_created():
    invitation, link = invitation_link()
    Client().post(link)
    Invitation.objects.filter(pk=invitation.pk).update(used_at=None, user=None)

    response = Client().post(link)

    assert response.status_code == 302
    assert response.url == "/de/consultations/"


def test_the_link_does_not_sign_in_a_deactivated_account(client):
    invitation, link = invitation_link()
    UserFactory(username="jana", email="jana.novak@example.org", is_active=False)

    response = client.post(link)

    assert response.status_code == 410
    assert "deactivated" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_the_link_refuses_a_forged_post():
    _, link = invitation_link()
    assert Client(enforce_csrf_checks=True).post(link).status_code == 403
    assert Client().post(link).status_code == 302  # still unspent


# Inviting one person


def test_an_editor_invites_one_person_of_their_territory():
    editor = client_for("editor-de")
    assert editor.get("/admin/invitations/new/").status_code == 200

    response = invite_one(editor)

    assert response.status_code == 302
    assert response.url == "/admin/invitations/"
    invitation = Invitation.objects.get(email="jana.novak@example.org")
    assert invitation.invited_by.username == "editor-de"
    assert invitation.territory.slug == "rheinfeld"
    listing = editor.get("/admin/invitations/").content.decode()
    assert "jana.novak@example.org" in listing
    assert "open until" in listing


def test_the_invitation_language_defaults_to_the_territorys():
    invite_one(
        client_for("moderator"), language="", territory=Territory.objects.get(slug="valdoria").pk
    )
    assert Invitation.objects.get().language == "it"


def test_inviting_someone_who_has_an_account_is_refused():
    response = invite_one(client_for("editor-de"), email="Stakeholder-NGO@example.org")
    assert response.status_code == 200
    assert "Already registered: an account uses this e-mail address." in (response.content.decode())
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_nobody_is_invited_twice_while_an_invitation_is_open():
    editor = client_for("editor-de")
    invite_one(editor)
    response = invite_one(editor, email="JANA.NOVAK@example.org")
    assert response.status_code == 200
    assert "Already invited on" in response.content.decode()
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_expired_invitation_is_replaced_by_a_new_one():
    first, old_link = invitation_link()
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now() - timedelta(days=1))

    response = invite_one(client_for("editor-de"))

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.superseded_at is not None
    assert "A newer invitation replaced this one" in Client().get(old_link).content.decode()
    assert Invitation.objects.open().get().pk != first.pk


def test_the_database_refuses_a_second_pending_invitation_to_the_same_address():
    first, _ = invitation_link()
    duplicate = Invitation(
        email="JANA.NOVAK@EXAMPLE.ORG", name="Jana", territory=first.territory, language="de"
    )
    duplicate.new_token()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_an_editor_cannot_invite_for_another_territory():
    response = invite_one(
        client_for("editor-de"), territory=Territory.objects.get(slug="valdoria").pk
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Invitation.objects.exists()


# Inviting from a CSV file

MIXED_CSV = (
    HEADER
    + "Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"  # 2 good
    + "Omar Farouk,omar@example.org,Verein Brücke,Migrant association,Rheinfeld,Deutsch\n"  # 3
    + "Bad Mail,not-an-address,Some NGO,ngo,rheinfeld,en\n"  # 4
    + "Lost Person,lost@example.org,Some NGO,ngo,atlantis,en\n"  # 5
    + "Odd Type,odd@example.org,Some NGO,church,rheinfeld,en\n"  # 6
    + "Jana Again,Jana.Novak@example.org,Caritas,ngo,rheinfeld,de\n"  # 7 duplicate of 2
    + "Nora Weiss,stakeholder-ngo@example.org,Refugee Law Clinic,ngo,rheinfeld,de\n"  # 8
    + ",nameless@example.org,Some NGO,,rheinfeld,\n"  # 9 missing name and type
    + "\n"  # 10: blank lines are skipped
    + "Rania Haddad,rania@example.org,,role_model,rheinfeld,\n"  # 11 good, no organisation
    + "Ana Lima,ana@example.org,Stadt Rheinfeld, Amt 5,city_department,rheinfeld,de\n"  # 12
    + '"Lee, Kim",kim@example.org,"Stadt Rheinfeld, Amt 5",city_department,rheinfeld,klingon\n'
)


def refused_lines(response):
    html = response.content.decode()
    rows = re.findall(r'<tr class="import-refused">(.*?)</tr>', html, re.S)
    return {
        int(re.search(r"<td>(\d+)</td>", row).group(1)): re.sub(r"\s+", " ", row) for row in rows
    }


def skipped_lines(response):
    html = response.content.decode()
    rows = re.findall(r'<tr class="import-skipped">(.*?)</tr>', html, re.S)
    return {
        int(re.search(r"<td>(\d+)</td>", row).group(1)): re.sub(r"\s+", " ", row) for row in rows
    }


GOOD_CSV = (
    HEADER
    + "Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"
    + "Omar Farouk,omar@example.org,Verein Brücke,Migrant association,Rheinfeld,Deutsch\n"
    + "\n"  # blank lines are skipped
    + "Rania Haddad,rania@example.org,,role_model,rheinfeld,\n"  # no organisation
    + "Nora Weiss,stakeholder-ngo@example.org,Refugee Law Clinic,ngo,rheinfeld,de\n"  # 6
)


def test_a_csv_import_with_bad_lines_invites_nobody_and_reports_each_bad_one():
    response = upload(client_for("editor-de"), MIXED_CSV)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported: 7 lines have problems." in html
    assert "Nobody was invited and no e-mail was sent" in html
    refused = refused_lines(response)
    assert sorted(refused) == [4, 5, 6, 7, 9, 12, 13]
    assert "Invalid e-mail address “not-an-address”." in refused[4]
    assert "Unknown territory “atlantis”." in refused[5]
    assert "Unknown organisation type “church”." in refused[6]
    assert "Duplicate in the file: line 2 has the same e-mail address." in refused[7]
    assert "Missing name, organisation type." in refused[9]
    assert "put values that contain a comma or semicolon in double quotes" in refused[12]
    assert "Unknown language “klingon”." in refused[13]
    assert "Already registered: an account uses this e-mail address." in skipped_lines(response)[8]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_good_csv_invites_everyone_in_it_and_skips_who_has_an_account():
    response = upload(client_for("editor-de"), GOOD_CSV)

    html = response.content.decode()
    assert "3 people invited." in html
    assert "1 line skipped:" in html
    assert "Already registered: an account uses this e-mail address." in skipped_lines(response)[6]
    invitations = {i.email: i for i in Invitation.objects.select_related("territory")}
    assert set(invitations) == {"jana.novak@example.org", "omar@example.org", "rania@example.org"}
    omar = invitations["omar@example.org"]
    assert (omar.organisation_type, omar.language, omar.territory.slug) == (
        "migrant_association",
        "de",
        "rheinfeld",
    )
    assert invitations["rania@example.org"].language == "de"  # Rheinfeld's language
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        invitations
    )


def test_importing_the_same_file_again_invites_nobody_twice():
    editor = client_for("editor-de")
    upload(editor, GOOD_CSV)
    sent = len(mail.outbox)

    response = upload(editor, GOOD_CSV)

    assert "0 people invited." in response.content.decode()
    skipped = skipped_lines(response)
    for line in (2, 3, 5):
        assert "Already invited on" in skipped[line]
    assert Invitation.objects.count() == 3
    assert len(mail.outbox) == sent


def test_a_nul_byte_for_the_second_person_invites_nobody_and_names_its_line():
    text = (
        HEADER
        + "Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"
        + "Omar\x00Farouk,omar@example.org,Verein Brücke,ngo,rheinfeld,de\n"
        + "Rania Haddad,rania@example.org,,role_model,rheinfeld,\n"
    )
    response = upload(client_for("editor-de"), text)

    assert response.status_code == 200
    assert "Nothing was imported: 1 line has a problem." in response.content.decode()
    refused = refused_lines(response)
    assert list(refused) == [3]
    assert "Invisible control characters (such as NUL or a line break) in the name" in refused[3]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "cell", ["Caritas\x0bRheinfeld", '"Caritas\nRheinfeld"', "Caritas\x1bRheinfeld"]
)
def test_control_characters_or_line_breaks_in_a_cell_invite_nobody(cell):
    text = HEADER + f"Jana Novak,jana.novak@example.org,{cell},ngo,rheinfeld,de\n"
    response = upload(client_for("editor-de"), text)
    assert "in the organisation" in refused_lines(response)[2]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_editor_of_another_territory_is_refused_line_by_line():
    text = (
        HEADER
        + "Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"
        + "Marco Rossi,marco@example.org,Cooperativa Ponti,ngo,valdoria,it\n"
    )
    response = upload(client_for("editor-it"), text)

    refused = refused_lines(response)
    assert list(refused) == [2]
    assert "You may only invite stakeholders of Valdoria." in refused[2]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_moderators_invite_for_every_territory():
    text = (
        HEADER
        + "Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"
        + "Marco Rossi,marco@example.org,Cooperativa Ponti,ngo,Valdoria,it\n"
        + "Lucía Gómez,lucia@example.org,Cruz Roja,NGO,puerto-alba,es\n"
    )
    response = upload(client_for("moderator"), text)
    assert "3 people invited." in response.content.decode()


def test_a_spreadsheet_export_with_bom_and_semicolons_is_read():
    text = (
        "\ufeffName;E-mail;Organisation;Organisation type;Territory;Language\r\n"
        "Jürgen Groß;juergen@example.org;Stadt Rheinfeld, Sozialamt;city_department;"
        "Rheinfeld;de\r\n"
    )
    response = upload(client_for("editor-de"), text)
    assert "1 person invited." in response.content.decode()
    invitation = Invitation.objects.get()
    assert (invitation.name, invitation.organisation) == (
        "Jürgen Groß",
        "Stadt Rheinfeld, Sozialamt",
    )


@pytest.mark.parametrize(
    "content, message",
    [
        ("Name,E-mail\nJana,jana@example.org\n", "The header line lacks the column(s)"),
        ("", "The submitted file is empty."),
        (HEADER, "The file has a header line but nobody to invite."),
        (
            (HEADER + "Jürgen,j@example.org,Amt,ngo,rheinfeld,de\n").encode("latin-1"),
            "The file is not UTF-8 text.",
        ),
        (HEADER + "x" * (1024 * 1024), "The file is larger than 1024 KB"),
    ],
    ids=["missing columns", "empty", "header only", "not UTF-8", "too large"],
)
def test_a_file_that_cannot_be_read_imports_nobody(content, message):
    response = upload(client_for("editor-de"), content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Invitation.objects.exists()


def test_html_in_a_csv_is_shown_as_text():
    text = HEADER + "Eve,<script>alert(1)</script>,Org,ngo,rheinfeld,de\n"
    html = upload(client_for("editor-de"), text).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Invalid e-mail address “&lt;script&gt;alert(1)&lt;/script&gt;”." in html


# Who may invite


@pytest.mark.parametrize(
    "path", ["/admin/invitations/", "/admin/invitations/new/", "/admin/invitations/import/"]
)
def test_stakeholders_cannot_reach_the_invitation_views(path):
    stakeholder = client_for("stakeholder-ngo")
    response = stakeholder.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert invite_one(stakeholder).status_code == 302
    assert upload(stakeholder, MIXED_CSV).status_code == 302
    assert not Invitation.objects.exists()


def test_partner_leads_in_the_admin_may_not_invite():
    lead = client_for("lead-de")
    for response in (lead.get("/admin/invitations/"), invite_one(lead), upload(lead, MIXED_CSV)):
        assert response.status_code == 302
        assert response.url == "/admin/"  # Wagtail's "you do not have permission" redirect
    assert not Invitation.objects.exists()


def test_the_invitation_forms_refuse_forged_posts():
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(User.objects.get(username="editor-de"))
    assert invite_one(forged).status_code == 403
    assert upload(forged, MIXED_CSV).status_code == 403
    assert not Invitation.objects.exists()


def test_editors_find_invitations_in_the_network_menu():
    html = client_for("editor-de").get("/admin/").content.decode()
    assert "/admin/invitations/" in html
    assert "Invite stakeholders" in html
    assert "/admin/invitations/" not in client_for("lead-de").get("/admin/").content.decode()


def test_editors_list_only_the_invitations_of_their_territory():
    invitation_link(email="jana.novak@example.org", territory="rheinfeld")
    invitation_link(email="marco@example.org", territory="valdoria", language="it")
    listing = client_for("editor-de").get("/admin/invitations/").content.decode()
    assert "jana.novak@example.org" in listing
    assert "marco@example.org" not in listing


def test_the_list_of_invitations_is_paginated():
    rheinfeld = Territory.objects.get(slug="rheinfeld")
    invitations = [
        Invitation(email=f"person{n}@example.org", name=f"Person {n}", territory=rheinfeld)
        for n in range(55)
    ]
    for invitation in invitations:
        invitation.new_token()
    Invitation.objects.bulk_create(invitations)
    editor = client_for("editor-de")
    assert "Page 1 of 2" in editor.get("/admin/invitations/").content.decode()
    assert editor.get("/admin/invitations/?p=2").content.decode().count("@example.org</td>") == 5
