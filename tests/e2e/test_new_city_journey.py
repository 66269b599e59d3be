"""A fourth city joins, in Chromium against a live server with the demo content.

The administrator adds Nordhavn in the admin (*Add a territory*), which invites its first editor
and its partner lead by e-mail. The lead opens the invitation link, is signed in to the admin,
and from then on the Manifesto sign-off needs them too: when lead-es signs the waiting revision
it is not published (the message names the new lead as missing); once the new lead signs from
*Awaiting your review*, the Manifesto goes live with its new title.

Each step asserts what the person sees and saves screenshots (1280 and 390 px, checked by axe)
in tests/e2e/artifacts/."""

import email
import email.policy
import os
import re

import pytest

from .support import ARTIFACTS, Person

MANIFESTO_TITLE = "The ECCIPA Manifesto (2023 edition)"
LEAD_EMAIL = "lars.nord@nordhavn.example.org"


@pytest.fixture(scope="module")
def mailbox(tmp_path_factory):
    """The live server writes its e-mails here (cms/settings/test.py reads EMAIL_FILE_PATH)."""
    folder = tmp_path_factory.mktemp("mailbox")
    os.environ["EMAIL_FILE_PATH"] = str(folder)
    yield folder
    os.environ.pop("EMAIL_FILE_PATH", None)


@pytest.fixture(scope="module")
def site(mailbox, site):
    return site


def messages_in(mailbox):
    """Every e-mail the live server wrote. Django's file backend appends to one file when two
    sends fall in the same second on a reused connection object, so split each file on the line
    of dashes it writes after every message."""
    for file in sorted(mailbox.iterdir()):
        raw = file.read_bytes()
        for chunk in raw.split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                yield email.message_from_bytes(chunk, policy=email.policy.default)


def invitation_link_to(mailbox, address):
    """The link in the invitation e-mail sent to `address`, as a path on the live server."""
    sent_to = [message for message in messages_in(mailbox) if message["To"] == address]
    assert len(sent_to) == 1, f"{len(sent_to)} e-mails to {address} in {sorted(mailbox.iterdir())}"
    text = sent_to[0].get_body(preferencelist=("plain",)).get_content()
    return re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+/invitations/\S+/", text)[0])


def footer_actions(person):
    return person.page.locator("footer .w-dropdown-button")


def test_a_fourth_city_joins_and_its_lead_must_sign_the_manifesto(site, browser, mailbox):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = []

    # 1. The administrator adds Nordhavn in the admin.
    admin = Person(browser, site, "admin", shots)
    admin.sign_in("/admin/login/")
    admin.page.goto("/admin/")
    admin.page.get_by_role("button", name="ECCIPA network").click()
    with admin.page.expect_navigation():
        admin.page.get_by_role("link", name="Add a territory").click()
    expect(admin.page.locator("h1")).to_contain_text("Add a territory")
    admin.page.get_by_label("Name of the territory").fill("Nordhavn")
    admin.page.get_by_label("Country").select_option("EU")
    admin.page.get_by_label("Language").select_option("en")
    admin.page.get_by_label("Name of its first editor").fill("Edda Nord")
    admin.page.get_by_label("E-mail address of its first editor").fill(
        "edda.nord@nordhavn.example.org"
    )
    admin.page.get_by_label("Name of its partner lead").fill("Lars Nord")
    admin.page.get_by_label("E-mail address of its partner lead").fill(LEAD_EMAIL)
    admin.screens("admin-add-territory")
    with admin.page.expect_navigation():
        admin.page.get_by_role("button", name="Add the territory").click()
    status = admin.page.get_by_role("status").filter(has_text="Nordhavn has joined the network")
    expect(status).to_be_visible()
    expect(status).to_contain_text("Invited Lars Nord <lars.nord@nordhavn.example.org>")
    expect(status).to_contain_text("Created the draft “Local strategy: Nordhavn”")
    admin.screens("admin-territory-added")
    admin.close()

    # 2. The partner lead accepts the invitation and lands in the admin.
    lead = Person(browser, site, LEAD_EMAIL, shots)
    link = invitation_link_to(mailbox, LEAD_EMAIL)
    lead.page.goto(link)
    expect(lead.page.locator("h1")).to_contain_text("Lars Nord")
    expect(lead.page.locator("main")).to_contain_text("as the partner lead of Nordhavn")
    lead.screens("new-lead-invitation")
    with lead.page.expect_navigation():
        lead.page.get_by_role("button", name="Sign in to the administration area").click()
    lead.page.wait_for_load_state()
    assert re.search(r"/admin/$", lead.page.url), lead.page.url
    expect(lead.page.get_by_role("heading", name="Awaiting your review")).to_be_visible()
    lead.screens("new-lead-dashboard")

    # 3. lead-es signs the waiting Manifesto revision: it stays unpublished, Lars is missing.
    lead_es = Person(browser, site, "lead-es", shots)
    lead_es.sign_in("/admin/login/")
    lead_es.page.goto(f"/admin/pages/{site['manifesto']}/edit/")
    expect(lead_es.page.locator(".sign-off-status")).to_contain_text("2 of 4 partner leads signed")
    primary = footer_actions(lead_es).locator("> button").first
    expect(primary).to_have_text("Sign off")
    with lead_es.page.expect_navigation():
        primary.click()
    lead_es.page.wait_for_load_state()
    expect(lead_es.page.locator(".messages")).to_contain_text(
        "Signed. Still missing: Lars Nord (Nordhavn)."
    )
    lead_es.screens("lead-es-signed-new-lead-missing")
    lead_es.page.goto(site["manifesto_url"])
    expect(lead_es.page.locator("h1")).not_to_have_text(MANIFESTO_TITLE)
    lead_es.close()

    # 4. The new lead signs from *Awaiting your review*: now the Manifesto goes live.
    lead.page.goto("/admin/")
    awaiting = lead.page.locator(
        "section", has=lead.page.get_by_role("heading", name="Awaiting your review")
    )
    with lead.page.expect_navigation():
        awaiting.get_by_role("link", name=MANIFESTO_TITLE, exact=True).click()
    lead.page.wait_for_load_state()
    expect(lead.page.locator(".sign-off-status")).to_contain_text("3 of 4 partner leads signed")
    primary = footer_actions(lead).locator("> button").first
    expect(primary).to_have_text("Sign off")
    lead.screens("new-lead-manifesto-editor")
    with lead.page.expect_navigation():
        primary.click()
    lead.page.wait_for_load_state()
    expect(lead.page.locator(".messages")).to_contain_text(
        f"Signed. Every partner lead has signed: “{MANIFESTO_TITLE}” is now live."
    )
    lead.screens("new-lead-signed-now-live")

    lead.page.goto(site["manifesto_url"])
    expect(lead.page.locator("h1")).to_have_text(MANIFESTO_TITLE)
    lead.close()
