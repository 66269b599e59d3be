"""The e-mailed invitation link signs the invitee in once, until it expires."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone

from co_design.invitations import Invitee, invite
from co_design.models import Invitation, Territory
from co_design.models.invitations import hash_token
from co_design.roles import ROLE_GROUPS

from .factories import UserFactory

pytestmark = pytest.mark.django_db

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
    return re.search(r"http://testserver(/invitations/[\w-]+/)", message.body).group(1)


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


def test_only_a_hash_of_the_token_is_stored():
    invitation, link = invitation_link()
    token = link.split("/")[2]
    assert invitation.token_hash == hash_token(token)
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(value) for value in stored.values()}


def test_the_link_expires_after_the_configured_days(settings):
    settings.STAKEHOLDER_INVITATION_DAYS = 3
    invitation, _ = invitation_link()
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_following_the_link_signs_in_a_new_stakeholder(client):
    invitation, link = invitation_link()

    greeting = client.get(link)
    assert greeting.status_code == 200
    assert "Welcome, Jana Novak" in greeting.content.decode()
    assert greeting["Referrer-Policy"] == "no-referrer"
    assert not greeting.wsgi_request.user.is_authenticated  # opening the link spends nothing

    response = client.post(link)
    assert response.status_code == 302
    assert response.url == "/consultations/"
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
    page = client.get("/consultations/")
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

    for response in (client.get(wrong), client.post(wrong), client.post("/invitations/x/")):
        assert response.status_code == 404
        assert "This invitation link is not valid." in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="jana.novak@example.org").exists()


def test_the_link_signs_in_an_existing_account_with_that_address_in_any_case(client):
    _, link = invitation_link(email="jana.novak@example.org")
    existing = UserFactory(username="jana", email="Jana.Novak@Example.ORG")

    response = client.post(link)

    assert response.status_code == 302
    assert client.get("/consultations/").context["user"] == existing
    assert User.objects.filter(email__iexact="jana.novak@example.org").count() == 1
    assert existing.profile.territory.slug == "rheinfeld"


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
