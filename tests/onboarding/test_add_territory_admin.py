import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from co_design.models import Invitation, Territory

from ..support.network import administrator, network_to_join

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network")]


@pytest.fixture
def network():
    return network_to_join()


@pytest.fixture
def admin_client(client):
    client.force_login(administrator())
    return client


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and says why."""
    return response.status_code == 302 and response.url == "/admin/"


FORM = {
    "name": "Nordhavn",
    "country": "EU",
    "language": "en",
    "editor_name": "Edda Nord",
    "editor_email": "edda@nordhavn.example.org",
    "lead_name": "Lars Nord",
    "lead_email": "lars@nordhavn.example.org",
}


def test_administrator_adds_a_territory_in_the_admin(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/territories/add/", FORM)

    assert response.status_code == 200
    assert "Nordhavn has joined the network" in response.content.decode()
    assert Territory.objects.filter(name="Nordhavn").exists()
    assert Invitation.objects.filter(territory__name="Nordhavn").count() == 2
    assert len(mail.outbox) == 2

    listing = admin_client.get("/admin/invitations/").content.decode()
    assert "Partner lead" in listing and "lars@nordhavn.example.org" in listing

    again = admin_client.post("/admin/territories/add/", FORM)
    assert "Nordhavn was already set up: nothing changed." in again.content.decode()


def test_duplicate_territory_is_refused_with_the_form(admin_client):
    response = admin_client.post("/admin/territories/add/", {**FORM, "name": "Rheinfeld"})

    assert response.status_code == 400
    assert "A territory called “Rheinfeld” already exists" in response.content.decode()
    assert not Invitation.objects.filter(email="edda@nordhavn.example.org").exists()


@pytest.mark.parametrize("username", ["editor-de", "moderator", "lead-it"])
def test_only_administrators_add_territories(client, username):
    client.force_login(get_user_model().objects.get(username=username))

    assert refused(client.get("/admin/territories/add/"))
    assert refused(client.post("/admin/territories/add/", FORM))
    assert not Territory.objects.filter(name="Nordhavn").exists()
