"""Guessing passwords and flooding mailboxes with reset e-mails are throttled, on the site's
sign-in and the admin's, and counted in the shared cache (every app process sees the count)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from ..support.network import PASSWORD, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people")]


SITE_LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
LOCKED = "Too many failed attempts to sign in with this name from your network."


def attempt(client, path, username, password, **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def signed_in(client):
    return client.get("/en/consultations/").wsgi_request.user.is_authenticated


def test_fifty_wrong_passwords_then_the_right_one_does_not_sign_in(client, settings):
    for number in range(50):
        attempt(client, SITE_LOGIN, "stakeholder-ngo", f"guess-{number}")

    response = attempt(client, SITE_LOGIN, "stakeholder-ngo", PASSWORD)

    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.ECCIPA_SIGN_IN["COOLOFF_MINUTES"] * 60
    page = response.content.decode()
    assert LOCKED in page
    assert f"please try again in {settings.ECCIPA_SIGN_IN['COOLOFF_MINUTES']} minutes" in page
    assert not response.wsgi_request.user.is_authenticated
    assert not signed_in(client)


def test_sign_in_is_refused_from_the_limit_on(client, settings):
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"] - 1):
        response = attempt(client, SITE_LOGIN, "stakeholder-ngo", f"guess-{number}")
        assert response.status_code == 200
        assert "do not match an account" in response.content.decode()

    response = attempt(client, SITE_LOGIN, "stakeholder-ngo", "the-last-guess")

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_other_spellings_of_the_same_account_share_the_count(client, settings):
    spellings = ["stakeholder-ngo@example.org", "Stakeholder-NGO@example.org", "stakeholder-ngo"]
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"]):
        attempt(client, SITE_LOGIN, spellings[number % 3], f"guess-{number}")

    for spelling in ["STAKEHOLDER-NGO@EXAMPLE.ORG", "stakeholder-ngo"]:
        response = attempt(client, SITE_LOGIN, spelling, PASSWORD)
        assert response.status_code == 429
        assert not signed_in(client)


def test_the_lockout_holds_one_name_from_one_network_only(client, settings):
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"]):
        attempt(client, SITE_LOGIN, "stakeholder-ngo", f"guess-{number}", REMOTE_ADDR="203.0.113.9")

    elsewhere = Client()
    response = attempt(elsewhere, SITE_LOGIN, "stakeholder-ngo", PASSWORD)
    assert response.status_code == 302
    assert signed_in(elsewhere)
    colleague = attempt(
        Client(), SITE_LOGIN, "stakeholder-city", PASSWORD, REMOTE_ADDR="203.0.113.9"
    )
    assert colleague.status_code == 302


def test_the_lockout_message_is_translated(client, settings):
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"]):
        attempt(client, "/de/accounts/login/", "stakeholder-ngo", f"guess-{number}")

    response = attempt(client, "/de/accounts/login/", "stakeholder-ngo", PASSWORD)

    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()


def test_the_admin_sign_in_is_throttled_too(client, settings):
    for number in range(50):
        attempt(client, ADMIN_LOGIN, "editor-de", f"guess-{number}")

    response = attempt(client, ADMIN_LOGIN, "editor-de", PASSWORD)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still sent to the sign-in page


def test_failures_on_the_site_count_for_the_admin_sign_in(client, settings):
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"]):
        attempt(client, SITE_LOGIN, "editor-de", f"guess-{number}")

    response = attempt(client, ADMIN_LOGIN, "editor-de", PASSWORD)

    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, settings):
    settings.ECCIPA_SIGN_IN = {**settings.ECCIPA_SIGN_IN, "TRUSTED_PROXY_COUNT": 1}
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"]):
        attempt(
            client,
            SITE_LOGIN,
            "stakeholder-ngo",
            f"guess-{number}",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )

    # Another visitor behind the same proxy is not locked out.
    other = attempt(
        Client(),
        SITE_LOGIN,
        "stakeholder-ngo",
        PASSWORD,
        HTTP_X_FORWARDED_FOR="192.0.2.44",
    )
    assert other.status_code == 302
    # A forged header in front of the real one changes nothing for the locked-out visitor.
    again = attempt(
        client,
        SITE_LOGIN,
        "stakeholder-ngo",
        PASSWORD,
        HTTP_X_FORWARDED_FOR="10.9.8.7, 198.51.100.7",
    )
    assert again.status_code == 429


def test_signing_in_with_the_right_password_before_the_limit_clears_the_count(client, settings):
    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"] - 1):
        attempt(client, SITE_LOGIN, "stakeholder-ngo", f"guess-{number}")
    assert attempt(client, SITE_LOGIN, "stakeholder-ngo", PASSWORD).status_code == 302

    for number in range(settings.ECCIPA_SIGN_IN["FAILURE_LIMIT"] - 1):
        response = attempt(Client(), SITE_LOGIN, "stakeholder-ngo", f"again-{number}")
        assert response.status_code == 200


# Password reset


def reset(client, email, path="/en/accounts/password-reset/", **extra):
    return client.post(path, {"email": email}, **extra)


def test_ten_reset_requests_send_at_most_the_limit_of_e_mails(client, settings):
    responses = [reset(client, "stakeholder-ngo@example.org") for _ in range(10)]

    limit = settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_ADDRESS"]
    assert 1 <= len(mail.outbox) <= limit
    assert [r.status_code for r in responses[:1]] == [302]
    refused = responses[-1]
    assert refused.status_code == 429
    assert "Too many password reset e-mails were requested" in refused.content.decode()
    assert int(refused["Retry-After"]) == 3600


def test_reset_requests_for_many_addresses_from_one_network_are_limited(client, settings):
    settings.ECCIPA_SIGN_IN = {**settings.ECCIPA_SIGN_IN, "PASSWORD_RESET_EMAILS_PER_IP": 4}
    for number in range(4):
        member("stakeholder", None, f"neighbour-{number}")
    users = get_user_model().objects.filter(email__endswith="@example.org").order_by("pk")[:8]
    assert len(users) == 8

    responses = [reset(client, user.email) for user in users]

    assert 1 <= len(mail.outbox) <= 4
    assert responses[-1].status_code == 429
    # Another network still gets its e-mail.
    other = reset(Client(), users[7].email, REMOTE_ADDR="203.0.113.20")
    assert other.status_code == 302


def test_unknown_addresses_are_counted_like_known_ones(client, settings):
    """The limit answers the same whether or not an account uses the address."""
    limit = settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_ADDRESS"]
    known = [reset(Client(), "stakeholder-ngo@example.org").status_code for _ in range(limit + 1)]
    unknown = [reset(Client(), "nobody@example.org").status_code for _ in range(limit + 1)]
    assert known == unknown == [302] * limit + [429]


def test_the_admin_password_reset_is_limited_too(client, settings):
    path = "/admin/password_reset/"
    responses = [reset(client, "editor-de@example.org", path=path) for _ in range(10)]

    assert 1 <= len(mail.outbox) <= settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_ADDRESS"]
    assert responses[0].status_code == 302
    assert responses[-1].status_code == 429


def test_the_reset_limit_is_translated(client, settings):
    for _ in range(settings.ECCIPA_SIGN_IN["PASSWORD_RESET_EMAILS_PER_ADDRESS"]):
        reset(client, "nobody@example.org", path="/it/accounts/password-reset/")

    response = reset(client, "nobody@example.org", path="/it/accounts/password-reset/")

    assert response.status_code == 429
    assert "Troppe e-mail" in response.content.decode()
