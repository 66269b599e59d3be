"""The partner lead's journey in Chromium, against a live server with the demo content.

A moderator's new edition of the German Manifesto is put to sign-off; lead-de signs it from the page
editor and is told who is still missing. lead-es then opens the English Manifesto from
*Awaiting your review* on the dashboard, finds *Sign off* as the primary button and no *Cancel
workflow*, reads what changed since the live version, signs, is told the Manifesto is now live,
and the public page shows its new title.

Each step asserts what the person sees and saves screenshots (1280 and 390 px, checked by axe)
in tests/e2e/artifacts/."""

import re

from .support import ARTIFACTS, Person

MANIFESTO_TITLE = "The ECCIPA Manifesto (2023 edition)"
GERMAN_TITLE = "Das ECCIPA-Manifest (Ausgabe 2023)"
GERMAN_EDITION = """
from django.contrib.auth import get_user_model
from co_design.models import ManifestoPage
moderator = get_user_model().objects.get(username="moderator")
german = ManifestoPage.objects.get(locale__language_code="de")
draft = german.get_latest_revision_as_object()
draft.title = "%s"
draft.save_revision(user=moderator, log_action=True)
german.get_workflow().start(german, moderator)
"""


def open_from_awaiting_review(person, title):
    """From the dashboard, the page's row in *Awaiting your review*, as the lead does."""
    from playwright.sync_api import expect

    person.page.goto("/admin/")
    awaiting = person.page.locator(
        "section", has=person.page.get_by_role("heading", name="Awaiting your review")
    )
    row = awaiting.get_by_role("link", name=title, exact=True)
    expect(row).to_be_visible()
    person.screens(f"{person.username}-dashboard")
    with person.page.expect_navigation():
        row.click()
    person.page.wait_for_load_state()


def footer_actions(person):
    """The editor's action menu at the foot of the page: the primary button, then the menu."""
    return person.page.locator("footer .w-dropdown-button")


def test_partner_leads_sign_the_manifesto_from_the_editor(site, browser, in_site):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = []

    # 1. The moderator's new edition of the German Manifesto (written in wagtail-localize's
    # translation editor) is submitted to the sign-off.
    in_site(GERMAN_EDITION % GERMAN_TITLE)

    # 2. lead-de signs the German Manifesto: two signatures are still missing.
    lead_de = Person(browser, site, "lead-de", shots)
    lead_de.sign_in("/admin/login/")
    open_from_awaiting_review(lead_de, GERMAN_TITLE)
    primary = footer_actions(lead_de).locator("> button").first
    expect(primary).to_have_text("Sign off")
    expect(lead_de.page.locator(".sign-off-status")).to_contain_text("0 of 3 partner leads signed")
    lead_de.screens("lead-de-german-manifesto")
    with lead_de.page.expect_navigation():
        primary.click()
    lead_de.page.wait_for_load_state()
    expect(lead_de.page.locator(".messages")).to_contain_text(
        "Signed. Still missing: Luis Martín (Puerto Alba), Lucia Bianchi (Valdoria)."
    )
    expect(lead_de.page.locator(".sign-off-status")).to_contain_text("1 of 3 partner leads signed")
    lead_de.screens("lead-de-signed-still-missing")
    lead_de.close()

    # 2b. lead-it asks for changes to the German text instead: the pop-up asks why.
    lead_it = Person(browser, site, "lead-it", shots)
    lead_it.sign_in("/admin/login/")
    open_from_awaiting_review(lead_it, GERMAN_TITLE)
    actions = footer_actions(lead_it)
    actions.locator(".w-dropdown__toggle").click()
    actions.get_by_role("button", name="Request changes").click()
    dialog = lead_it.page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    reason = "Der zweite Abschnitt nennt Valdoria noch nicht."
    dialog.locator("textarea[name=comment]").fill(reason)
    lead_it.screens("lead-it-request-changes")
    with lead_it.page.expect_navigation():
        dialog.get_by_role("button", name=re.compile("Request changes")).click()
    lead_it.page.wait_for_load_state()
    expect(lead_it.page.locator(".messages")).to_contain_text(
        f"Changes requested. “{GERMAN_TITLE}” goes back to Max Moreau, who is e-mailed your comment"
    )
    expect(lead_it.page.locator("img[src*=gravatar]")).to_have_count(0)
    lead_it.screens("lead-it-changes-requested")
    lead_it.close()

    # 3. lead-es, the last lead of the English Manifesto, opens it from the dashboard.
    lead = Person(browser, site, "lead-es", shots)
    lead.sign_in("/admin/login/")
    open_from_awaiting_review(lead, MANIFESTO_TITLE)
    assert lead.page.url.endswith(f"/admin/pages/{site['manifesto']}/edit/")
    actions = footer_actions(lead)
    primary = actions.locator("> button").first
    expect(primary).to_have_text("Sign off")
    actions.locator(".w-dropdown__toggle").click()
    expect(actions.get_by_role("button", name="Request changes")).to_be_visible()
    expect(lead.page.get_by_role("button", name=re.compile("Cancel workflow"))).to_have_count(0)
    expect(lead.page.locator("[name=action-cancel-workflow]")).to_have_count(0)
    panel = lead.page.locator("section[id$=partner_sign_off-section]")
    expect(panel).to_contain_text("Still missing: Luis Martín (Puerto Alba)")
    lead.screens("lead-es-manifesto-editor")

    # What changed since the live version.
    with lead.page.expect_navigation():
        panel.get_by_role("link", name="Compare with the live version").click()
    expect(lead.page.locator(".addition").first).to_contain_text("(2023 edition)")
    lead.screens("lead-es-compare-with-live")
    lead.page.go_back()
    lead.page.wait_for_load_state()

    # Signing: the last signature publishes the Manifesto.
    primary = footer_actions(lead).locator("> button").first
    with lead.page.expect_navigation():
        primary.click()
    lead.page.wait_for_load_state()
    expect(lead.page.locator(".messages")).to_contain_text(
        f"Signed. Every partner lead has signed: “{MANIFESTO_TITLE}” is now live."
    )
    lead.screens("lead-es-signed-now-live")

    lead.page.goto(site["manifesto_url"])
    expect(lead.page.locator("h1")).to_have_text(MANIFESTO_TITLE)
    lead.screens("lead-es-public-manifesto")
    lead.close()
