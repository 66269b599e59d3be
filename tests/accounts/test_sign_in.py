"""Stakeholders sign in and out on the public site; the Wagtail admin keeps its own sign-in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from ..support.factories import UserFactory
from ..support.network import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people")]


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post("/en/accounts/login/", {"username": username, "password": password, **extra})


def test_sign_in_page_labels_its_fields(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert '<label for="id_username">E-mail address or username:</label>' in html
    assert '<label for="id_password">Password:</label>' in html
    assert 'action="/en/accounts/login/"' in html


def test_stakeholder_signs_in_and_lands_on_my_consultations(client):
    response = sign_in(client, "stakeholder-association")
    assert response.status_code == 302
    assert response.url == "/it/consultations/"  # in the language of their profile
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Le mie consultazioni" in page.content.decode()


def test_after_signing_in_the_site_speaks_the_persons_language(client):
    user = get_user_model().objects.get(username="stakeholder-ngo")
    user.profile.language = "es"
    user.profile.save()
    response = sign_in(client, "stakeholder-ngo", next="/en/search/")
    assert response.status_code == 302
    assert response.url == "/es/search/"
    response = sign_in(Client(), "stakeholder-ngo")
    assert response.url == "/es/consultations/"


def test_stakeholder_signs_in_with_the_e_mail_address_in_any_case(client):
    response = sign_in(client, "Stakeholder-NGO@Example.org")
    assert response.status_code == 302
    assert client.get("/en/consultations/").context["user"].username == "stakeholder-ngo"


def test_sign_in_goes_back_to_the_page_that_asked_for_it(client):
    response = sign_in(client, "stakeholder-ngo", next="/en/search/")
    assert response.url == "/de/search/"  # in the language of their profile


def test_sign_in_never_redirects_to_another_site(client):
    response = sign_in(client, "stakeholder-ngo", next="https://evil.example.com/")
    assert response.url == "/de/consultations/"


def test_a_wrong_password_is_reported_and_linked_to_the_fields(client):
    response = sign_in(client, "stakeholder-ngo", password="not-the-password")
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert 'id="form-errors" role="alert"' in html
    assert "do not match an account" in html
    assert re.search(r'<input[^>]*aria-describedby="form-errors"[^>]*id="id_username"', html)
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_password"', html)


def test_an_empty_form_links_each_error_to_its_field(client):
    html = client.post("/en/accounts/login/", {"username": "", "password": ""}).content.decode()
    assert 'id="id_username_error"' in html
    assert re.search(r'aria-describedby="id_username_error"[^>]*id="id_username"', html)


def test_a_deactivated_account_cannot_sign_in(client):
    user = get_user_model().objects.get(username="stakeholder-city")
    user.is_active = False
    user.save()
    response = sign_in(client, "stakeholder-city@example.org")
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_the_header_offers_sign_in_to_visitors(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/accounts/login/"' in html
    assert "Sign out" not in html


def test_the_header_shows_the_signed_in_person_and_a_sign_out_form(client):
    sign_in(client, "stakeholder-ngo")
    html = client.get("/en/").content.decode()
    assert "Nora Weiss" in html
    assert 'href="/en/consultations/">My consultations</a>' in html
    assert re.search(r'<form method="post" action="/en/accounts/logout/"', html)
    assert 'href="/en/accounts/login/"' not in html


def test_sign_out_needs_a_post(client):
    sign_in(client, "stakeholder-ngo")
    assert client.get("/en/accounts/logout/").status_code == 405
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 200
    assert "You are signed out" in response.content.decode()
    assert client.get("/en/consultations/").status_code == 302


def test_sign_in_and_sign_out_refuse_forged_requests():
    csrf_client = Client(enforce_csrf_checks=True)
    assert sign_in(csrf_client, "stakeholder-ngo").status_code == 403
    csrf_client.force_login(get_user_model().objects.get(username="stakeholder-ngo"))
    assert csrf_client.post("/en/accounts/logout/").status_code == 403


def test_sign_in_works_with_the_form_token():
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get("/en/accounts/login/")
    token = csrf_client.cookies["csrftoken"].value
    response = sign_in(csrf_client, "stakeholder-ngo", csrfmiddlewaretoken=token)
    assert response.status_code == 302


def test_the_wagtail_admin_keeps_its_own_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_signing_in_to_the_admin_still_leads_to_the_admin(client):
    response = client.post("/admin/login/", {"username": "editor-de", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_a_stakeholder_signed_in_on_the_site_cannot_enter_the_admin(client):
    sign_in(client, "stakeholder-ngo")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_my_consultations_sends_visitors_to_sign_in(client):
    response = client.get("/en/consultations/")
    assert response.status_code == 302
    assert response.url == "/en/accounts/login/?next=/en/consultations/"


def test_a_person_without_a_password_sets_one_through_the_reset_link(client):
    invitee = UserFactory(username="invitee@example.org", email="Invitee@Example.org")
    invitee.set_unusable_password()
    invitee.save()

    response = client.post("/en/accounts/password-reset/", {"email": "invitee@example.org"})
    assert response.status_code == 302
    assert response.url == "/en/accounts/password-reset/sent/"
    [message] = mail.outbox
    assert message.to == ["Invitee@Example.org"]
    assert message.subject == "Choose your ECCIPA password"
    link = re.search(r"http://testserver(/en/accounts/password-reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    new_password = "a-long-new-passphrase-42"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.url == "/en/accounts/password-reset/done/"
    assert sign_in(Client(), "invitee@example.org", password=new_password).status_code == 302


def test_password_reset_does_not_reveal_whether_an_address_is_known(client):
    response = client.post("/en/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.url == "/en/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_an_invited_lead_without_a_password_sets_one_through_the_admin_reset(client):
    lead = UserFactory(username="new-lead", email="new.lead@example.org")
    lead.set_unusable_password()
    lead.save()

    response = client.post("/admin/password_reset/", {"email": "new.lead@example.org"})
    assert response.status_code == 302
    assert response.url == "/admin/password_reset/done/"
    [message] = mail.outbox
    assert message.to == ["new.lead@example.org"]
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    new_password = "a-long-new-passphrase-43"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    lead.refresh_from_db()
    assert lead.check_password(new_password)
