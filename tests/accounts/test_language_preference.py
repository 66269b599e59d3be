"""People choose their language: the site switches, and our e-mails to them follow."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from co_design.models import Profile
from co_design.notifications.emails import send_to

from ..support.factories import TerritoryFactory, person
from ..support.review_helpers import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def stakeholder():
    """Nora, a stakeholder whose profile says German."""
    nora = person("stakeholder", TerritoryFactory(), first_name="Nora", username="nora")
    Profile.objects.filter(user=nora).update(language="de")
    return nora


def test_a_stakeholder_chooses_a_language_and_gets_the_site_and_emails_in_it(stakeholder):
    client = client_for("nora")
    page = client.get("/en/consultations/").content.decode()
    assert 'name="language"' in page and "Deutsch" in page

    response = client.post(
        "/en/accounts/language/", {"language": "it", "next": "/en/consultations/"}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/it/consultations/"
    assert '<html lang="it">' in response.content.decode()
    user = get_user_model().objects.get(username="nora")
    assert Profile.objects.get(user=user).language == "it"
    user = get_user_model().objects.select_related("profile").get(pk=user.pk)
    send_to([user], "emails/comment_hidden.txt", {"page": None, "comment": None})
    assert mail.outbox[-1].to == ["nora@example.org"]
    assert mail.outbox[-1].body.startswith("Gentile Nora,")


def test_an_unknown_language_is_refused_and_nothing_changes(stakeholder):
    client = client_for("nora")
    response = client.post(
        "/en/accounts/language/", {"language": "xx", "next": "/en/consultations/"}, follow=True
    )
    assert "Please choose one of the languages offered." in response.content.decode()
    assert Profile.objects.get(user__username="nora").language == "de"


def test_choosing_a_language_needs_a_post_and_a_sign_in(client):
    assert client.get("/en/accounts/language/").status_code == 405
    response = client.post("/en/accounts/language/", {"language": "de"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
